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

 private:
  Preparer preparer_;
  Breaker breaker_;
};

}  // namespace banshi
