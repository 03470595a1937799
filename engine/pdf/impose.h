// Saddle-stitch imposition as pure functions: which logical pages go on
// which half of which sheet side, the matrices that put them there, and
// the fold marks. No PDF objects here; booklet.cpp writes the result.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "page/display_list.h"
#include "pdf/matrix.h"
#include "util/units.h"

namespace banshi::pdf {

struct SheetSize {
  double width = 0, height = 0;
};

// A3 landscape (420 × 297 mm): two A4 pages side by side, fold down the middle.
inline constexpr SheetSize kA3Landscape{mm(420), mm(297)};

enum class Half { Left, Right };

// One printed side of a sheet as the reader sees it with the folded booklet
// upright: the logical page (0-based index) on each half, none for a blank
// padding page.
struct SheetSide {
  size_t sheet = 0;  // within its booklet
  bool back = false;
  std::optional<size_t> left, right;
  size_t booklet = 0;  // 0 unless the pages are split into several booklets

  const std::optional<size_t>& page(Half h) const { return h == Half::Left ? left : right; }
  bool operator==(const SheetSide&) const = default;
};

// The page count rounded up to a multiple of 4 (each sheet carries four
// pages); 0 stays 0.
size_t padded_page_count(size_t pages);

// The sides in output order — sheet 0 front, sheet 0 back, sheet 1 front, …
// With P = padded_page_count(pages) = 4S, sheet k (0-based) has, in 1-based
// page numbers, front [P−2k | 2k+1] and back [2k+2 | P−2k−1] (left | right).
// Positions past `pages` are padding.
std::vector<SheetSide> saddle_stitch_order(size_t pages);

// The pages as several saddle-stitched booklets of at most `max_pages`
// pages each (a multiple of 4; 0 = one booklet whatever its size), one
// after the other: as few booklets as that allows, of about equal size,
// every booklet but the last a whole number of sheets (so no blank page
// falls inside the report and each booklet starts on a recto). Each
// booklet's sides are saddle_stitch_order's, their pages offset.
std::vector<SheetSide> booklets_order(size_t pages, size_t max_pages);

// Where a logical page went: the index into the sides and the half.
struct PagePlace {
  size_t side = 0;
  Half half = Half::Left;
  bool operator==(const PagePlace&) const = default;
};

// places[i] is where logical page i is; every page 0..pages-1 appears once.
std::vector<PagePlace> page_places(const std::vector<SheetSide>& sides, size_t pages);

// Whether a back side's content is turned by 180° for the duplex mode (the
// reasoning is at the definition).
bool back_side_rotated(bool long_edge_duplex);

// The matrix drawing a page of `page_width` × `page_height` (its own PDF
// space, as in its Form XObject) on `half` of a sheet side, centred in that
// half; `rotated` turns the whole side by 180° about the sheet's centre.
Matrix page_placement(SheetSize sheet, Half half, double page_width, double page_height, bool rotated);

// Whether a page fits one half of the sheet (within rounding).
bool fits_half(SheetSize sheet, double page_width, double page_height);

// Short vertical lines at the centre of the top and bottom edges, in
// display-list coordinates of the sheet (top-left origin, y down).
// Symmetric under the 180° turn of a back side. They start 5 mm in from
// the paper's edge — inside what office printers can print (they lose the
// outer 4–5 mm; a mark from the edge itself came out cut or not at all) —
// and stay far outside the text block (37 mm / 35 mm in) and within the
// 10 mm that readers of the page (the audit) take for printer's marks.
inline constexpr double kFoldMarkInset = mm(5);
inline constexpr double kFoldMarkLength = mm(4.5);
inline constexpr double kFoldMarkWidth = 0.3;
std::vector<Line> fold_marks(SheetSize sheet);

}  // namespace banshi::pdf
