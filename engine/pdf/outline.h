// Bookmarks: the outline entries as nested PDF outline items.
#pragma once

#include <functional>
#include <vector>

#include "page/display_list.h"
#include "pdf/haru_doc.h"

namespace banshi::pdf {

// Where a bookmark jumps: [page /XYZ left top null], keeping the reader's
// zoom; left and top in the PDF page's space.
struct OutlineTarget {
  HPDF_Page page = nullptr;
  double left = 0;
  double top = 0;
};

// Maps an entry (whose page index is valid) to its destination.
using OutlineLocator = std::function<OutlineTarget(const OutlineEntry&)>;

// An entry deeper than one below its predecessor is attached to the deepest
// open level. Throws EngineError for an entry pointing past the last page
// of `doc`.
void add_outline(HaruDoc& pdf, const PageSequence& doc, const OutlineLocator& locate);

// One PDF page per page of `doc`: `pages[i]` is the PDF page of
// `doc.pages[i]`; entries jump to their heading's top.
void add_outline(HaruDoc& pdf, const PageSequence& doc, const std::vector<HPDF_Page>& pages);

}  // namespace banshi::pdf
