#include "layout/table_grid.h"

#include <algorithm>

namespace banshi {

TableGrid build_grid(const model::Table& table) {
  const int rows = static_cast<int>(table.rows.size());
  // First pass: place the written cells; the column count is only known
  // at the end (a row may be wider than the first one).
  std::vector<GridCell> placed;
  std::vector<std::vector<int>> occupied(static_cast<size_t>(rows));
  const auto slot = [&](int r, int c) -> int& {
    auto& line = occupied[static_cast<size_t>(r)];
    if (static_cast<int>(line.size()) <= c) line.resize(static_cast<size_t>(c) + 1, -1);
    return line[static_cast<size_t>(c)];
  };
  for (int r = 0; r < rows; ++r) {
    int c = 0;
    for (const model::TableCell& cell : table.rows[static_cast<size_t>(r)].cells) {
      while (slot(r, c) >= 0) ++c;
      GridCell g;
      g.source = &cell;
      g.row = r;
      g.col = c;
      g.colspan = std::max(1, cell.colspan);
      g.rowspan = std::clamp(cell.rowspan, 1, rows - r);
      g.header = cell.header;
      const int index = static_cast<int>(placed.size());
      // A cell that overlaps a rowspan from above keeps its place and loses
      // the overlapped slots (the XML is at fault; nothing is dropped).
      for (int rr = r; rr < g.row_end(); ++rr)
        for (int cc = c; cc < g.col_end(); ++cc)
          if (slot(rr, cc) < 0) slot(rr, cc) = index;
      placed.push_back(g);
      c = g.col_end();
    }
  }

  TableGrid grid;
  grid.rows = rows;
  for (const auto& line : occupied) grid.cols = std::max(grid.cols, static_cast<int>(line.size()));
  grid.slots.assign(static_cast<size_t>(rows * grid.cols), -1);
  // Second pass, row-major: cells in reading order, empty slots filled with
  // empty cells so every border has a cell on each side.
  std::vector<int> renumber(placed.size(), -1);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < grid.cols; ++c) {
      const int old = slot(r, c);
      int& out = grid.slots[static_cast<size_t>(r * grid.cols + c)];
      if (old < 0) {
        GridCell filler;
        filler.row = r;
        filler.col = c;
        out = static_cast<int>(grid.cells.size());
        grid.cells.push_back(filler);
        continue;
      }
      int& index = renumber[static_cast<size_t>(old)];
      if (index < 0) {
        index = static_cast<int>(grid.cells.size());
        grid.cells.push_back(placed[static_cast<size_t>(old)]);
      }
      out = index;
    }
  }
  return grid;
}

std::vector<RowRange> row_groups(const TableGrid& grid) {
  std::vector<RowRange> groups;
  int r = 0;
  while (r < grid.rows) {
    RowRange g{r, r + 1};
    // Grow the group while a cell starting inside it reaches further down.
    for (int rr = r; rr < g.end; ++rr)
      for (int c = 0; c < grid.cols; ++c) g.end = std::max(g.end, grid.cell_at(rr, c).row_end());
    groups.push_back(g);
    r = g.end;
  }
  return groups;
}

int header_rows(const TableGrid& grid, const std::vector<RowRange>& groups) {
  int leading = 0;
  for (int r = 0; r < grid.rows; ++r) {
    bool any = false, all = true;
    for (int c = 0; c < grid.cols; ++c) {
      const GridCell& cell = grid.cell_at(r, c);
      if (!cell.source) continue;  // an empty slot neither makes nor breaks a header row
      any = true;
      all = all && cell.header;
    }
    if (!any || !all) break;
    leading = r + 1;
  }
  int header = 0;
  for (const RowRange& g : groups) {
    if (g.end > leading) break;
    header = g.end;
  }
  return header;
}

}  // namespace banshi
