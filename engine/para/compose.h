// Paragraph layout, the whole small pipeline: collect (the caller builds a
// CollectedText) → prepare → linebreak → line → finalize.
#pragma once

#include <vector>

#include "para/finalize.h"
#include "para/linebreak.h"
#include "para/prepare.h"

namespace banshi {

struct ComposedParagraph {
  std::vector<ComposedLine> lines;
};

class ParagraphComposer {
 public:
  explicit ParagraphComposer(const FontSet& fonts, Breaker breaker = Breaker::Optimal)
      : preparer_(fonts), breaker_(breaker) {}

  ComposedParagraph compose(const CollectedText& text, const ParagraphSpec& spec);

  Preparer& preparer() { return preparer_; }
  Breaker breaker() const { return breaker_; }

  // Time spent so far preparing (itemizing, shaping) and breaking lines
  // (breaking, justifying, finalizing), for the benchmark's breakdown.
  double prepare_ms() const { return prepare_ms_; }
  double break_ms() const { return break_ms_; }

 private:
  Preparer preparer_;
  Breaker breaker_;
  double prepare_ms_ = 0, break_ms_ = 0;
};

}  // namespace banshi
