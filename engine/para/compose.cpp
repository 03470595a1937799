#include "para/compose.h"

namespace banshi {

ComposedParagraph ParagraphComposer::compose(const CollectedText& text, const ParagraphSpec& spec) {
  ComposedParagraph out;
  const Prepared prepared = preparer_.prepare(text, spec);
  const auto ranges = break_lines(prepared, spec, breaker_);
  out.lines.reserve(ranges.size());
  for (size_t i = 0; i < ranges.size(); ++i) {
    const LineLayout set = set_line(prepared, ranges[i], spec, i, i + 1 == ranges.size());
    out.lines.push_back(finalize_line(prepared, set));
  }
  return out;
}

}  // namespace banshi
