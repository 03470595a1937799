#include "pdf/outline.h"

#include <algorithm>

#include "util/diag.h"

namespace banshi::pdf {

namespace {

// libharu's HPDF_Destination_SetXYZ cannot write a null zoom, so the array
// it created is refilled here.
HPDF_Destination xyz_destination(HaruDoc& pdf, const OutlineTarget& target) {
  HPDF_Destination dst = pdf.require(HPDF_Page_CreateDestination(target.page), "creating a bookmark destination");
  HPDF_Array_Clear(dst);
  pdf.push(dst, target.page);
  pdf.push_name(dst, "XYZ");
  pdf.push_real(dst, target.left);
  pdf.push_real(dst, target.top);
  pdf.push(dst, HPDF_Null_New(pdf.mmgr()));
  return dst;
}

}  // namespace

void add_outline(HaruDoc& pdf, const PageSequence& doc, const OutlineLocator& locate) {
  // open[k]: the most recent item at level k + 1.
  std::vector<HPDF_Outline> open;
  for (const OutlineEntry& e : doc.outline) {
    if (e.page >= doc.pages.size()) {
      throw EngineError("PDF writer: bookmark \"" + e.title + "\" points to page " + std::to_string(e.page + 1) +
                        " of " + std::to_string(doc.pages.size()));
    }
    const size_t level = static_cast<size_t>(std::clamp<long>(e.level, 1, static_cast<long>(open.size()) + 1));
    open.resize(level - 1);
    HPDF_Outline parent = open.empty() ? nullptr : open.back();
    // The title passed here is replaced below: libharu would write the
    // UTF-8 bytes as they are, which viewers read as PDFDocEncoding.
    HPDF_Outline item = pdf.require(HPDF_CreateOutline(pdf.get(), parent, "", nullptr), "creating a bookmark");
    pdf.add_text_string(item, "Title", e.title);
    pdf.check(HPDF_Outline_SetOpened(item, HPDF_TRUE), "opening a bookmark");
    pdf.check(HPDF_Outline_SetDestination(item, xyz_destination(pdf, locate(e))), "setting a bookmark destination");
    open.push_back(item);
  }
}

void add_outline(HaruDoc& pdf, const PageSequence& doc, const std::vector<HPDF_Page>& pages) {
  add_outline(pdf, doc, [&](const OutlineEntry& e) {
    const Page& page = doc.pages[e.page];
    return OutlineTarget{pages.at(e.page), 0, std::clamp(page.height - e.y, 0.0, page.height)};
  });
}

}  // namespace banshi::pdf
