// Ruled tables: caption numbering, the occupancy grid of merged cells, the
// rules drawn around (and never through) each cell, column widths from the
// content, row boxes tall enough for their text, header rows repeated on
// long tables, rows cut where a page ends (between lines, the frame
// closed, 续表 over the rest), and no cell text lost on the way.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "layout/layout.h"
#include "layout/table.h"
#include "layout/table_grid.h"
#include "layout/table_widths.h"

namespace banshi {
namespace {

namespace fs = std::filesystem;

constexpr double kTol = 0.01;

model::Inline text(const std::string& s) {
  model::Inline i;
  i.text = s;
  return i;
}

model::TableCell cell(const std::string& s, int colspan = 1, int rowspan = 1) {
  model::TableCell c;
  if (!s.empty()) c.content.push_back(text(s));
  c.colspan = colspan;
  c.rowspan = rowspan;
  return c;
}

model::TableCell head(const std::string& s, int colspan = 1, int rowspan = 1) {
  model::TableCell c = cell(s, colspan, rowspan);
  c.header = true;
  return c;
}

model::TableRow row(std::vector<model::TableCell> cells) {
  model::TableRow r;
  r.cells = std::move(cells);
  return r;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += s;
  return out;
}

std::vector<const FlowBox*> boxes_of(const Flow& flow) {
  std::vector<const FlowBox*> out;
  for (const auto& item : flow.items)
    if (const auto* b = std::get_if<FlowBox>(&item)) out.push_back(b);
  return out;
}

std::vector<const FlowLine*> lines_of(const Flow& flow) {
  std::vector<const FlowLine*> out;
  for (const auto& item : flow.items)
    if (const auto* l = std::get_if<FlowLine>(&item)) out.push_back(l);
  return out;
}

std::string line_text(const ComposedLine& line) {
  std::string s;
  for (const TextRun& r : line.runs) s += r.text;
  return s;
}

std::string box_text(const FlowBox& box) {
  std::string s;
  for (const PageItem& item : box.items)
    if (const auto* r = std::get_if<TextRun>(&item)) s += r->text;
  return s;
}

// A run of text with its extent, in the table's coordinates (boxes stacked).
struct PlacedRun {
  std::string text;
  double x0, x1, baseline, size;
};

// Everything the table draws, its boxes stacked as on one endless page.
struct Drawing {
  std::vector<Line> lines;
  std::vector<PlacedRun> runs;
};

Drawing stack(const std::vector<const FlowBox*>& boxes) {
  Drawing d;
  double y = 0;
  for (const FlowBox* b : boxes) {
    for (const PageItem& item : b->items) {
      if (const auto* l = std::get_if<Line>(&item)) {
        Line t = *l;
        t.y0 += y;
        t.y1 += y;
        d.lines.push_back(t);
      } else if (const auto* r = std::get_if<TextRun>(&item)) {
        if (r->glyphs.empty()) continue;
        double x0 = r->glyphs.front().x, x1 = x0;
        for (const PlacedGlyph& g : r->glyphs) {
          x0 = std::min(x0, g.x);
          x1 = std::max(x1, g.x + r->size * 0.5);  // at least half an em of every glyph
        }
        d.runs.push_back({r->text, x0, x1, r->glyphs.front().y + y, r->size});
      }
    }
    y += b->height;
  }
  return d;
}

struct Box2 {
  double x0, y0, x1, y1;
};

// Whether a rule runs through the inside of a rectangle.
bool crosses(const Line& l, const Box2& r) {
  const bool horizontal = std::abs(l.y0 - l.y1) < kTol;
  if (horizontal)
    return l.y0 > r.y0 + kTol && l.y0 < r.y1 - kTol && std::max(l.x0, l.x1) > r.x0 + kTol &&
           std::min(l.x0, l.x1) < r.x1 - kTol;
  return l.x0 > r.x0 + kTol && l.x0 < r.x1 - kTol && std::max(l.y0, l.y1) > r.y0 + kTol &&
         std::min(l.y0, l.y1) < r.y1 - kTol;
}

// Whether rules cover the segment from a to b at `at` (horizontal: y = at,
// a..b in x; vertical: x = at, a..b in y).
bool covered(const std::vector<Line>& lines, bool horizontal, double at, double a, double b) {
  std::vector<std::pair<double, double>> spans;
  for (const Line& l : lines) {
    if (horizontal && std::abs(l.y0 - l.y1) < kTol && std::abs(l.y0 - at) < kTol)
      spans.push_back({std::min(l.x0, l.x1), std::max(l.x0, l.x1)});
    if (!horizontal && std::abs(l.x0 - l.x1) < kTol && std::abs(l.x0 - at) < kTol)
      spans.push_back({std::min(l.y0, l.y1), std::max(l.y0, l.y1)});
  }
  std::sort(spans.begin(), spans.end());
  double reached = a;
  for (const auto& [s, e] : spans) {
    if (s > reached + kTol) break;
    reached = std::max(reached, e);
  }
  return reached >= b - kTol;
}

// Sorted distinct values.
std::vector<double> distinct(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  for (double x : v)
    if (out.empty() || x - out.back() > kTol) out.push_back(x);
  return out;
}

class LayoutTable : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics diags;
    src_ = new fs::path(BANSHI_SOURCE_DIR);
    fonts_ = new std::shared_ptr<const FontSet>(FontSet::load(*src_ / "fonts" / "fontmap.xml", {}, diags));
    tmpl_ = new Template(load_template(*src_ / "templates" / "outcome"));
  }
  static void TearDownTestSuite() {
    delete tmpl_;
    delete fonts_;
    delete src_;
  }

  Flow run(const model::Table& t, int number = 1) {
    ParagraphComposer composer(**fonts_);
    InlineCollector collector(notes_, cites_);
    model::Report report;
    report.source_file = "table.xml";
    TableEnv env{*tmpl_, **fonts_, composer, collector, diags_, report};
    env.number = number;
    Flow flow;
    layout_table(t, env, flow);
    return flow;
  }

  double text_width() const { return tmpl_->page.text_width; }
  // One line of the table caption's style (on the grid: the grid's pitch).
  double label_height() const { return tmpl_->page.line_pitch(); }
  double text_height() const { return tmpl_->page.text_height; }

  static fs::path* src_;
  static std::shared_ptr<const FontSet>* fonts_;
  static Template* tmpl_;
  NoteRegistry notes_;
  CitationRegistry cites_;
  Diagnostics diags_;
};

fs::path* LayoutTable::src_ = nullptr;
std::shared_ptr<const FontSet>* LayoutTable::fonts_ = nullptr;
Template* LayoutTable::tmpl_ = nullptr;

// ------------------------------------------------------------- the grid

TEST(LayoutTableGrid, SpansFillTheOccupancyMatrix) {
  model::Table t;
  t.rows.push_back(row({head("地区", 1, 2), head("指标", 2)}));
  t.rows.push_back(row({head("A"), head("B")}));
  t.rows.push_back(row({cell("甲", 1, 2), cell("1"), cell("2")}));
  t.rows.push_back(row({cell("3"), cell("4")}));
  const TableGrid g = build_grid(t);
  ASSERT_EQ(g.rows, 4);
  ASSERT_EQ(g.cols, 3);
  EXPECT_EQ(g.at(0, 0), g.at(1, 0));  // 地区 over two rows
  EXPECT_EQ(g.at(0, 1), g.at(0, 2));  // 指标 over two columns
  EXPECT_EQ(g.cell_at(1, 1).source, &t.rows[1].cells[0]);
  EXPECT_EQ(g.at(2, 0), g.at(3, 0));
  EXPECT_EQ(g.cell_at(3, 1).source, &t.rows[3].cells[0]);  // placed after the rowspan
  EXPECT_EQ(g.cells.size(), 9u);
  const auto groups = row_groups(g);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].end, 2);
  EXPECT_EQ(groups[1].end, 4);
  EXPECT_EQ(header_rows(g, groups), 2);
}

TEST(LayoutTableGrid, RaggedRowsAndOverlongSpansAreMended) {
  model::Table t;
  t.rows.push_back(row({head("一"), head("二"), head("三")}));
  t.rows.push_back(row({cell("x", 1, 9)}));  // rowspan past the end
  const TableGrid g = build_grid(t);
  ASSERT_EQ(g.cols, 3);
  EXPECT_EQ(g.cell_at(1, 0).rowspan, 1);
  // The short row's missing slots are empty cells, one per slot.
  EXPECT_EQ(g.cell_at(1, 1).source, nullptr);
  EXPECT_NE(g.at(1, 1), g.at(1, 2));
}

TEST(LayoutTableGrid, HeaderStopsWhereAMergedCellReachesTheBody) {
  model::Table t;
  t.rows.push_back(row({head("甲"), head("乙")}));
  t.rows.push_back(row({head("丙", 1, 2), head("丁")}));
  t.rows.push_back(row({cell("1")}));
  const TableGrid g = build_grid(t);
  EXPECT_EQ(header_rows(g, row_groups(g)), 1);
}

// ------------------------------------------------------- column widths

TEST(LayoutTableWidths, SharesSumToTheWidthInEveryRegime) {
  const std::vector<std::vector<ColumnBounds>> cases = {
      {{20, 40}, {30, 60}},             // everything fits
      {{30, 50}, {30, 300}, {40, 60}},  // minima fit, maxima not
      {{200, 300}, {300, 400}},         // not even the minima
      {{0, 0}, {0, 0}},                 // empty columns
  };
  for (const auto& c : cases) {
    const auto w = distribute_width(c, 400);
    double sum = 0;
    for (double x : w) sum += x;
    EXPECT_NEAR(sum, 400, 1e-6);
  }
  // Everything fits: each column at least its maximum.
  const auto fit = distribute_width(cases[0], 400);
  EXPECT_GE(fit[0], 40);
  EXPECT_GE(fit[1], 60);
  // Minima fit: every column at least its minimum; the short ones whole.
  const auto tight = distribute_width(cases[1], 400);
  EXPECT_NEAR(tight[0], 50, 1e-6);
  EXPECT_NEAR(tight[2], 60, 1e-6);
  EXPECT_GT(tight[1], 280);
}

TEST(LayoutTableWidths, SpanningCellsWidenTheirColumns) {
  const auto b = column_bounds(3, {{0, 1, 10, 20}, {1, 1, 10, 20}, {2, 1, 10, 20}, {0, 2, 60, 100}});
  ASSERT_EQ(b.size(), 3u);
  EXPECT_NEAR(b[0].min + b[1].min, 60, 1e-6);
  EXPECT_NEAR(b[0].max + b[1].max, 100, 1e-6);
  EXPECT_NEAR(b[2].max, 20, 1e-6);
}

// ----------------------------------------------------- the caption

TEST_F(LayoutTable, CaptionIsNumberedAboveAndKeptWithTheTable) {
  model::Table t;
  t.caption.push_back(text("巴中市主要经济指标"));
  t.rows.push_back(row({head("指标"), head("数值")}));
  t.rows.push_back(row({cell("生产总值"), cell("800")}));
  const Flow flow = run(t, 1);
  ASSERT_FALSE(flow.items.empty());
  const auto* caption = std::get_if<FlowLine>(&flow.items.front());
  ASSERT_NE(caption, nullptr);
  EXPECT_TRUE(line_text(caption->line).starts_with("表1")) << line_text(caption->line);
  EXPECT_NE(line_text(caption->line).find("巴中市主要经济指标"), std::string::npos);
  // Centred: as much room on either side.
  const double right = text_width() - caption->line.left - caption->line.width;
  EXPECT_NEAR(caption->line.left, right, 1.0);
  // Bold, in the caption style's size.
  ASSERT_FALSE(caption->line.runs.empty());
  EXPECT_GT(caption->line.runs.front().stroke, 0);
  EXPECT_DOUBLE_EQ(caption->line.runs.front().size, 14);
  // The first box may not start a page without the caption.
  EXPECT_FALSE(boxes_of(flow).front()->break_before);
}

TEST_F(LayoutTable, CaptionAlreadyNumberedIsNotNumberedAgain) {
  model::Table t;
  t.caption.push_back(text("表3 已有编号"));
  t.rows.push_back(row({cell("a")}));
  const Flow flow = run(t, 1);
  const auto* caption = std::get_if<FlowLine>(&flow.items.front());
  ASSERT_NE(caption, nullptr);
  EXPECT_TRUE(line_text(caption->line).starts_with("表3")) << line_text(caption->line);
  EXPECT_EQ(line_text(caption->line).find("表1"), std::string::npos);

  model::Table bare;
  bare.rows.push_back(row({cell("a")}));
  const Flow bare_flow = run(bare, 7);
  const auto* number = std::get_if<FlowLine>(&bare_flow.items.front());
  ASSERT_NE(number, nullptr);
  EXPECT_EQ(line_text(number->line), "表7");
}

// ------------------------------------------------ cells and their rules

TEST_F(LayoutTable, MergedCellsHaveWholeBordersAndNoRuleThroughThem) {
  model::Table t;
  t.rows.push_back(row({head("地区", 1, 2), head("指标", 2)}));
  t.rows.push_back(row({head("产值"), head("人口")}));
  t.rows.push_back(row({cell("巴州区", 1, 2), cell("120.5"), cell("33")}));
  t.rows.push_back(row({cell("98.1"), cell("27")}));
  t.rows.push_back(row({cell("合计", 2), cell("60")}));
  const Flow flow = run(t);
  const Drawing d = stack(boxes_of(flow));

  // The grid's edges from the rules drawn.
  std::vector<double> xs, ys;
  for (const Line& l : d.lines) {
    if (std::abs(l.x0 - l.x1) < kTol) xs.push_back(l.x0);
    if (std::abs(l.y0 - l.y1) < kTol) ys.push_back(l.y0);
  }
  xs = distinct(xs);
  ys = distinct(ys);
  ASSERT_EQ(xs.size(), 4u);  // 3 columns
  ASSERT_EQ(ys.size(), 6u);  // 5 rows
  EXPECT_NEAR(xs.front(), 0, kTol);
  EXPECT_NEAR(xs.back(), text_width(), kTol);

  // Each cell: (text, columns [c0, c1), rows [r0, r1)).
  struct Expect {
    std::string text;
    int c0, c1, r0, r1;
  };
  const std::vector<Expect> cells = {
      {"地区", 0, 1, 0, 2},   {"指标", 1, 3, 0, 1},  {"产值", 1, 2, 1, 2}, {"人口", 2, 3, 1, 2},
      {"巴州区", 0, 1, 2, 4}, {"120.5", 1, 2, 2, 3}, {"33", 2, 3, 2, 3},   {"98.1", 1, 2, 3, 4},
      {"27", 2, 3, 3, 4},     {"合计", 0, 2, 4, 5},  {"60", 2, 3, 4, 5},
  };
  for (const Expect& e : cells) {
    const Box2 r{xs[static_cast<size_t>(e.c0)], ys[static_cast<size_t>(e.r0)], xs[static_cast<size_t>(e.c1)],
                 ys[static_cast<size_t>(e.r1)]};
    for (const Line& l : d.lines) EXPECT_FALSE(crosses(l, r)) << "a rule runs through " << e.text;
    EXPECT_TRUE(covered(d.lines, true, r.y0, r.x0, r.x1)) << e.text << " top";
    EXPECT_TRUE(covered(d.lines, true, r.y1, r.x0, r.x1)) << e.text << " bottom";
    EXPECT_TRUE(covered(d.lines, false, r.x0, r.y0, r.y1)) << e.text << " left";
    EXPECT_TRUE(covered(d.lines, false, r.x1, r.y0, r.y1)) << e.text << " right";
    // Its text inside it, centred vertically (the em box's middle is 0.38
    // em above the baseline).
    const auto run = std::find_if(d.runs.begin(), d.runs.end(), [&](const PlacedRun& p) { return p.text == e.text; });
    ASSERT_NE(run, d.runs.end()) << e.text;
    EXPECT_GE(run->x0, r.x0);
    EXPECT_LE(run->x1, r.x1);
    EXPECT_NEAR(run->baseline - 0.38 * run->size, (r.y0 + r.y1) / 2, 1.0) << e.text;
  }

  // Frame 1 pt, inner rules 0.5 pt.
  for (const Line& l : d.lines) {
    const bool vertical = std::abs(l.x0 - l.x1) < kTol;
    const bool frame = vertical ? (std::abs(l.x0) < kTol || std::abs(l.x0 - text_width()) < kTol)
                                : (std::abs(l.y0 - ys.front()) < kTol || std::abs(l.y0 - ys.back()) < kTol);
    EXPECT_DOUBLE_EQ(l.width, frame ? 1.0 : 0.5);
  }
}

TEST_F(LayoutTable, LongTextGetsTheWiderColumn) {
  model::Table t;
  t.rows.push_back(row({head("序号"), head("做法"), head("年份")}));
  t.rows.push_back(
      row({cell("1"), cell("整合财政资金修缮革命旧址并免费开放，建设研学基地和红色教育培训中心，带动周边村民就业增收"),
           cell("2023")}));
  t.rows.push_back(row({cell("2"), cell("资源入股"), cell("2024")}));
  const Flow flow = run(t);
  const Drawing d = stack(boxes_of(flow));
  std::vector<double> xs;
  for (const Line& l : d.lines)
    if (std::abs(l.x0 - l.x1) < kTol) xs.push_back(l.x0);
  xs = distinct(xs);
  ASSERT_EQ(xs.size(), 4u);
  EXPECT_NEAR(xs.back() - xs.front(), text_width(), kTol);
  const double w0 = xs[1] - xs[0], w1 = xs[2] - xs[1], w2 = xs[3] - xs[2];
  EXPECT_GT(w1, w0);
  EXPECT_GT(w1, w2);
  // The short columns keep their text on one line: "2023" is one run on
  // one baseline.
  EXPECT_EQ(std::count_if(d.runs.begin(), d.runs.end(), [](const PlacedRun& r) { return r.text == "2023"; }), 1);
}

TEST_F(LayoutTable, EveryRowBoxHoldsItsText) {
  model::Table t;
  t.rows.push_back(row({head("项目"), head("说明")}));
  t.rows.push_back(row({cell("甲"), cell(repeat("内容较长的说明文字，", 12))}));
  t.rows.push_back(row({cell(repeat("左侧较长", 10)), cell("短")}));
  t.rows.push_back(row({cell("丙", 1, 3), cell(repeat("合并单元格旁的多行文字。", 6))}));
  t.rows.push_back(row({cell("二")}));
  t.rows.push_back(row({cell("三")}));
  const Flow flow = run(t);
  for (const FlowBox* b : boxes_of(flow)) {
    for (const PageItem& item : b->items) {
      const auto* r = std::get_if<TextRun>(&item);
      if (!r) continue;
      for (const PlacedGlyph& g : r->glyphs) {
        EXPECT_GE(g.y - 0.88 * r->size, -kTol) << r->text;  // the em box's top inside
        EXPECT_LE(g.y + 0.12 * r->size, b->height + kTol) << r->text;
      }
    }
  }
}

TEST_F(LayoutTable, AllCellTextIsInTheBoxes) {
  model::Table t;
  std::vector<std::string> texts;
  t.rows.push_back(row({head("地区", 1, 2), head("指标", 2)}));
  t.rows.push_back(row({head("产值"), head("人口")}));
  for (int r = 0; r < 6; ++r) {
    std::vector<model::TableCell> cells;
    const std::string a = "区县" + std::to_string(r), b = repeat("数据", r + 1), c = std::to_string(r * 37);
    cells.push_back(cell(a));
    cells.push_back(cell(b));
    cells.push_back(cell(c));
    texts.insert(texts.end(), {a, b, c});
    t.rows.push_back(row(std::move(cells)));
  }
  const Flow flow = run(t);
  std::string all;
  for (const FlowBox* b : boxes_of(flow)) all += box_text(*b);
  for (const std::string& s : texts) EXPECT_NE(all.find(s), std::string::npos) << s;
  for (const std::string s : {"地区", "指标", "产值", "人口"}) EXPECT_NE(all.find(s), std::string::npos) << s;
}

// ----------------------------------------------------- across pages

TEST_F(LayoutTable, LongTableRepeatsItsHeader) {
  model::Table t;
  t.caption.push_back(text("长表"));
  t.rows.push_back(row({head("序号"), head("名称"), head("数量")}));
  for (int r = 1; r <= 40; ++r)
    t.rows.push_back(row({cell(std::to_string(r)), cell("资源点" + std::to_string(r)), cell("12.5")}));
  const Flow flow = run(t);
  const auto boxes = boxes_of(flow);
  ASSERT_EQ(boxes.size(), 41u);
  const FlowBox& header = *boxes[0];
  EXPECT_EQ(header.repeat_header, nullptr);
  EXPECT_NE(box_text(header).find("序号"), std::string::npos);
  EXPECT_FALSE(boxes[1]->break_before);  // the header never alone at a page's foot
  for (size_t k = 1; k < boxes.size(); ++k) {
    ASSERT_NE(boxes[k]->repeat_header, nullptr) << k;
    EXPECT_EQ(boxes[k]->repeat_header, boxes[1]->repeat_header);
    // A continuation page shows 续表1 (a line of the caption's style) over
    // the header rows.
    EXPECT_EQ(box_text(*boxes[k]->repeat_header), "续表1" + box_text(header));
    EXPECT_NEAR(boxes[k]->repeat_header->height, header.height + label_height(), kTol);
    if (k > 1) {
      EXPECT_TRUE(boxes[k]->break_before) << k;
    }
  }
  // The repeated header carries the frame's top rule, under the label.
  bool top_rule = false;
  const double y = label_height();
  for (const PageItem& item : boxes[1]->repeat_header->items)
    if (const auto* l = std::get_if<Line>(&item))
      top_rule = top_rule || (std::abs(l->y0 - y) < kTol && std::abs(l->y1 - y) < kTol && l->width >= 1.0 &&
                              l->x1 - l->x0 >= text_width());
  EXPECT_TRUE(top_rule);
}

TEST_F(LayoutTable, LongTableThroughThePaginatorHasTheHeaderOnEveryPage) {
  model::Report report;
  report.source_file = "table.xml";
  report.template_name = "outcome";
  report.outcome.title.push_back(text("长表测试"));
  model::Table t;
  t.rows.push_back(row({head("序号"), head("名称")}));
  for (int r = 1; r <= 60; ++r)
    t.rows.push_back(row({cell(std::to_string(r)), cell("资源点第" + std::to_string(r) + "号")}));
  report.outcome.body.push_back(model::Block{t});
  Diagnostics diags;
  const PageSequence pages = layout_report(report, *tmpl_, **fonts_, diags);
  int with_rows = 0;
  for (const Page& page : pages.pages) {
    std::string s;
    for (const auto& item : page.items)
      if (const auto* r = std::get_if<TextRun>(&item)) s += r->text + "|";
    if (s.find("资源点第") == std::string::npos) continue;
    ++with_rows;
    EXPECT_NE(s.find("序号"), std::string::npos);
  }
  EXPECT_GE(with_rows, 2);
  // Every row once.
  std::string all;
  for (const Page& page : pages.pages)
    for (const auto& item : page.items)
      if (const auto* r = std::get_if<TextRun>(&item)) all += r->text;
  for (int r = 1; r <= 60; ++r) {
    const std::string needle = "资源点第" + std::to_string(r) + "号";
    const size_t at = all.find(needle);
    EXPECT_NE(at, std::string::npos) << r;
    EXPECT_EQ(all.find(needle, at + 1), std::string::npos) << r;
  }
}

TEST_F(LayoutTable, RowTallerThanAPageIsCutWhereEachPageEnds) {
  const std::string long_text = repeat("巴中红色文化资源保护利用情况的详细说明，", 220);
  for (const bool with_header : {false, true}) {
    model::Report report;
    report.source_file = "table.xml";
    report.template_name = "outcome";
    report.outcome.title.push_back(text("长行测试"));
    model::Table t;
    if (with_header) t.rows.push_back(row({head("项目"), head("说明")}));
    t.rows.push_back(row({cell("项目甲"), cell(long_text)}));
    t.rows.push_back(row({cell("项目乙"), cell("短")}));
    report.outcome.body.push_back(model::Block{t});
    Diagnostics diags;
    const PageSequence pages = layout_report(report, *tmpl_, **fonts_, diags);
    const double bottom = tmpl_->page.top + text_height();
    std::string all;
    int with_row = 0;
    for (size_t k = 0; k < pages.pages.size(); ++k) {
      std::string s;
      for (const auto& item : pages.pages[k].items) {
        const auto* r = std::get_if<TextRun>(&item);
        // The folio (— 2 —) sits below the text block, by design.
        if (!r || r->glyphs.empty() || r->glyphs.front().y > bottom + 10) continue;
        s += r->text;
        // No line past the text block's foot.
        for (const PlacedGlyph& g : r->glyphs) EXPECT_LE(g.y + 0.12 * r->size, bottom + kTol) << k << " " << r->text;
      }
      all += s;
      if (s.find("巴中红色文化") == std::string::npos) continue;
      ++with_row;
      if (with_row > 1) {
        EXPECT_EQ(s.rfind("续表1", 0), 0u) << "page " << k + 1 << " starts " << s.substr(0, 30);
        if (with_header) {
          EXPECT_EQ(s.find("项目说明"), std::string("续表1").size()) << k;
        }
      }
    }
    EXPECT_GE(with_row, 3) << "with header: " << with_header;
    // Every character of the row once, in order: no line lost or doubled
    // at a cut.
    const size_t at = all.find("巴中红色文化");
    ASSERT_NE(at, std::string::npos);
    std::string seen = all.substr(at);
    std::erase(seen, ' ');
    // The row's text, with the page's other text (续表1, the header) between
    // its pieces taken out.
    for (const std::string drop : {"续表1", "项目说明", "项目乙短"})
      for (size_t p = seen.find(drop); p != std::string::npos; p = seen.find(drop)) seen.erase(p, drop.size());
    EXPECT_EQ(seen, long_text) << "with header: " << with_header;
  }
}

TEST_F(LayoutTable, ARowIsCutBetweenLinesWithAirAndTheFrameClosed) {
  model::Table t;
  t.rows.push_back(row({head("项目"), head("说明")}));
  const std::string long_text = repeat("巴中红色文化资源保护利用情况的详细说明，", 30);
  t.rows.push_back(row({cell("项目甲"), cell(long_text)}));
  const Flow flow = run(t);
  const auto boxes = boxes_of(flow);
  ASSERT_EQ(boxes.size(), 2u);  // the header and one box for the row
  const FlowBox& b = *boxes[1];
  ASSERT_NE(b.splitter, nullptr);
  EXPECT_LT(b.height, text_height());
  FlowBox head_part, tail;
  EXPECT_FALSE(b.splitter->split(20, head_part, tail)) << "a cut leaving less than two lines";
  ASSERT_TRUE(b.splitter->split(100, head_part, tail));
  EXPECT_LE(head_part.height, 100 + kTol);
  EXPECT_GT(head_part.height, 60);
  // Text inside each part; the whole row's text across the two.
  for (const FlowBox* part : {&head_part, &tail})
    for (const PageItem& item : part->items)
      if (const auto* r = std::get_if<TextRun>(&item))
        for (const PlacedGlyph& g : r->glyphs) {
          EXPECT_GE(g.y - 0.88 * r->size, 2.0);  // air under the rule above
          EXPECT_LE(g.y + 0.12 * r->size, part->height - 2.0);
        }
  EXPECT_EQ(box_text(head_part) + box_text(tail), "项目甲" + long_text);
  // The first part closes the frame at its foot; the rest starts a page
  // under 续表1 and the header, and can be cut again.
  bool frame = false;
  for (const PageItem& item : head_part.items)
    if (const auto* l = std::get_if<Line>(&item))
      frame = frame || (std::abs(l->y0 - head_part.height) < kTol && l->width >= 1.0 && l->x1 - l->x0 >= text_width());
  EXPECT_TRUE(frame);
  ASSERT_NE(tail.repeat_header, nullptr);
  EXPECT_EQ(box_text(*tail.repeat_header), "续表1项目说明");
  ASSERT_NE(tail.splitter, nullptr);
  FlowBox again, rest;
  ASSERT_TRUE(tail.splitter->split(100, again, rest));
  EXPECT_EQ(box_text(again) + box_text(rest), box_text(tail));
}

TEST_F(LayoutTable, MergedRowsAreOneBoxCutBetweenRows) {
  model::Table t;
  t.rows.push_back(row({cell("合并", 1, 4), cell("一")}));
  for (const char* s : {"二", "三", "四"}) t.rows.push_back(row({cell(s)}));
  t.rows.push_back(row({cell("独立"), cell("五")}));
  const Flow flow = run(t);
  const auto boxes = boxes_of(flow);
  ASSERT_EQ(boxes.size(), 2u);
  EXPECT_EQ(box_text(*boxes.back()), "独立五");

  model::Table tall;
  tall.rows.push_back(row({cell("合并", 1, 60), cell("第1行")}));
  for (int r = 2; r <= 60; ++r) tall.rows.push_back(row({cell("第" + std::to_string(r) + "行")}));
  const Flow tall_flow = run(tall);
  const auto tall_boxes = boxes_of(tall_flow);
  ASSERT_EQ(tall_boxes.size(), 1u);
  EXPECT_GT(tall_boxes[0]->height, text_height());
  FlowBox head_part, tail;
  ASSERT_TRUE(tall_boxes[0]->splitter->split(text_height() / 2, head_part, tail));
  EXPECT_LE(head_part.height, text_height() / 2 + kTol);
  // Between two rows: the first part ends with a whole row, the rest
  // starts with the next, and the page's foot gets the frame.
  const std::string a = box_text(head_part), b = box_text(tail);
  const size_t last = a.rfind("第");
  ASSERT_NE(last, std::string::npos);
  const int n = std::stoi(a.substr(last + std::string("第").size()));
  EXPECT_EQ(b.find("第" + std::to_string(n + 1) + "行"), b.find("第")) << a << " | " << b;
  EXPECT_NE(head_part.page_foot, nullptr);
}

TEST_F(LayoutTable, DegenerateTablesStillPrintWhatTheyHave) {
  model::Table none;
  EXPECT_TRUE(boxes_of(run(none)).empty());  // a caption only

  model::Table empty_rows;
  empty_rows.rows.push_back(row({}));
  empty_rows.rows.push_back(row({}));
  EXPECT_TRUE(boxes_of(run(empty_rows)).empty());

  model::Table wide;  // more columns than the width holds
  std::vector<model::TableCell> cells;
  for (int c = 0; c < 40; ++c) cells.push_back(cell("第" + std::to_string(c) + "列的内容"));
  wide.rows.push_back(row(std::move(cells)));
  wide.rows.push_back(row({cell("合并", 40)}));
  const Flow flow = run(wide);
  std::string all;
  for (const FlowBox* b : boxes_of(flow)) all += box_text(*b);
  EXPECT_NE(all.find("第39列的内容"), std::string::npos);
  EXPECT_NE(all.find("合并"), std::string::npos);
  EXPECT_EQ(diags_.count(Severity::Warning), 1u);  // said so
}

// ------------------------------------------------- notes and footnotes

TEST_F(LayoutTable, NoteBelowAndFootnotesInCells) {
  model::Table t;
  model::TableCell c = cell("数据");
  model::Inline fn;
  fn.kind = model::InlineKind::Footnote;
  fn.children.push_back(text("数据来源：巴中市统计局。"));
  c.content.push_back(fn);
  t.rows.push_back(row({head("指标"), head("数值")}));
  t.rows.push_back(row({cell("人口"), c}));
  t.note.push_back(text("注：作者整理所得。"));
  const Flow flow = run(t);
  ASSERT_EQ(notes_.notes().size(), 1u);  // registered once, though measured and set
  const auto boxes = boxes_of(flow);
  ASSERT_EQ(boxes.size(), 2u);
  EXPECT_EQ(boxes[1]->footnotes, std::vector<int>{0});
  const auto lines = lines_of(flow);
  ASSERT_GE(lines.size(), 2u);
  const FlowLine& note = *lines.back();
  EXPECT_EQ(line_text(note.line), "注：作者整理所得。");
  EXPECT_DOUBLE_EQ(note.size, 12);       // 小四
  EXPECT_NEAR(note.line.left, 0, kTol);  // from the left
  EXPECT_FALSE(note.break_before);       // with the table's last row
  EXPECT_TRUE(std::holds_alternative<FlowLine>(flow.items.back()));
}

}  // namespace
}  // namespace banshi
