// Column widths from content, as browsers and word processors size an
// auto-width table: each column has a minimum (its widest unbreakable
// piece) and a maximum (its text on one line); the table's width is shared
// out between those bounds.
#pragma once

#include <vector>

namespace banshi {

// What one cell needs, padding included (pt).
struct CellWidthNeed {
  int col = 0, colspan = 1;
  double min = 0, max = 0;
};

struct ColumnBounds {
  double min = 0, max = 0;
};

// Per-column bounds: single-column cells first, then cells spanning
// several columns widen the columns they cover where these fall short,
// in proportion to what the columns already need.
std::vector<ColumnBounds> column_bounds(int cols, const std::vector<CellWidthNeed>& needs);

// Shares `width` between the columns: when every column can have its
// maximum, the rest is added in proportion to the maxima; else each column
// gets its minimum plus a share of the rest in proportion to how much more
// it would like (max − min); when even the minima do not fit, widths are
// proportional to the minima. The result always sums to `width`.
std::vector<double> distribute_width(const std::vector<ColumnBounds>& columns, double width);

}  // namespace banshi
