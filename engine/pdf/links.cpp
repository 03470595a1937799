#include "pdf/links.h"

#include <algorithm>

namespace banshi::pdf {

namespace {

// Annotation flag bit 3 (PDF 32000-1, table 165).
constexpr long kAnnotPrint = 1 << 2;

}  // namespace

void add_links(HaruDoc& pdf, HPDF_Page out, const Page& page, const Matrix& to_sheet) {
  for (const LinkArea& link : page.links) {
    // Opposite corners in PDF space; a turned page swaps them, so the
    // rectangle is rebuilt from their extremes.
    const Point p = to_sheet.apply({link.x, page.height - link.y - link.h});
    const Point q = to_sheet.apply({link.x + link.w, page.height - link.y});
    const HPDF_Rect rect{static_cast<HPDF_REAL>(std::min(p.x, q.x)), static_cast<HPDF_REAL>(std::min(p.y, q.y)),
                         static_cast<HPDF_REAL>(std::max(p.x, q.x)), static_cast<HPDF_REAL>(std::max(p.y, q.y))};
    HPDF_Annotation a = pdf.require(HPDF_Page_CreateURILinkAnnot(out, rect, link.uri.c_str()), "adding a link");
    pdf.check(HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0), "removing a link border");
    // Print (and nothing else): PDF/A requires it of every annotation, and
    // a link printed as its own text is what any printout wants anyway.
    pdf.add_int(a, "F", kAnnotPrint);
  }
}

}  // namespace banshi::pdf
