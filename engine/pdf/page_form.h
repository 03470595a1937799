// A page's content as a Form XObject, so that imposition can draw each A4
// page once and place it on a sheet (PDF 32000-1 §8.10).
#pragma once

#include "page/display_list.h"
#include "pdf/content_stream.h"
#include "pdf/haru_doc.h"
#include "pdf/page_contents.h"

namespace banshi::pdf {

// Writes `page` with its `content` (page_contents.h) into a new Form
// XObject — /BBox the page, its own /Resources naming only the fonts and
// images it uses (the objects are shared with the rest of the document) —
// and returns it; nullptr when the page draws nothing (a blank page needs
// no object).
HPDF_Dict write_page_form(HaruDoc& pdf, const Page& page, PageContent&& content);

}  // namespace banshi::pdf
