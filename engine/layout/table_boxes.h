// The vertical side of a table: row heights, where each cell's lines sit,
// and the cutting of the rows into the boxes the paginator places — each
// with its own share of the ruled grid, so that whatever page a box lands
// on, its borders are complete.
#pragma once

#include <memory>
#include <optional>
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
  // Each cell's text is centred in it.
  TableBoxes(const TableGrid& grid, std::vector<double> edges, const std::vector<CellText>& cells,
             const TableMetrics& metrics);

  // Top of row r from the table's top; top(grid.rows) is the table's height.
  double top(int row) const { return tops_[static_cast<size_t>(row)]; }
  const TableMetrics& metrics() const { return m_; }
  // Where each cell's first line starts (table coordinates), parallel to
  // grid.cells: the text centred in its cell.
  const std::vector<double>& centred() const { return content_top_; }

  // Rows [range) as one box (the header, or a row group), text centred.
  FlowBox whole(RowRange range) const;

  // Where a page may end inside the part [from, to) of row group `range`
  // with `room` left: the lowest cut that runs through no line of text and
  // leaves at least two lines of the row it is in on either side; a cut
  // between rows is taken over a lower one inside a row unless it leaves
  // more than `prefer_rows` empty. Cells the cut runs through get their
  // text at their top (centred, it could be pages away from where the row
  // starts); `placement` is where the cells' lines are before.
  struct Cut {
    double y = 0;        // table coordinates
    bool inside = true;  // inside a row: the frame closes the page with a little air
    std::vector<double> placement;
  };
  std::optional<Cut> cut(RowRange range, double from, double to, double room, double prefer_rows,
                         const std::vector<double>& placement) const;

  // The part of the table between y = from and y = to (table coordinates)
  // as a box: the lines of text that start in [from, text_to), and the
  // rules; a box ending inside a row closes the frame at its bottom.
  FlowBox slice(double from, double to, double text_to, RowRange range, const std::vector<double>& placement) const;

  // The table's top rule as a box of no height: the repeated "header" of a
  // table without header rows, so a continuation page still starts with
  // the frame closed.
  FlowBox top_rule() const;

 private:
  double width() const { return edges_.back(); }
  // Indices of the cells that start in rows [range).
  std::vector<size_t> cells_in(RowRange range) const;
  // Whether a page may end at y without cutting through a line of text.
  bool clean_cut(double y, RowRange range, const std::vector<double>& placement) const;
  void add_rules(FlowBox& box, double from, double to, RowRange range) const;
  void add_text(FlowBox& box, double from, double to, RowRange range, const std::vector<double>& placement) const;

  const TableGrid& grid_;
  std::vector<double> edges_;
  const std::vector<CellText>& cells_;
  TableMetrics m_;
  std::vector<double> tops_;         // rows + 1
  std::vector<double> content_top_;  // per cell: top of its first line, centred
};

// What a table's boxes are cut from, kept alive by their splitters until
// the paginator is done with them.
struct TableParts {
  TableGrid grid;
  std::vector<RowRange> groups;
  std::vector<CellText> cells;
  std::optional<TableBoxes> boxes;        // refers to the members above: never moved
  double prefer_rows = 0;                 // see TableBoxes::cut
  std::shared_ptr<const FlowBox> repeat;  // a continuation page's header
  std::shared_ptr<const FlowBox> foot;    // the frame closing a page between rows
};

// Cuts a table's row group across pages (BoxSplitter): the part [from, to)
// of `range`, its text placed as `placement`; `last` = the table's last
// box, which keeps `extra` air below it.
class TableSplitter : public BoxSplitter {
 public:
  TableSplitter(std::shared_ptr<const TableParts> parts, RowRange range, double from, double to,
                std::vector<double> placement, bool last, double extra)
      : parts_(std::move(parts)),
        range_(range),
        from_(from),
        to_(to),
        placement_(std::move(placement)),
        last_(last),
        extra_(extra) {}
  bool split(double room, FlowBox& head, FlowBox& tail) const override;

 private:
  std::shared_ptr<const TableParts> parts_;
  RowRange range_;
  double from_, to_;
  std::vector<double> placement_;
  bool last_;
  double extra_;
};

}  // namespace banshi
