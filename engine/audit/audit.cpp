#include "audit/audit.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "audit/analysis.h"
#include "audit/rules.h"
#include "audit/words.h"
#include "util/diag.h"
#include "util/echo.h"

namespace banshi::audit {

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "pass";
    case Verdict::Fail: return "fail";
    case Verdict::NotApplicable: break;
  }
  return "n/a";
}

bool Report::passed() const {
  return std::none_of(findings.begin(), findings.end(), [](const Finding& f) { return f.verdict == Verdict::Fail; });
}

std::vector<std::string> Report::failed_rules() const {
  std::vector<std::string> out;
  for (const Finding& f : findings)
    if (f.verdict == Verdict::Fail) out.push_back(f.rule);
  return out;
}

Auditor::Auditor(const std::filesystem::path& data_dir)
    : data_dir_(data_dir),
      settings_(Settings::builtin()),
      families_(FamilyTable::load(data_dir / "fonts" / "families.xml")) {
  for (const TemplateSummary& t : list_templates(data_dir / "templates"))
    templates_.emplace(t.name, std::make_unique<Template>(load_template(data_dir / "templates" / t.name)));
  if (templates_.empty()) throw EngineError("audit.no-templates", {{"dir", (data_dir / "templates").string()}});
}

const Template& Auditor::template_named(const std::string& name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    std::vector<std::string> names;
    for (const auto& [n, t] : templates_) names.push_back(n);
    throw EngineError("audit.template-not-installed", {{"name", echoed(name)}, {"installed", names}});
  }
  return *it->second;
}

std::vector<std::string> Auditor::template_names() const {
  std::vector<std::string> out;
  for (const auto& [n, t] : templates_) out.push_back(n);
  return out;
}

namespace {

// Files over this are refused before they are read (an applicant's PDF
// with photographs is a few MB; a scan of 200 pages some tens).
constexpr std::uintmax_t kMaxBytes = 512u << 20;

std::string read_bytes(const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) throw UnreadableError(Unreadable::NotPdf, "a directory");
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) throw UnreadableError(Unreadable::Unopenable, ec.message());
  if (size > kMaxBytes) throw UnreadableError(Unreadable::TooLarge, std::to_string(size >> 20) + " MB");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UnreadableError(Unreadable::Unopenable, "cannot open");
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) throw UnreadableError(Unreadable::Unopenable, "short read");
  return bytes;
}

Report make_report(const Analysis& a, const std::string& name) {
  Report r;
  r.file = name;
  r.kind = "pdf";
  r.template_name = a.tpl->name;
  r.producer = !a.raw->creator.empty() && a.raw->creator != a.raw->producer
                   ? a.raw->creator + (a.raw->producer.empty() ? "" : " / " + a.raw->producer)
                   : a.raw->producer;
  r.pages = static_cast<int>(a.pages.size());
  r.sheets = a.booklet.sheets ? static_cast<int>(a.raw->pages.size()) : 0;
  for (const Page& p : a.pages) r.page_map.push_back({p.seq, p.pdf_page, p.half});
  r.findings = run_rules(a);
  return r;
}

}  // namespace

namespace {

// A zip is a Word file (or refused as one by the Word reader, which says
// why: a .docm, a damaged package …). So is anything under a Word name
// that is not a PDF: the Word reader knows an encrypted document, a .doc,
// a web page or RTF saved as .docx, and says how to mend each; the PDF
// reader could only say "not a PDF". The rest is read as a PDF.
bool is_word_file(const std::filesystem::path& file, std::string_view bytes) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  const bool word_name = ext == ".docx" || ext == ".docm" || ext == ".doc" || ext == ".wps";
  const bool zip = bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0;
  const bool pdf = bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
  return zip || (word_name && !bytes.empty() && !pdf);
}

}  // namespace

Report Auditor::audit_file(const std::filesystem::path& file, const AuditOptions& options) const {
  std::string bytes = read_bytes(file);
  if (is_word_file(file, bytes)) return audit_docx(std::move(bytes), file.string(), options);
  return audit_pdf(bytes, file.string(), options);
}

Report Auditor::audit_pdf(std::string_view bytes, const std::string& name, const AuditOptions& options) const {
  const RawDocument raw = read_pdf(bytes);
  if (!options.template_name.empty()) {
    const Analysis a = analyse(raw, template_named(options.template_name), settings_, families_);
    return make_report(a, name);
  }
  // By content: a template with form pages when the file has them, else
  // one without (the outcome alone).
  const Template* plain = nullptr;
  for (const auto& [n, t] : templates_) {
    if (t->front.empty()) {
      if (!plain || n == "outcome") plain = t.get();
      continue;
    }
    Analysis a = analyse(raw, *t, settings_, families_);
    if (a.form_found) return make_report(a, name);
  }
  if (!plain) plain = templates_.begin()->second.get();
  return make_report(analyse(raw, *plain, settings_, families_), name);
}

namespace {

const char* role_name(Role r) {
  switch (r) {
    case Role::Unknown: return "?";
    case Role::Folio: return "folio";
    case Role::Footnote: return "note";
    case Role::Table: return "table";
    case Role::Figure: return "figure";
    case Role::Caption: return "caption";
    case Role::Form: return "form";
    case Role::Title: return "title";
    case Role::Author: return "author";
    case Role::Heading: return "heading";
    case Role::Body: return "body";
    case Role::Quote: return "quote";
    case Role::Other: return "other";
  }
  return "?";
}

}  // namespace

std::string Auditor::explain(const std::filesystem::path& file, const AuditOptions& options) const {
  std::string bytes = read_bytes(file);
  if (is_word_file(file, bytes)) {
    std::string out = file.string() + ": ";
    audit_docx(std::move(bytes), file.string(), options, &out);
    return out;
  }
  const RawDocument raw = read_pdf(bytes);
  const Template* tpl = nullptr;
  if (!options.template_name.empty()) tpl = &template_named(options.template_name);
  for (const auto& [n, t] : templates_)
    if (!tpl && !t->front.empty() && analyse(raw, *t, settings_, families_).form_found) tpl = t.get();
  if (!tpl)
    tpl = templates_.count("outcome") ? templates_.find("outcome")->second.get() : templates_.begin()->second.get();
  const Analysis a = analyse(raw, *tpl, settings_, families_);
  std::string out = "template " + tpl->name + "; body " + fixed(a.body_size) + " pt " + a.body_face + "; line pitch " +
                    fixed(a.pitch_line, 2) + ", char pitch " + fixed(a.pitch_char, 2) +
                    (a.mirrored ? ", mirrored" : ", not mirrored") + "\n";
  for (const Page& p : a.pages) {
    out += "page " + std::to_string(p.seq) + " (pdf " + std::to_string(p.pdf_page) +
           (p.half ? p.half == 1 ? " left" : " right" : "") + ")" + (p.form ? " form" : "") +
           (p.outcome ? " outcome" : "") + " left " + fixed(p.left) + " tables " + std::to_string(p.tables.size()) +
           " figures " + std::to_string(p.figures.size()) + (p.note_rule ? " notes" : "") + "\n";
    for (const Line& l : p.lines) {
      std::string flags;
      if (l.para_start) flags += "S";
      if (l.para_end) flags += "E";
      if (l.list_item) flags += "L";
      out += "  " + std::string(role_name(l.role)) + (l.level ? std::to_string(l.level) : "") + " " + flags + " y" +
             fixed(l.y) + " x" + fixed(l.x0) + "-" + fixed(l.x1) + " s" + fixed(l.size) + " h" +
             std::to_string(l.head) + " " + (l.glyphs.empty() ? "" : a.faces[p.glyphs[l.glyphs[0]].font].name) + " 「" +
             utf8(l.text.substr(0, 30)) + "」";
      if (!l.scripts.empty()) {
        std::u32string s;
        for (uint32_t i : l.scripts) s += p.glyphs[i].cp;
        out += " ^" + utf8(s);
      }
      out += "\n";
    }
  }
  return out;
}

Text unreadable_text(const UnreadableError& e) {
  if (e.why()) return *e.why();
  switch (e.kind()) {
    case Unreadable::Empty: return Text("audit.unreadable.empty");
    case Unreadable::NotPdf: return Text("audit.unreadable.not-pdf");
    case Unreadable::Encrypted: return Text("audit.unreadable.encrypted");
    case Unreadable::Damaged: return Text("audit.unreadable.damaged").arg("detail", e.detail());
    case Unreadable::Broken: return Text("audit.unreadable.broken").arg("count", e.detail());
    case Unreadable::TooManyPages: return Text("audit.unreadable.too-many-pages").arg("detail", e.detail());
    case Unreadable::TooLarge: return Text("audit.unreadable.too-large").arg("detail", e.detail());
    case Unreadable::Unopenable: return Text("audit.unreadable.io").arg("detail", e.detail());
    case Unreadable::Docx: return Text("audit.unreadable.bad-docx").arg("detail", e.detail());
  }
  return Text("audit.unreadable.io").arg("detail", e.detail());
}

}  // namespace banshi::audit
