// What the importer decided and found, by paragraph: every heuristic
// decision is a note (a paragraph taken as the title, a heading found from
// its typed number), problems are warnings or errors. They become
// diagnostics located at the paragraph — report.docx:¶37 「二、巴中发展…」 —
// once the paragraphs' opening words are known, and comments in the XML
// that `banshi import` writes.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "util/diag.h"

namespace banshi::docx {

class ImportLog {
 public:
  struct Entry {
    Severity severity;
    int paragraph;  // 0 = the whole document
    Message message;
    std::string path, label;  // of a form field: "<project>/<id>", "立项编号"
  };

  void note(int paragraph, MessageCode code, Args args = {}) { add(Severity::Note, paragraph, code, std::move(args)); }
  void warn(int paragraph, MessageCode code, Args args = {}) {
    add(Severity::Warning, paragraph, code, std::move(args));
  }
  void error(int paragraph, MessageCode code, Args args = {}) {
    add(Severity::Error, paragraph, code, std::move(args));
  }
  void add(Severity s, int paragraph, MessageCode code, Args args) {
    entries_.push_back({s, paragraph, Message{code, std::move(args)}, {}, {}});
  }
  // About a field of the form, named as the XML reader names it.
  void about(Severity s, int paragraph, MessageCode code, std::string path, std::string label, Args args = {}) {
    entries_.push_back({s, paragraph, Message{code, std::move(args)}, std::move(path), std::move(label)});
  }
  // Once per document: the same code at a later paragraph is dropped.
  void once(Severity s, int paragraph, MessageCode code, Args args = {});

  const std::vector<Entry>& entries() const { return entries_; }
  bool has_errors() const;

  // The entries as diagnostics of `file`, in the document's order, each
  // paragraph with its opening words (SourceLoc::docx_paragraph of
  // openings[n]).
  std::vector<Diagnostic> diagnostics(const std::string& file, const std::vector<std::string>& openings) const;
  // paragraph → "note: …" lines in `lang`, for the XML's comments.
  std::map<int, std::vector<std::string>> by_paragraph(Lang lang) const;

 private:
  std::vector<Entry> entries_;
};

}  // namespace banshi::docx
