// Line breaks for a title (a centred paragraph kept in phrases: the main
// title, captions): the fewest lines whose breaks all fall where a phrase
// ends, and among those the most even shape — 梯形, 倒梯形, 菱形 or
// balanced, whichever the meaningful breaks allow (GB/T 9704 7.3.1). A
// <br/> in the source always wins: the parts between forced breaks are
// broken on their own.
#pragma once

#include <optional>
#include <vector>

#include "para/linebreak.h"

namespace banshi {

// The lines, or nothing when the title is too long to be a title (the
// general breaker then sets it) or a run in it is wider than a line.
std::optional<std::vector<LineRange>> break_title(const Prepared& p, const ParagraphSpec& spec);

}  // namespace banshi
