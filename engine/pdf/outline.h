// Bookmarks: the outline entries as nested PDF outline items.
#pragma once

#include <vector>

#include "page/display_list.h"
#include "pdf/haru_doc.h"

namespace banshi::pdf {

// `pages[i]` is the PDF page of `doc.pages[i]`. An entry deeper than one
// below its predecessor is attached to the deepest open level. Throws
// EngineError for an entry pointing past the last page.
void add_outline(HaruDoc& pdf, const PageSequence& doc, const std::vector<HPDF_Page>& pages);

}  // namespace banshi::pdf
