// URI link annotations. Annotations belong to the PDF page, not to the
// content, so an imposed page's links are moved onto the sheet with it.
#pragma once

#include "page/display_list.h"
#include "pdf/haru_doc.h"
#include "pdf/matrix.h"

namespace banshi::pdf {

// Adds borderless URI links for `page.links` to `out`; `to_sheet` maps the
// page's PDF space to `out`'s (identity when the page is the PDF page).
void add_links(HaruDoc& pdf, HPDF_Page out, const Page& page, const Matrix& to_sheet = {});

}  // namespace banshi::pdf
