#include "pdf/impose.h"

#include <algorithm>

#include "util/diag.h"

namespace banshi::pdf {

size_t padded_page_count(size_t pages) { return (pages + 3) / 4 * 4; }

std::vector<SheetSide> saddle_stitch_order(size_t pages) {
  const size_t p = padded_page_count(pages);
  // 1-based page number → 0-based index, or none for padding.
  auto page = [pages](size_t number) -> std::optional<size_t> {
    if (number > pages) return std::nullopt;
    return number - 1;
  };
  std::vector<SheetSide> sides;
  sides.reserve(p / 2);
  for (size_t k = 0; k < p / 4; ++k) {
    sides.push_back(SheetSide{k, false, page(p - 2 * k), page(2 * k + 1)});
    sides.push_back(SheetSide{k, true, page(2 * k + 2), page(p - 2 * k - 1)});
  }
  return sides;
}

std::vector<SheetSide> booklets_order(size_t pages, size_t max_pages) {
  if (max_pages == 0 || pages <= max_pages) return saddle_stitch_order(pages);
  const size_t booklets = (pages + max_pages - 1) / max_pages;
  // Balanced: each booklet the same number of sheets, rounded up, so only
  // the last can be shorter (and only it carries padding).
  const size_t per_booklet = padded_page_count((pages + booklets - 1) / booklets);
  std::vector<SheetSide> sides;
  for (size_t b = 0, first = 0; first < pages; ++b, first += per_booklet) {
    const size_t count = std::min(per_booklet, pages - first);
    for (SheetSide s : saddle_stitch_order(count)) {
      s.booklet = b;
      if (s.left) *s.left += first;
      if (s.right) *s.right += first;
      sides.push_back(s);
    }
  }
  return sides;
}

std::vector<PagePlace> page_places(const std::vector<SheetSide>& sides, size_t pages) {
  std::vector<std::optional<PagePlace>> found(pages);
  for (size_t i = 0; i < sides.size(); ++i) {
    for (const Half h : {Half::Left, Half::Right}) {
      const std::optional<size_t>& page = sides[i].page(h);
      if (!page) continue;
      if (*page >= pages || found[*page]) throw EngineError("impose.page-twice", {{"page", *page + 1}});
      found[*page] = PagePlace{i, h};
    }
  }
  std::vector<PagePlace> places;
  places.reserve(pages);
  for (size_t i = 0; i < pages; ++i) {
    if (!found[i]) throw EngineError("impose.page-unplaced", {{"page", i + 1}});
    places.push_back(*found[i]);
  }
  return places;
}

// Which way up a back side must be, worked out on the physical sheet.
//
// The printer feeds A3 portrait (297 mm across, 420 mm in the feed
// direction), so the driver turns every landscape PDF page by the same 90°
// onto the portrait sheet: the top of the landscape page lies along one of
// the sheet's LONG edges — call it edge L; the short edges of the sheet are
// the landscape page's left and right sides.
//
// The booklet is folded down the middle, at x = width / 2, a line parallel
// to the short edges. A reader turns its leaves about that fold, i.e. about
// an axis parallel to the SHORT edges: edge L stays at the top, so the back
// side must have its top along edge L too, like the front.
//
// Duplex modes are defined on the sheet:
//  - flip on the short edge (PostScript Tumble, IPP two-sided-short-edge):
//    the back is imaged so that it is upright when the sheet is turned
//    about an axis parallel to its short edges — exactly the reader's turn
//    of a landscape booklet leaf. The back's top lands on edge L with no
//    help, so its content must NOT be rotated. (This is why booklet
//    printing from landscape sheets is done with short-edge flip.)
//  - flip on the long edge (no tumble): the back is upright when the sheet
//    is turned about an axis parallel to its long edges, which is a
//    calendar-style turn of the landscape page; its top lands on the long
//    edge opposite L. Turned the reader's way it is upside down, so its
//    content is rotated 180° to compensate.
//
// Check on sheet 0 of a 4-page booklet: front [4 | 1], back [2 | 3].
// Turning the leaf about the fold puts the back of the front's right half
// (page 1) on the reader's left: page 2, the verso of page 1 — as the
// formula says, and only upright if the back's top is at edge L.
bool back_side_rotated(bool long_edge_duplex) { return long_edge_duplex; }

Matrix page_placement(SheetSize sheet, Half half, double page_width, double page_height, bool rotated) {
  const double half_width = sheet.width / 2;
  // Centred in its half; for A4 on A3 both offsets are 0 up to rounding.
  const double x = (half == Half::Left ? 0 : half_width) + (half_width - page_width) / 2;
  const double y = (sheet.height - page_height) / 2;
  if (!rotated) return Matrix{1, 0, 0, 1, x, y};
  // The whole side turned about its centre: (u, v) → (W − u, H − v), after
  // the translation. The reader's left page thus lands on the PDF's right.
  return Matrix{-1, 0, 0, -1, sheet.width - x, sheet.height - y};
}

bool fits_half(SheetSize sheet, double page_width, double page_height) {
  constexpr double kSlack = 0.01;  // pt: A4 width is half of A3's up to rounding
  return page_width <= sheet.width / 2 + kSlack && page_height <= sheet.height + kSlack;
}

std::vector<Line> fold_marks(SheetSize sheet) {
  const double x = sheet.width / 2;
  const double near = kFoldMarkInset, far = kFoldMarkInset + kFoldMarkLength;
  return {Line{x, near, x, far, kFoldMarkWidth}, Line{x, sheet.height - far, x, sheet.height - near, kFoldMarkWidth}};
}

}  // namespace banshi::pdf
