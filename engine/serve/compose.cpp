#include "serve/compose.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "docx/convert.h"
#include "docx/package.h"
#include "filekind/sniff.h"
#include "plaintext/outcome_xml.h"
#include "serve/form_xml.h"
#include "serve/request_error.h"
#include "util/file.h"
#include "util/utf8.h"
#include "xml/encoding.h"
#include "xml/scan.h"

namespace banshi::serve {

namespace {

constexpr std::string_view kProlog = R"(<?xml version="1.0" encoding="UTF-8"?>)";

bool is_plain_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

std::string report_tag(std::string_view template_name) {
  return R"(<report template=")" + std::string(template_name) + R"(" version="1">)";
}

// Where the next character of `out` goes: line and column, 1-based.
void position_after(std::string_view out, int& line, size_t& column) {
  line = 1 + static_cast<int>(std::count(out.begin(), out.end(), '\n'));
  const size_t nl = out.rfind('\n');
  column = 1 + utf8_count(nl == std::string_view::npos ? out : out.substr(nl + 1));
}

// A whole report written here (pasted text): everything before the
// outcome on the first line, the outcome's lines the text's.
void generate(const Submission& s, const std::string& outcome, Document& doc) {
  const std::string tmpl = s.template_name.empty() ? std::string("jiexiang") : s.template_name;
  doc.xml = std::string(kProlog) + report_tag(tmpl);
  if (doc.form) {
    position_after(doc.xml, doc.form_line, doc.form_column);
    doc.xml += doc.form->xml;
  }
  doc.xml += outcome + "</report>\n";
}

bool looks_like_xml(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  // UTF-16 with a byte order mark: the decoder's business.
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return true;
  const size_t i = bytes.find_first_not_of(" \t\r\n");
  return i != std::string_view::npos && bytes[i] == '<';
}

// Byte offsets of a scanned position (line, column in code points).
class Offsets {
 public:
  explicit Offsets(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  size_t at(const model::Pos& p) const {
    size_t i = starts_.at(static_cast<size_t>(p.line - 1));
    for (int c = 1; c < p.column && i < text_.size(); ++c) utf8_next(text_, i);
    return i;
  }
  // Just past the '>' closing the tag that starts at `i`.
  size_t tag_end(size_t i) const {
    char quote = 0;
    for (; i < text_.size(); ++i) {
      const char c = text_[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i + 1;
      }
    }
    return text_.size();
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

std::string newlines_of(std::string_view s) {
  return std::string(static_cast<size_t>(std::count(s.begin(), s.end(), '\n')), '\n');
}

// `text` (report XML) with its root tag naming `template_name` (when set)
// and its form elements replaced by the document's form (when set).
std::string splice(const std::string& text, const std::string& template_name, Document& doc) {
  const std::string* form = doc.form ? &doc.form->xml : nullptr;
  if (!form && template_name.empty()) return text;
  const std::string& name = doc.name;
  const xml::ScanResult scan = xml::scan_xml(text, name, {});
  const Offsets offsets(text);
  struct Span {
    size_t begin, end;
    std::string replacement;
    bool is_form = false;
  };
  std::vector<Span> spans;
  int depth = 0;
  size_t child_begin = 0;
  bool in_form_child = false;
  for (const xml::Token& t : scan.tokens) {
    if (t.kind == xml::TokenKind::StartTag) {
      if (depth == 0) {
        const size_t b = offsets.at(t.pos), e = offsets.tag_end(b);
        std::string tag = template_name.empty() ? text.substr(b, e - b) : report_tag(template_name);
        if (!template_name.empty()) tag += newlines_of(std::string_view(text).substr(b, e - b));
        spans.push_back({b, e, tag});
        if (form) spans.push_back({e, e, *form, true});
      } else if (depth == 1 && form) {
        const bool form_part = t.name == "project" || t.name == "changes" || t.name == "declaration";
        if (form_part) {
          child_begin = offsets.at(t.pos);
          if (t.self_closing) {
            const size_t e = offsets.tag_end(child_begin);
            spans.push_back({child_begin, e, newlines_of(std::string_view(text).substr(child_begin, e - child_begin))});
          } else {
            in_form_child = true;
          }
        }
      }
      if (!t.self_closing) ++depth;
    } else if (t.kind == xml::TokenKind::EndTag) {
      --depth;
      if (depth == 1 && in_form_child) {
        const size_t e = offsets.tag_end(offsets.at(t.pos));
        spans.push_back({child_begin, e, newlines_of(std::string_view(text).substr(child_begin, e - child_begin))});
        in_form_child = false;
      }
    }
  }
  std::string out;
  out.reserve(text.size() + (form ? form->size() : 0));
  size_t at = 0;
  for (const Span& s : spans) {
    out.append(text, at, s.begin - at);
    if (s.is_form) position_after(out, doc.form_line, doc.form_column);
    out += s.replacement;
    at = s.end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

// A Word document, or a legacy one (.doc, .wps, .odt …) LibreOffice
// converts to one: by content, and by name where the content cannot tell
// (as render/input.h reads files).
bool is_word(const Upload& u) {
  const filekind::FileKind kind = filekind::sniff(u.bytes);
  if (kind == filekind::FileKind::Zip || kind == filekind::FileKind::OleDoc || kind == filekind::FileKind::OleEncrypted)
    return true;
  return filekind::is_legacy_extension(u.name) && kind != filekind::FileKind::Xml;
}

// Reads the Word document with the importer, and puts the form beside it
// as a report XML of its own (its positions are the fields').
void read_word(const Submission& s, const std::filesystem::path& scratch, Document& doc, Diagnostics& diags) {
  const Upload& u = *s.report;
  std::string bytes = u.bytes;
  if (filekind::sniff(bytes) != filekind::FileKind::Zip) {
    // Converted in the job's own directory, under its own name (never the
    // name the request gave, which is only for messages).
    std::string extension = std::filesystem::path(u.name).extension().string();
    if (!filekind::is_legacy_extension("x" + extension)) extension = ".doc";
    const auto file = scratch / ("upload" + extension);
    write_file_atomic(file, bytes);
    bytes = docx::convert_to_docx(file, u.name);
  }
  const docx::Package package = docx::Package::open_bytes(std::move(bytes), u.name);
  docx::ImportOptions options;
  if (!s.template_name.empty()) options.template_name = s.template_name;
  // The page fills its form with what a filled-in form holds, a missing
  // field among them: the error is in the findings, beside that field.
  options.stop_at_errors = s.action != Action::Import;
  doc.word = docx::import_package(package, scratch, diags, options);
  if (s.action == Action::Xml || s.action == Action::Import) {
    // As report XML (what `banshi import` writes, with its comments), the
    // form and template put in as for an uploaded XML.
    doc.form_file = doc.name;
    doc.xml = splice(docx::imported_xml(*doc.word, s.lang), s.template_name, doc);
    return;
  }
  if (doc.form) {
    doc.form_file = kFieldsName;
    doc.form_document = std::string(kProlog) + report_tag(doc.word->report.template_name);
    position_after(doc.form_document, doc.form_line, doc.form_column);
    doc.form_document += doc.form->xml + "<outcome><title>-</title><body/></outcome></report>\n";
  }
}

}  // namespace

const FieldSpan* Document::field_at(const SourceLoc& loc) const {
  if (!form || loc.file != form_file || loc.line != form_line || loc.column < static_cast<int>(form_column))
    return nullptr;
  return form->field_at(static_cast<size_t>(loc.column) - form_column);
}

Document compose(const Submission& s, const std::filesystem::path& scratch, Diagnostics& diags) {
  if (!s.template_name.empty() && !is_plain_name(s.template_name))
    throw RequestError("serve.bad-parameter", {{"name", "template"}, {"value", s.template_name}});
  Document doc;
  if (s.fields) doc.form = form_xml(*s.fields, s.action == Action::Xml);
  if (s.report && is_word(*s.report)) {
    doc.name = s.report->name;
    read_word(s, scratch, doc, diags);
    return doc;
  }
  if (s.report && looks_like_xml(s.report->bytes)) {
    doc.name = s.report->name;
    doc.form_file = doc.name;
    const std::string utf8 = xml::decode_to_utf8(s.report->bytes, doc.name, diags);
    doc.xml = splice(utf8, s.template_name, doc);
    return doc;
  }
  if (s.report) {
    if (!utf8_valid(s.report->bytes)) throw RequestError("serve.report-kind", {{"file", s.report->name}});
    // A .txt file: read as pasted text.
    doc.name = s.report->name;
    doc.form_file = doc.name;
    doc.from_text = true;
    generate(s, plaintext::outcome_xml(s.report->bytes), doc);
    return doc;
  }
  if (s.text) {
    doc.name = kPastedTextName;
    doc.form_file = doc.name;
    doc.from_text = true;
    generate(s, plaintext::outcome_xml(*s.text), doc);
    return doc;
  }
  throw RequestError("serve.no-report");
}

}  // namespace banshi::serve
