// Where a title, heading or caption may break by meaning: the costs of the
// lexicon engine/para/phrase-breaks.txt (compiled in) applied to a paragraph's
// text. ICU's word segmentation alone tears noun runs (城乡|融合) and even
// words (背景下巴中 → 下巴); the lexicon says where phrases end.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace banshi {

class PhraseBreaks {
 public:
  // The compiled-in lexicon; throws EngineError if it does not parse.
  static const PhraseBreaks& builtin();
  // A lexicon in the file format (for tests).
  static PhraseBreaks parse(std::string_view text);

  // The cost of a line break at each byte offset of `text` (size + 1
  // entries; only offsets between two characters matter), given which
  // offsets are boundaries of ICU's word segmentation.
  std::vector<float> costs(const std::string& text, const std::vector<bool>& word_boundary) const;

  // Breaks costing no more than this read as meaningful.
  static constexpr float kMeaningful = 500;

 private:
  struct Rule {
    std::string word;
    float cost = 0;
  };
  std::vector<Rule> after_, before_;
  std::vector<std::string> keep_;
  float between_ = 1500, inside_ = 3000;
};

}  // namespace banshi
