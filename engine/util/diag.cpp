#include "util/diag.h"

#include <algorithm>
#include <tuple>

#include "util/echo.h"
#include "util/json.h"
#include "util/utf8.h"

namespace banshi {

namespace {

// East Asian wide characters take two columns of a terminal or a line of
// print; the excerpt of a .docx paragraph is cut by columns so Chinese and
// Latin openings are about as long.
int columns_of(char32_t cp) {
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

constexpr int kExcerptColumns = 22;

std::string excerpt_of(std::string_view text) {
  // Leading white space says nothing about which paragraph it is.
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
  text.remove_prefix(i);
  int cols = 0;
  size_t end = 0;
  for (size_t k = 0; k < text.size();) {
    const size_t before = k;
    const char32_t cp = utf8_next(text, k);
    if (cp == '\n' || cp == '\r' || cp == '\t') break;
    cols += columns_of(cp);
    if (cols > kExcerptColumns) {
      end = before;
      return std::string(text.substr(0, end)) + "…";
    }
    end = k;
  }
  return std::string(text.substr(0, end)) + (end < text.size() ? "…" : "");
}

MessageCode severity_code(Severity s) {
  switch (s) {
    case Severity::Note: return "severity.note";
    case Severity::Warning: return "severity.warning";
    case Severity::Error: return "severity.error";
  }
  return "severity.error";
}

}  // namespace

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

SourceLoc SourceLoc::docx_paragraph(std::string file, int paragraph, std::string_view text) {
  SourceLoc l;
  l.file = std::move(file);
  l.paragraph = paragraph;
  l.excerpt = excerpt_of(text);
  return l;
}

SourceLoc SourceLoc::pdf_page(std::string file, int page) {
  SourceLoc l;
  l.file = std::move(file);
  l.page = page;
  return l;
}

std::string SourceLoc::format(Lang lang) const {
  if (page > 0) return render_message("location.page", {{"file", file}, {"page", page}}, lang);
  std::string out = file;
  if (paragraph > 0) {
    out += ":¶" + std::to_string(paragraph);
    if (!excerpt.empty()) out += " 「" + excerpt + "」";
  } else if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  return out;
}

namespace {

// What the input holds, as a message may quote it: every plain argument is
// echoed (cut after about 80 characters, invisible characters named), here
// once for every message about the input. A file or directory name is
// shown whole, its invisible characters named.
Args echoed_args(const Args& args) {
  Args out;
  for (const Arg& a : args) {
    Arg shown = a;
    if (!a.is_list && !a.nested && !a.localized) {
      const bool path = a.name == "file" || a.name == "dir";
      shown.value = echoed(a.value, path ? std::string::npos : kEchoChars);
    }
    out.add(std::move(shown));
  }
  return out;
}

}  // namespace

std::string Diagnostic::message_text(Lang lang) const {
  return code ? render_message(*code, echoed_args(args), lang) : std::string();
}

std::string Diagnostic::format(Lang lang) const {
  const std::string shown_path = echoed_path(path);
  Args a{{"message", message_text(lang)}, {"path", shown_path}, {"label", label}};
  std::string text;
  if (!path.empty() && !label.empty()) text = render_message("diagnostic.path-label", a, lang);
  else if (!path.empty()) text = render_message("diagnostic.path", a, lang);
  else if (!label.empty()) text = render_message("diagnostic.label", a, lang);
  else text = message_text(lang);
  Args line{{"severity", render_message(severity_code(severity), {}, lang)}, {"text", text}};
  if (loc.empty()) return render_message("diagnostic.line-nowhere", line, lang);
  line.add({"location", loc.format(lang)});
  return render_message("diagnostic.line", line, lang);
}

std::string Diagnostic::to_json(Lang lang) const {
  JsonWriter w;
  w.begin_object();
  w.key("file").value(loc.file);
  w.key("line").value(loc.line);
  w.key("column").value(loc.column);
  if (loc.paragraph > 0) {
    w.key("paragraph").value(loc.paragraph);
    w.key("excerpt").value(loc.excerpt);
  }
  if (loc.page > 0) w.key("page").value(loc.page);
  w.key("path").value(echoed_path(path));
  w.key("label").value(label);
  w.key("severity").value(severity_name(severity));
  w.key("code").value(code_str());
  w.key("message").value(message_text(lang));
  w.key("args").begin_object();
  for (const auto& arg : echoed_args(args)) {
    w.key(arg.name);
    if (!arg.is_list || arg.nested_items) {
      w.value(arg.text(lang));
      continue;
    }
    w.begin_array();
    for (const auto& item : arg.items) w.value(item);
    w.end_array();
  }
  w.end_object();
  w.end_object();
  return w.str();
}

Diagnostic& Diagnostics::error(SourceLoc loc, MessageCode code, Args args, std::string path, std::string label) {
  return items_.emplace_back(Severity::Error, code, std::move(args))
      .at(std::move(loc))
      .about(std::move(path), std::move(label));
}

Diagnostic& Diagnostics::warn(SourceLoc loc, MessageCode code, Args args, std::string path, std::string label) {
  return items_.emplace_back(Severity::Warning, code, std::move(args))
      .at(std::move(loc))
      .about(std::move(path), std::move(label));
}

Diagnostic& Diagnostics::note(SourceLoc loc, MessageCode code, Args args, std::string path, std::string label) {
  return items_.emplace_back(Severity::Note, code, std::move(args))
      .at(std::move(loc))
      .about(std::move(path), std::move(label));
}

bool Diagnostics::has_errors() const { return count(Severity::Error) > 0; }

size_t Diagnostics::count(Severity s) const {
  return static_cast<size_t>(
      std::count_if(items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::insert(size_t at, const Diagnostics& other) {
  items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(std::min(at, items_.size())), other.items_.begin(),
                other.items_.end());
}

std::string count_summary(const Diagnostics& diags, Lang lang) {
  struct Count {
    Severity severity;
    MessageCode one, many;
  };
  static constexpr Count kCounts[] = {
      {Severity::Error, "summary.error.one", "summary.error.many"},
      {Severity::Warning, "summary.warning.one", "summary.warning.many"},
      {Severity::Note, "summary.note.one", "summary.note.many"},
  };
  std::vector<std::string> parts;
  for (const auto& c : kCounts)
    if (const size_t n = diags.count(c.severity); n > 0)
      parts.push_back(render_message(n == 1 ? c.one : c.many, {{"n", n}}, lang));
  if (parts.empty()) return render_message("summary.none", {}, lang);
  return render_message("summary.counts", {{"counts", std::move(parts)}}, lang);
}

namespace {

// An engine error's arguments are the engine's own (paths, library
// errors), shown as they are.
std::string located_text(const Diagnostic& d, Lang lang) {
  const std::string message = d.code ? render_message(*d.code, d.args, lang) : std::string();
  return d.loc.empty() ? message : d.loc.format(lang) + ": " + message;
}

}  // namespace

EngineError::EngineError(MessageCode code, Args args) : EngineError(SourceLoc{}, code, std::move(args)) {}

EngineError::EngineError(SourceLoc where, MessageCode code, Args args)
    : EngineError(Diagnostic(Severity::Error, code, std::move(args)).at(std::move(where))) {}

EngineError::EngineError(Diagnostic d) : std::runtime_error(located_text(d, Lang::En)), diag_(std::move(d)) {}

std::string EngineError::text(Lang lang) const { return located_text(diag_, lang); }

namespace {

std::string english_lines(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += (out.empty() ? "" : "\n") + d.format(Lang::En);
  return out;
}

}  // namespace

InputError::InputError(Diagnostic d) : InputError(std::vector<Diagnostic>{std::move(d)}) {}

InputError::InputError(std::vector<Diagnostic> errors)
    : std::runtime_error(english_lines(errors)), diags_(std::move(errors)) {}

void sort_by_position(std::vector<Diagnostic>& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    const auto key = [](const Diagnostic& d) {
      return std::tuple(d.loc.line, d.loc.paragraph, d.loc.page, d.loc.column);
    };
    return key(a) < key(b);
  });
}

void Diagnostics::add(const InputError& e) {
  for (const auto& d : e.diagnostics()) items_.push_back(d);
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  sort_by_position(out);
  return out;
}

}  // namespace banshi
