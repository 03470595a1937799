// The parts of a page that are not running text, found before any body
// rule looks at it: printer's marks, the page number, the footnotes under
// their separator, ruled tables, figures and captions (internal to the
// audit).
#pragma once

#include "audit/analysis.h"

namespace banshi::audit {

struct PartsContext {
  Rect block;             // the text block, horizontally as wide as either mirroring allows
  double body_size = 16;  // the size most Han characters have (a first guess)
  double mark_zone = 0;   // pt from the paper edge
};

// Drops printer's marks from page.rules/areas/curves (counting them in
// page.mark), then sets page.folio, page.note_rule, page.tables,
// page.figures and the roles Folio, Footnote, Table, Figure, Caption.
void find_parts(Page& page, const PartsContext& ctx);

// The number a page-number line shows ("— 3 —", "- 3 -", "第 3 页", "3"),
// nothing when the text is not a page number.
std::optional<long> folio_number(const std::u32string& text);

}  // namespace banshi::audit
