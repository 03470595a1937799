#include "pdf/outline.h"

#include <algorithm>

#include "util/diag.h"

namespace banshi::pdf {

namespace {

// [page /XYZ left top null]: jump to the heading, keeping the reader's zoom.
// libharu's HPDF_Destination_SetXYZ cannot write a null zoom, so the array
// it created is refilled here.
HPDF_Destination heading_destination(HaruDoc& pdf, HPDF_Page page, double top) {
  HPDF_Destination dst = pdf.require(HPDF_Page_CreateDestination(page), "creating a bookmark destination");
  HPDF_Array_Clear(dst);
  pdf.push(dst, page);
  pdf.push_name(dst, "XYZ");
  pdf.push_int(dst, 0);
  pdf.push_real(dst, top);
  pdf.push(dst, HPDF_Null_New(pdf.mmgr()));
  return dst;
}

}  // namespace

void add_outline(HaruDoc& pdf, const PageSequence& doc, const std::vector<HPDF_Page>& pages) {
  // open[k]: the most recent item at level k + 1.
  std::vector<HPDF_Outline> open;
  for (const OutlineEntry& e : doc.outline) {
    if (e.page >= pages.size()) {
      throw EngineError("PDF writer: bookmark \"" + e.title + "\" points to page " + std::to_string(e.page + 1) +
                        " of " + std::to_string(pages.size()));
    }
    const size_t level = static_cast<size_t>(std::clamp<long>(e.level, 1, static_cast<long>(open.size()) + 1));
    open.resize(level - 1);
    HPDF_Outline parent = open.empty() ? nullptr : open.back();
    // The title passed here is replaced below: libharu would write the
    // UTF-8 bytes as they are, which viewers read as PDFDocEncoding.
    HPDF_Outline item = pdf.require(HPDF_CreateOutline(pdf.get(), parent, "", nullptr), "creating a bookmark");
    pdf.add_text_string(item, "Title", e.title);
    pdf.check(HPDF_Outline_SetOpened(item, HPDF_TRUE), "opening a bookmark");
    const Page& page = doc.pages[e.page];
    const double top = std::clamp(page.height - e.y, 0.0, page.height);
    pdf.check(HPDF_Outline_SetDestination(item, heading_destination(pdf, pages[e.page], top)),
              "setting a bookmark destination");
    open.push_back(item);
  }
}

}  // namespace banshi::pdf
