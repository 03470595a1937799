// The occupancy matrix of a table: which cell covers each (row, column)
// slot once colspan and rowspan are taken into account, the groups of rows
// that rowspans tie together, and the header rows.
#pragma once

#include <vector>

#include "model/document.h"

namespace banshi {

struct GridCell {
  // The cell as written; null for a slot that a short row left empty (the
  // grid is filled so that every slot has exactly one cell and borders
  // close).
  const model::TableCell* source = nullptr;
  int row = 0, col = 0;
  int rowspan = 1, colspan = 1;  // clamped to the table's extent
  bool header = false;           // <th>

  int row_end() const { return row + rowspan; }
  int col_end() const { return col + colspan; }
};

// Rows [begin, end).
struct RowRange {
  int begin = 0, end = 0;
};

struct TableGrid {
  int rows = 0, cols = 0;
  std::vector<GridCell> cells;  // row by row, left to right
  std::vector<int> slots;       // rows × cols: index into cells

  int at(int row, int col) const { return slots[static_cast<size_t>(row * cols + col)]; }
  const GridCell& cell_at(int row, int col) const { return cells[static_cast<size_t>(at(row, col))]; }
};

// Places the cells as HTML does: each cell takes the next free slot of its
// row; rowspans reserve slots in the rows below. Rowspans never run past
// the last row.
TableGrid build_grid(const model::Table& table);

// Rows tied together by rowspans: a page break between two rows of one
// group would run through a merged cell. Groups cover all rows, in order.
std::vector<RowRange> row_groups(const TableGrid& grid);

// How many leading rows are header rows: rows made only of <th> cells, cut
// back to a group boundary so the header never shares a merged cell with
// the body. 0 when the table has no header.
int header_rows(const TableGrid& grid, const std::vector<RowRange>& groups);

}  // namespace banshi
