#include "layout/table_boxes.h"

#include <algorithm>
#include <numeric>

namespace banshi {

namespace {

constexpr double kEps = 1e-6;

void add_line(FlowBox& box, double x0, double y0, double x1, double y1, double width) {
  box.items.emplace_back(Line{x0, y0, x1, y1, width});
}

}  // namespace

TableBoxes::TableBoxes(const TableGrid& grid, std::vector<double> edges, const std::vector<CellText>& cells,
                       const TableMetrics& metrics)
    : grid_(grid), edges_(std::move(edges)), cells_(cells), m_(metrics) {
  std::vector<double> heights(static_cast<size_t>(grid.rows), m_.min_row);
  const auto need = [&](size_t i) { return cells_[i].height() + 2 * m_.pad_y; };
  for (size_t i = 0; i < grid.cells.size(); ++i) {
    const GridCell& c = grid.cells[i];
    if (c.rowspan == 1) heights[static_cast<size_t>(c.row)] = std::max(heights[static_cast<size_t>(c.row)], need(i));
  }
  // Merged cells after the rows' own needs, short spans first; a merged
  // cell that is still taller than its rows spreads the difference evenly
  // over them, so no single row looks stretched.
  std::vector<size_t> spanning;
  for (size_t i = 0; i < grid.cells.size(); ++i)
    if (grid.cells[i].rowspan > 1) spanning.push_back(i);
  std::stable_sort(spanning.begin(), spanning.end(),
                   [&](size_t a, size_t b) { return grid.cells[a].rowspan < grid.cells[b].rowspan; });
  for (size_t i : spanning) {
    const GridCell& c = grid.cells[i];
    double have = 0;
    for (int r = c.row; r < c.row_end(); ++r) have += heights[static_cast<size_t>(r)];
    if (need(i) > have)
      for (int r = c.row; r < c.row_end(); ++r) heights[static_cast<size_t>(r)] += (need(i) - have) / c.rowspan;
  }
  tops_.assign(heights.size() + 1, 0.0);
  for (size_t r = 0; r < heights.size(); ++r) tops_[r + 1] = tops_[r] + heights[r];
  content_top_.assign(grid_.cells.size(), 0.0);
  for (size_t i = 0; i < grid_.cells.size(); ++i) {
    const GridCell& c = grid_.cells[i];
    const double cell_top = top(c.row), cell_height = top(c.row_end()) - cell_top;
    content_top_[i] = cell_top + (cell_height - cells_[i].height()) / 2;
  }
}

bool TableBoxes::clean_cut(double y, RowRange range, const std::vector<double>& placement) const {
  for (size_t i : cells_in(range)) {
    const CellText& t = cells_[i];
    for (size_t k = 0; k < t.lines.size(); ++k) {
      const double line_top = placement[i] + static_cast<double>(k) * t.pitch;
      if (line_top < y - kEps && line_top + t.pitch > y + kEps) return false;
    }
  }
  return true;
}

std::optional<TableBoxes::Cut> TableBoxes::cut(RowRange range, double from, double to, double room, double prefer_rows,
                                               const std::vector<double>& placement) const {
  const std::vector<size_t> cells = cells_in(range);
  double pitch = 0;
  for (size_t i : cells) pitch = std::max(pitch, cells_[i].pitch);
  // At least two lines of a row on either side of a cut inside it: one
  // line alone reads as a row of its own.
  const double least = 2 * pitch;
  // The placement for a cut at y: cells it runs through start at their
  // top — those that start in this part; one begun on an earlier page was
  // put there by the cut before.
  const auto movable = [&](size_t i) { return top(grid_.cells[i].row) >= from - kEps; };
  const auto placed_for = [&](double y) {
    std::vector<double> p = placement;
    for (size_t i : cells) {
      const GridCell& c = grid_.cells[i];
      if (movable(i) && top(c.row) < y - kEps && top(c.row_end()) > y + kEps) p[i] = top(c.row) + m_.pad_y;
    }
    return p;
  };
  // Candidates: the row boundaries and the ends of lines, as the text
  // stands and as it stands once at the top of its cell.
  std::vector<double> candidates;
  for (int r = range.begin + 1; r < range.end; ++r) candidates.push_back(top(r));
  for (size_t i : cells) {
    const GridCell& c = grid_.cells[i];
    const CellText& t = cells_[i];
    for (const double first : {placement[i], movable(i) ? top(c.row) + m_.pad_y : placement[i]})
      for (size_t k = 1; k <= t.lines.size(); ++k) candidates.push_back(first + static_cast<double>(k) * t.pitch);
  }
  std::sort(candidates.begin(), candidates.end(), std::greater<>());
  std::optional<Cut> between, inside;
  for (const double y : candidates) {
    if (y <= from + kEps || y >= to - kEps) continue;
    int row = range.begin;
    while (row + 1 < range.end && top(row + 1) <= y + kEps) ++row;
    const bool at_row = std::abs(top(row) - y) < kEps;
    // Room for the piece above, with the air under its last line.
    if (y - from + (at_row ? 0 : m_.pad_y) > room + kEps) continue;
    if (at_row ? between.has_value() : inside.has_value()) continue;
    if (!at_row && (y - std::max(top(row), from) < least - kEps || top(row + 1) - y < least - kEps)) continue;
    std::vector<double> p = placed_for(y);
    if (!clean_cut(y, range, p)) continue;
    (at_row ? between : inside) = Cut{y, !at_row, std::move(p)};
    if (between && inside) break;
  }
  if (between && (!inside || from + room - between->y <= prefer_rows + kEps)) return between;
  return inside;
}

std::vector<size_t> TableBoxes::cells_in(RowRange range) const {
  // Cells are in reading order, so those starting in a run of rows are
  // contiguous.
  const auto starts_before = [](int row) { return [row](const GridCell& c) { return c.row < row; }; };
  const auto first = std::partition_point(grid_.cells.begin(), grid_.cells.end(), starts_before(range.begin));
  const auto last = std::partition_point(first, grid_.cells.end(), starts_before(range.end));
  std::vector<size_t> out(static_cast<size_t>(last - first));
  std::iota(out.begin(), out.end(), static_cast<size_t>(first - grid_.cells.begin()));
  return out;
}

FlowBox TableBoxes::whole(RowRange range) const {
  return slice(top(range.begin), top(range.end), top(range.end), range, content_top_);
}

FlowBox TableBoxes::top_rule() const {
  FlowBox box;
  add_line(box, -m_.outer_rule / 2, 0, width() + m_.outer_rule / 2, 0, m_.outer_rule);
  return box;
}

FlowBox TableBoxes::slice(double from, double to, double text_to, RowRange range,
                          const std::vector<double>& placement) const {
  FlowBox box;
  box.height = to - from;
  add_text(box, from, text_to, range, placement);
  add_rules(box, from, to, range);
  return box;
}

void TableBoxes::add_text(FlowBox& box, double from, double to, RowRange range,
                          const std::vector<double>& placement) const {
  for (size_t i : cells_in(range)) {
    const CellText& t = cells_[i];
    const double dx = edges_[static_cast<size_t>(grid_.cells[i].col)] + m_.pad_x;
    for (size_t k = 0; k < t.lines.size(); ++k) {
      const double line_top = placement[i] + static_cast<double>(k) * t.pitch;
      // Each line goes to the box its top is in: a cut never runs through
      // a line, so it lies wholly inside.
      if (line_top < from - kEps || line_top >= to - kEps) continue;
      const ComposedLine& line = t.lines[k];
      const double baseline = line_top - from + (t.pitch - t.size) / 2 + kBaselineRatio * t.size;
      place_line(line, dx, baseline, box.items, box.links);
      for (int n : line.footnotes)
        if (std::find(box.footnotes.begin(), box.footnotes.end(), n) == box.footnotes.end()) box.footnotes.push_back(n);
    }
  }
}

void TableBoxes::add_rules(FlowBox& box, double from, double to, RowRange range) const {
  const int cols = grid_.cols;
  const double outer_half = m_.outer_rule / 2;
  // Rows of the range that the box shows a part of.
  std::vector<int> rows;
  for (int r = range.begin; r < range.end; ++r)
    if (top(r) < to - kEps && top(r + 1) > from + kEps) rows.push_back(r);

  // Vertical rules: at each column edge, in the rows where it separates two
  // different cells (not through a cell spanning columns); one line per run
  // of such rows.
  for (int j = 0; j <= cols; ++j) {
    const bool frame = j == 0 || j == cols;
    const double x = edges_[static_cast<size_t>(j)];
    double run_top = -1;
    double run_bottom = -1;
    for (int r : rows) {
      const bool here = frame || grid_.at(r, j - 1) != grid_.at(r, j);
      const double y0 = std::max(top(r), from), y1 = std::min(top(r + 1), to);
      if (here && run_top >= 0 && std::abs(run_bottom - y0) < kEps) {
        run_bottom = y1;
        continue;
      }
      if (run_top >= 0) add_line(box, x, run_top - from, x, run_bottom - from, frame ? m_.outer_rule : m_.inner_rule);
      run_top = here ? y0 : -1;
      run_bottom = y1;
    }
    if (run_top >= 0) add_line(box, x, run_top - from, x, run_bottom - from, frame ? m_.outer_rule : m_.inner_rule);
  }

  // A horizontal rule at the boundary above row r, where the cells above
  // and below differ (not through a cell spanning rows).
  const auto row_rule = [&](int r, double width) {
    const double y = top(r) - from;
    int c = 0;
    while (c < cols) {
      if (grid_.at(r - 1, c) == grid_.at(r, c)) {
        ++c;
        continue;
      }
      const int start = c;
      while (c < cols && grid_.at(r - 1, c) != grid_.at(r, c)) ++c;
      add_line(box, edges_[static_cast<size_t>(start)], y, edges_[static_cast<size_t>(c)], y, width);
    }
  };
  // Full-width frame rules reach past the side rules' half width so the
  // corners are square.
  const auto frame_rule = [&](double y) {
    add_line(box, -outer_half, y - from, width() + outer_half, y - from, m_.outer_rule);
  };

  if (from < kEps) frame_rule(0);  // the table's top
  for (int r = range.begin + 1; r < range.end; ++r)
    if (top(r) > from + kEps && top(r) < to - kEps) row_rule(r, m_.inner_rule);
  // The bottom: the frame at the table's end; at a row boundary the usual
  // rule (each box draws the line below it, none above); inside a row — a
  // row taller than a page, cut — the frame, closing the page.
  if (std::abs(to - top(grid_.rows)) < kEps) {
    frame_rule(to);
    return;
  }
  for (int r = range.begin + 1; r <= range.end; ++r) {
    if (std::abs(top(r) - to) < kEps) {
      row_rule(r, m_.inner_rule);
      return;
    }
  }
  frame_rule(to);
}

}  // namespace banshi

namespace banshi {

bool TableSplitter::split(double room, FlowBox& head, FlowBox& tail) const {
  const TableBoxes& boxes = *parts_->boxes;
  const std::optional<TableBoxes::Cut> cut = boxes.cut(range_, from_, to_, room, parts_->prefer_rows, placement_);
  if (!cut) return false;
  // Inside a row, a little air under the last line above the cut, and
  // over the first below it, as the cell's padding gives a whole row.
  const double pad = cut->inside ? boxes.metrics().pad_y : 0;
  head = boxes.slice(from_, cut->y + pad, cut->y, range_, cut->placement);
  if (!cut->inside) head.page_foot = parts_->foot;
  tail = boxes.slice(cut->y - pad, to_, to_, range_, cut->placement);
  tail.repeat_header = parts_->repeat;
  if (!last_) tail.page_foot = parts_->foot;
  tail.height += last_ ? extra_ : 0;
  tail.splitter =
      std::make_shared<const TableSplitter>(parts_, range_, cut->y - pad, to_, cut->placement, last_, extra_);
  return true;
}

}  // namespace banshi
