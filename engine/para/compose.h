// Paragraph layout, the whole small pipeline: collect (the caller builds a
// CollectedText) → prepare → linebreak → line → finalize.
#pragma once

#include <vector>

#include "para/finalize.h"
#include "para/linebreak.h"
#include "para/prepare.h"
#include "util/timings.h"

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

  // Times each paragraph's preparing (itemizing, shaping) as
  // "layout/prepare" and its line breaking (breaking, justifying,
  // finalizing) as "layout/break" in `timings` (none: not timed).
  void time_into(Timings* timings) { timings_ = timings; }

 private:
  Preparer preparer_;
  Breaker breaker_;
  Timings* timings_ = nullptr;
};

}  // namespace banshi
