// The vertical side of a table: row heights, where each cell's lines sit,
// and the cutting of the rows into the boxes the paginator places — each
// with its own share of the ruled grid, so that whatever page a box lands
// on, its borders are complete.
#pragma once

#include <vector>

#include "layout/flow.h"
#include "layout/table_cell_text.h"
#include "layout/table_grid.h"

namespace banshi {

struct TableMetrics {
  double pad_x = 4.2;       // cell padding left and right (pt)
  double pad_y = 3.5;       // cell padding above and below (pt)
  double min_row = 27;      // height of a row of empty cells (pt)
  double inner_rule = 0.5;  // lines between cells
  double outer_rule = 1.0;  // the frame
};

class TableBoxes {
 public:
  // `edges`: the cols + 1 column edges from the text block's left edge;
  // `cells`: parallel to grid.cells, already set at their column widths.
  TableBoxes(const TableGrid& grid, const std::vector<RowRange>& groups, std::vector<double> edges,
             const std::vector<CellText>& cells, const TableMetrics& metrics);

  // Top of row r from the table's top; top(grid.rows) is the table's height.
  double top(int row) const { return tops_[static_cast<size_t>(row)]; }

  // Positions the cells' lines: centred in their cells, except in groups
  // taller than `limit` (they will be cut across pages), where centring
  // would put a short cell's text pages away from where its row starts, so
  // it goes to the top. Rows [0, keep_centred) are never cut.
  void place_text(double limit, int keep_centred);

  // Rows [range) as one box, never cut (the header).
  FlowBox whole(RowRange range) const;

  // One row group as boxes: one per row where a page may break between
  // them without cutting through a line of a merged cell; pieces of rows
  // no taller than `limit` (less `note_reserve` when the group holds
  // footnote markers, whose notes take room at the page's foot) where the
  // group is taller. Boxes after the first may break before them only
  // when the group is taller than `limit`: a group that fits a page stays
  // on one. The first piece of a group taller than `limit` is at most
  // `first_limit`.
  std::vector<FlowBox> group(RowRange range, double limit, double note_reserve, double first_limit) const;

  // The table's top rule as a box of no height: the repeated "header" of a
  // table without header rows, so a continuation page still starts with
  // the frame closed.
  FlowBox top_rule() const;

 private:
  double width() const { return edges_.back(); }
  // Indices of the cells that start in rows [range).
  std::vector<size_t> cells_in(RowRange range) const;
  // Whether a page may end at y without cutting through a line of text.
  bool clean_cut(double y, RowRange range) const;
  // The lowest clean cut in (from, to], or `to` when there is none.
  double best_cut(double from, double to, RowRange range) const;
  bool has_notes(RowRange range) const;
  // The part of the table between y = from and y = to (table coordinates)
  // as a box: text whose line starts there, and the rules. `cut_inside` =
  // `to` is inside a row, so the box closes the frame at its bottom.
  FlowBox slice(double from, double to, RowRange range) const;
  void add_rules(FlowBox& box, double from, double to, RowRange range) const;
  void add_text(FlowBox& box, double from, double to, RowRange range) const;

  const TableGrid& grid_;
  const std::vector<RowRange>& groups_;
  std::vector<double> edges_;
  const std::vector<CellText>& cells_;
  TableMetrics m_;
  std::vector<double> tops_;         // rows + 1
  std::vector<double> content_top_;  // per cell: top of its first line
};

}  // namespace banshi
