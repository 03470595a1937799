// Headings typed as text: the number an applicant typed at the start of a
// paragraph and the level it stands for in the federation's scheme
// (一、 level 1, （一） level 2, 1. level 3, （1） level 4) — read as the Word
// importer reads numbers typed by hand (docx/headings.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace banshi::plaintext {

struct TypedHeading {
  int level = 1;            // 1..4
  std::string text;         // the heading without its number
  std::string run_in_body;  // for a run-in heading: the paragraph after it
  bool run_in = false;
};

// The heading `paragraph` is, if it is one: it starts with a typed number,
// and it is short (a whole paragraph of at most kMaxHeadingChars, with no
// sentence inside), or — levels 3 and 4 — it opens with a short phrase
// ending in 。 followed by the paragraph (a run-in heading).
std::optional<TypedHeading> typed_heading(std::string_view paragraph);

// Headings are short; a numbered paragraph longer than this is a list item
// or an ordinary paragraph that happens to start with a number.
constexpr size_t kMaxHeadingChars = 40;
// A run-in heading's phrase ("1.培育新型人才。").
constexpr size_t kMaxRunInChars = 20;

}  // namespace banshi::plaintext
