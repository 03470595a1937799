// Assembly of a table: caption, cells measured and set, column widths,
// row boxes with the header repeated, note.
#include "layout/table.h"

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>

#include "layout/caption_label.h"
#include "layout/limits.h"
#include "layout/paragraph_spec.h"
#include "layout/table_boxes.h"
#include "layout/table_cell_text.h"
#include "layout/table_grid.h"
#include "layout/table_widths.h"

namespace banshi {

namespace {

// Where a page ends inside a row group, a cut between its rows is taken
// over a lower one inside a row unless it leaves more than this share of
// the text block empty.
constexpr double kRowCutGap = 0.25;

// Width added to what a cell's text measures, so that a column given
// exactly its text's width does not wrap it over rounding.
constexpr double kWidthSlack = 0.5;

// Bytes of the digit at text[at]: 1 for 0–9, 3 for a full-width ０–９
// (EF BC 90–99), 0 for anything else.
size_t digit_at(const std::string& text, size_t at) {
  if (at < text.size() && text[at] >= '0' && text[at] <= '9') return 1;
  if (at + 2 < text.size() && text.compare(at, 2, "\xEF\xBC") == 0 &&
      static_cast<unsigned char>(text[at + 2]) >= 0x90 && static_cast<unsigned char>(text[at + 2]) <= 0x99)
    return 3;
  return 0;
}

constexpr std::string_view kTablePrefix = "表";

// Whether the caption already carries its number ("表1 …", "表１…").
bool numbered_caption(const std::string& text) {
  return text.starts_with(kTablePrefix) && digit_at(text, kTablePrefix.size()) > 0;
}

// "表3" from a caption that starts with its own number ("表3 …", "表３…"),
// else 表 and the table's number.
std::string table_label(const model::Table& table, const TableEnv& env) {
  const std::string caption = model::plain_text(table.caption);
  if (!numbered_caption(caption)) return std::string(kTablePrefix) + std::to_string(env.number);
  size_t end = kTablePrefix.size();
  while (const size_t n = digit_at(caption, end)) end += n;
  return caption.substr(0, end);
}

// What a continuation page shows above the repeated header: 续表3 in the
// caption's style, on lines of its own (续表 for a form's table, which has
// no number).
FlowBox continued_label(const model::Table& table, TableEnv& env) {
  const TextStyle& style = env.tmpl.style(Role::TableCaption);
  CollectedText text;
  text.push(env.numbered ? "续" + table_label(table, env) : std::string("续") + std::string(kTablePrefix),
            span_style(style, env.fonts));
  const ComposedParagraph p = env.composer.compose(text, paragraph_spec(style, env.tmpl));
  const double pitch =
      style.line_pitch > 0 ? style.line_pitch : (style.on_grid ? env.tmpl.page.line_pitch() : style.size * 1.5);
  FlowBox box;
  for (const ComposedLine& line : p.lines) {
    place_line(line, 0, box.height + (pitch - style.size) / 2 + kBaselineRatio * style.size, box.items, box.links);
    box.height += pitch;
  }
  return box;
}

// `below` drawn under `above`, as one box.
FlowBox stacked(FlowBox above, const FlowBox& below) {
  for (PageItem item : below.items) {
    translate(item, 0, above.height);
    above.items.push_back(std::move(item));
  }
  for (LinkArea link : below.links) {
    link.y += above.height;
    above.links.push_back(std::move(link));
  }
  above.height += below.height;
  return above;
}

void add_caption(const model::Table& table, TableEnv& env, Flow& flow) {
  if (!env.numbered && table.caption.empty()) return;
  const TextStyle& style = env.tmpl.style(Role::TableCaption);
  const SpanStyle span = span_style(style, env.fonts);
  CollectedText text;
  if (env.numbered && !numbered_caption(model::plain_text(table.caption)))
    text.push("表" + std::to_string(env.number) + (table.caption.empty() ? "" : kCaptionLabelSpace), span);
  env.collector.collect(with_label_space(table.caption, kTablePrefix), span, text);
  check_text_length(text, env.max_chars, env.report.loc(table.pos), kTableCaptionText);
  flow.add_space(style.lines_before);
  // Kept with the table whatever the template says: a caption alone at a
  // page's foot is never right.
  flow.add_paragraph(env.composer.compose(text, paragraph_spec(style, env.tmpl)), 0, style.size, true);
}

void add_note(const model::Table& table, TableEnv& env, Flow& flow) {
  if (table.note.empty()) return;
  const TextStyle& style = env.tmpl.style(Role::TableNote);
  CollectedText text;
  env.collector.collect(table.note, span_style(style, env.fonts), text);
  check_text_length(text, env.max_chars, env.report.loc(table.pos), kTableNoteText);
  const size_t first = flow.items.size();
  flow.add_paragraph(env.composer.compose(text, paragraph_spec(style, env.tmpl)), 0, style.size, false);
  // The note's first line stays with the table's last row.
  if (first < flow.items.size())
    if (auto* line = std::get_if<FlowLine>(&flow.items[first])) line->break_before = false;
  flow.add_space(style.lines_after);
}

// Cell padding and row heights of a table set in `body` (its cell style).
TableMetrics table_metrics(const TextStyle& body) {
  TableMetrics m;
  m.pad_x = 0.3 * body.size;
  m.pad_y = 0.25 * body.size;
  m.min_row = (body.line_pitch > 0 ? body.line_pitch : body.size * 1.5) + 2 * m.pad_y;
  return m;
}

// The form's own column widths, as weights of the text width.
std::vector<double> fixed_edges(const TableEnv& env, int cols) {
  const double width = env.tmpl.page.text_width;
  const auto weight = [&](int c) { return env.widths[static_cast<size_t>(c) % env.widths.size()]; };
  std::vector<double> edges(static_cast<size_t>(cols) + 1, 0.0);
  double total = 0;
  for (int c = 0; c < cols; ++c) total += weight(c);
  for (int c = 0; c < cols; ++c)
    edges[static_cast<size_t>(c) + 1] = edges[static_cast<size_t>(c)] + width * weight(c) / total;
  edges.back() = width;
  return edges;
}

// Column edges from the left of the text block: widths from the cells'
// content, summing to the text width.
std::vector<double> column_edges(const TableGrid& grid, const std::vector<CellText>& cells, const TableMetrics& m,
                                 const model::Table& table, TableEnv& env) {
  std::vector<CellWidthNeed> needs;
  needs.reserve(cells.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    const GridCell& c = grid.cells[i];
    const TextWidths w = measure_cell(cells[i], env.composer);
    const double pad = 2 * m.pad_x + kWidthSlack;
    needs.push_back({c.col, c.colspan, w.min + pad, w.max + pad});
  }
  const double width = env.tmpl.page.text_width;
  if (!env.widths.empty()) return fixed_edges(env, grid.cols);
  const std::vector<ColumnBounds> bounds = column_bounds(grid.cols, needs);
  double sum_min = 0;
  for (const ColumnBounds& b : bounds) sum_min += b.min;
  if (sum_min > width + 1e-6)
    env.diags.warn(env.report.loc(table.pos), "table.too-wide", {{"number", env.number}}, "<table>", "表格");
  const std::vector<double> widths = distribute_width(bounds, width);
  std::vector<double> edges(widths.size() + 1, 0.0);
  std::partial_sum(widths.begin(), widths.end(), edges.begin() + 1);
  edges.back() = width;  // exactly, whatever the rounding
  return edges;
}

void add_rows(const model::Table& table, TableEnv& env, Flow& flow) {
  // The parts stay alive with the row boxes' splitters, which cut rows
  // across pages when the paginator asks.
  const auto parts = std::make_shared<TableParts>();
  parts->grid = build_grid(table);
  const TableGrid& grid = parts->grid;
  if (grid.cols == 0) return;
  const TextStyle& body = env.tmpl.style(env.cell_style);

  std::vector<CellText>& cells = parts->cells;
  cells.reserve(grid.cells.size());
  for (const GridCell& c : grid.cells) cells.push_back(collect_cell(c, env));

  const TableMetrics m = table_metrics(body);
  const std::vector<double> edges = column_edges(grid, cells, m, table, env);
  for (size_t i = 0; i < cells.size(); ++i) {
    const GridCell& c = grid.cells[i];
    const double inner = edges[static_cast<size_t>(c.col_end())] - edges[static_cast<size_t>(c.col)] - 2 * m.pad_x;
    set_cell_text(cells[i], std::max(inner, 1.0), env.composer);
  }

  parts->groups = row_groups(grid);
  const TableBoxes& boxes = parts->boxes.emplace(grid, edges, cells, m);
  const double page = env.tmpl.page.text_height;
  int header = header_rows(grid, parts->groups);
  // A header that is the whole table, or so tall that repeating it would
  // leave little room for the body, is not repeated: its rows are body rows.
  if (header == grid.rows || boxes.top(header) > page / 2) header = 0;

  // What a continuation page starts with: the header rows again (without
  // their notes, which belong to the first printing) or, with no header
  // rows, the frame's top rule; under 续表N.
  FlowBox again;
  if (header > 0) {
    FlowBox head = boxes.whole({0, header});
    again = head;
    again.footnotes.clear();
    flow.add_box(std::move(head));
  } else {
    again = boxes.top_rule();
  }
  parts->repeat = std::make_shared<const FlowBox>(stacked(continued_label(table, env), again));
  // A box the page ends after closes the table's part on that page with the
  // outer frame rule (the last box draws the frame itself).
  parts->foot = std::make_shared<const FlowBox>(boxes.top_rule());
  parts->prefer_rows = kRowCutGap * page;

  std::vector<RowRange> groups;
  for (const RowRange& g : parts->groups)
    if (g.end > header) groups.push_back(g);
  // A little air under the table, so that a line snapping to the grid
  // right below it does not touch the rule.
  const double extra = m.pad_y;
  for (size_t k = 0; k < groups.size(); ++k) {
    const RowRange g = groups[k];
    const bool last = k + 1 == groups.size();
    // One box per row group (rows a merged cell ties together); the
    // paginator cuts it where a page ends inside it (BoxSplitter).
    FlowBox b = boxes.whole(g);
    if (k == 0 && header > 0) b.break_before = false;  // the header never stays alone
    // The table's very first box draws its own top rule; every other one
    // may start a page and brings the header (or top rule) along.
    if (k > 0 || header > 0) b.repeat_header = parts->repeat;
    if (last) b.height += extra;
    else b.page_foot = parts->foot;
    b.splitter = std::make_shared<const TableSplitter>(parts, g, boxes.top(g.begin), boxes.top(g.end), boxes.centred(),
                                                       last, extra);
    flow.add_box(std::move(b));
  }
}

}  // namespace

double form_cell_measure(const TableEnv& env, int cols, int col, int colspan) {
  if (env.widths.empty() || cols <= 0) return 0;
  const std::vector<double> edges = fixed_edges(env, cols);
  const int end = std::min(col + colspan, cols);
  const TableMetrics m = table_metrics(env.tmpl.style(env.cell_style));
  return std::max(edges[static_cast<size_t>(end)] - edges[static_cast<size_t>(std::clamp(col, 0, cols))] - 2 * m.pad_x,
                  1.0);
}

void layout_table(const model::Table& table, TableEnv& env, Flow& flow) {
  add_caption(table, env, flow);
  add_rows(table, env, flow);
  add_note(table, env, flow);
}

}  // namespace banshi
