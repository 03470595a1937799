// The A3 saddle-stitched booklet: every A4 page drawn once as a Form
// XObject and placed two-up on A3 landscape sheet sides (impose.h says
// where), with fold marks, and the outline and page labels of the sheets.
#pragma once

#include "page/display_list.h"
#include "pdf/content_stream.h"
#include "pdf/haru_doc.h"
#include "pdf/page_contents.h"

namespace banshi::pdf {

// Adds the sheet sides (front, back, front, … — 2 per sheet), the outline
// (each entry on the side holding its page) and page labels "第N张正面" /
// "第N张背面" to `pdf`. Back sides are turned 180° for long-edge duplex
// (see back_side_rotated). Throws EngineError for a page larger than half
// a sheet or an outline entry pointing past the last page.
// With `max_pages` (a multiple of 4, 0 = no limit), the pages go into as
// many booklets of at most that many pages as they need (booklets_order),
// labelled "第B册第N张正面".
// `contents`: the pages' contents (page_contents.h), `res` the resources
// the sheets' own marks use.
void write_booklet(HaruDoc& pdf, const PageSequence& doc, const DocumentResources& res, PageContents& contents,
                   bool long_edge_duplex, size_t max_pages = 0);

}  // namespace banshi::pdf
