#include "docx/import_log.h"

#include <algorithm>

namespace banshi::docx {

namespace {

std::string severity_word(Severity s, Lang lang) {
  switch (s) {
    case Severity::Note: return render_message("severity.note", {}, lang);
    case Severity::Warning: return render_message("severity.warning", {}, lang);
    case Severity::Error: break;
  }
  return render_message("severity.error", {}, lang);
}

// A message about a form field after its path and label, as
// Diagnostic::format writes it: "<project>/<id> (立项编号) is missing".
std::string text_of(const ImportLog::Entry& e, Lang lang) {
  if (e.path.empty()) return e.message.text(lang);
  return render_message("diagnostic.path-label",
                        {{"message", e.message.text(lang)}, {"path", e.path}, {"label", e.label}}, lang);
}

}  // namespace

void ImportLog::once(Severity s, int paragraph, MessageCode code, Args args) {
  for (const auto& e : entries_)
    if (e.message.code == code) return;
  add(s, paragraph, code, std::move(args));
}

bool ImportLog::has_errors() const {
  return std::any_of(entries_.begin(), entries_.end(), [](const Entry& e) { return e.severity == Severity::Error; });
}

std::vector<Diagnostic> ImportLog::diagnostics(const std::string& file,
                                               const std::vector<std::string>& openings) const {
  // In the document's order (the whole document's first): an applicant
  // reads them beside the document.
  std::vector<const Entry*> sorted;
  for (const auto& e : entries_) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Entry* a, const Entry* b) { return a->paragraph < b->paragraph; });
  std::vector<Diagnostic> out;
  for (const Entry* e : sorted) {
    Diagnostic d(e->severity, e->message.code, e->message.args);
    if (!e->path.empty()) d.about(e->path, e->label);
    if (e->paragraph > 0) {
      const size_t n = static_cast<size_t>(e->paragraph);
      d.at(SourceLoc::docx_paragraph(file, e->paragraph, n < openings.size() ? openings[n] : std::string()));
    } else {
      d.at(SourceLoc(file));
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::map<int, std::vector<std::string>> ImportLog::by_paragraph(Lang lang) const {
  std::map<int, std::vector<std::string>> out;
  for (const auto& e : entries_) out[e.paragraph].push_back(severity_word(e.severity, lang) + ": " + text_of(e, lang));
  return out;
}

}  // namespace banshi::docx
