// Glyphs gathered into lines (internal to the audit).
#pragma once

#include "audit/analysis.h"

namespace banshi::audit {

// Fills page.lines (top to bottom) and page.tilted from page.glyphs.
// Glyphs whose baselines differ by at most `baseline_tol` share a line.
void build_lines(Page& page, double baseline_tol);

}  // namespace banshi::audit
