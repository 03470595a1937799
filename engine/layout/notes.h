// Footnotes and citations met while the document is collected: footnote
// numbering through the document, citation numbers in order of first
// citation (GB/T 7714 顺序编码制).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/document.h"

namespace banshi {

struct Note {
  int number = 0;  // printed number (1-based)
  const model::Inlines* content = nullptr;
  model::Pos pos;
};

class NoteRegistry {
 public:
  // `numbers`, when given, are the printed numbers by note index (per-page
  // numbering, known after a first pagination); else notes count 1, 2, 3….
  explicit NoteRegistry(bool circled = false, const std::vector<int>* numbers = nullptr)
      : circled_(circled), numbers_(numbers) {}

  // Registers a note; returns its index (into notes()).
  int add(const model::Inline& fn);
  const std::vector<Note>& notes() const { return notes_; }
  // The marker as printed: "3", or "③" with circled markers.
  std::string marker(int index) const;
  bool circled() const { return circled_; }

 private:
  std::vector<Note> notes_;
  bool circled_;
  const std::vector<int>* numbers_;
};

// ① … ⑳ for 1 … 20, then (21) …
std::string circled_number(int n);

class CitationRegistry {
 public:
  // Numbers the references in order of first citation and returns the
  // label for one <cite>: "[1]", "[1-3]", "[2,5]".
  std::string cite(const std::vector<std::string>& ids);
  // The number of a reference id, 0 if never cited.
  int number(const std::string& id) const;
  int count() const { return static_cast<int>(numbers_.size()); }

 private:
  std::map<std::string, int> numbers_;
};

// "[1-3]" style label for a set of numbers: sorted, runs of three or more
// collapsed into a range.
std::string citation_label(std::vector<int> numbers);

}  // namespace banshi
