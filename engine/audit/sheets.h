// A4 pages from a PDF's pages: A4 pages as they are; an A3 landscape
// sheet of a saddle-stitched booklet cut into its two A4 halves, which are
// then put back into page order (internal to the audit).
#pragma once

#include <vector>

#include "audit/analysis.h"

namespace banshi::audit {

// True when every page of the file is an A3 landscape sheet (within `tol`
// points each side).
bool is_a3_sheets(const RawDocument& raw, double tol);

// The halves (or pages) in file order: pdf_page and half set, seq = 0.
std::vector<Page> cut_pages(const RawDocument& raw, bool sheets);

// Puts the halves of A3 sheets into reading order, judging the order the
// sheets were printed in from the page numbers found on the halves
// (page.folio must be set): saddle-stitch order, or plain reading order
// (1|2, 3|4 …), which will not fold into a booklet. Sets seq on every page
// and returns the pages sorted by it.
std::vector<Page> order_halves(std::vector<Page> halves, Booklet& booklet);

}  // namespace banshi::audit
