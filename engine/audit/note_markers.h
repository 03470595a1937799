// Note markers in a line of text, and the numbers notes start with
// (internal to the audit): footnotes.page pairs them, and the margins'
// full-page rule asks whether a page opens with a marker.
#pragma once

#include <optional>
#include <vector>

#include "audit/analysis.h"

namespace banshi::audit {

struct Marker {
  int number;
  int page;
};

// The number a note (a line at the foot) starts with: superscript digits
// or digits / a circled number / [n] as its first characters — these only
// when they are the next number after `last` (or 1).
std::optional<int> note_number(const Page& p, const Line& l, int last);

// The note markers in line `l` of page `p`: superscript digits after a Han
// character or a mark — not exponents (m², x³) nor citations ([2,5]) —
// and circled numbers; appended to `out`.
void find_markers(const Page& p, const Line& l, std::vector<Marker>& out);

}  // namespace banshi::audit
