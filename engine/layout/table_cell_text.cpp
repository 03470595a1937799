#include "layout/table_cell_text.h"

#include <algorithm>

#include "layout/limits.h"
#include "layout/paragraph_spec.h"
#include "para/line.h"
#include "para/measure.h"

namespace banshi {

namespace {

// A measure no cell text reaches: sets the whole text on one line.
constexpr double kUnbounded = 1e6;

}  // namespace

CellText collect_cell(const GridCell& cell, TableEnv& env) {
  const TextStyle& style = env.tmpl.style(cell.header ? env.header_style : env.cell_style);
  CellText out;
  out.spec = paragraph_spec(style, env.tmpl);
  out.size = style.size;
  out.header = cell.header;
  out.pitch = style.line_pitch > 0 ? style.line_pitch : (style.on_grid ? env.tmpl.page.line_pitch() : style.size * 1.5);
  if (cell.source) {
    env.collector.collect(cell.source->content, span_style(style, env.fonts), out.text);
    check_text_length(out.text, env.max_chars, env.report.loc(cell.source->pos),
                      cell.header ? kHeaderCellText : kCellText);
  }
  return out;
}

TextWidths measure_cell(const CellText& cell, ParagraphComposer& composer) {
  TextWidths out;
  if (cell.text.empty()) return out;
  ParagraphSpec spec = cell.spec;
  spec.measure = kUnbounded;
  spec.align = ParagraphSpec::AlignMode::Left;
  spec.balance = false;
  const Prepared p = composer.preparer().prepare(cell.text, spec);
  const LineMeasure measure(p, spec.grid_size);

  // The widest line when nothing but <br/> breaks the text: each piece
  // between forced breaks set as the line breaker would set it on one
  // line. Set directly, not by breaking the text at an unbounded measure:
  // the breaker tries every earlier start for a line that never fills,
  // which made a cell of 100,000 characters take 45 s.
  size_t start = 0, index = 0;
  for (size_t i = 0; i < p.clusters.size(); ++i) {
    if (!p.clusters[i].forced_break && i + 1 < p.clusters.size()) continue;
    const LineLayout line = set_line(p, measure, {start, i + 1}, spec, index++, true);
    out.max = std::max(out.max, line.left + line.width);
    start = i + 1;
  }

  // The widest run of clusters between two break opportunities.
  start = 0;
  for (size_t i = 0; i < p.clusters.size(); ++i) {
    if (!p.clusters[i].break_after && i + 1 < p.clusters.size()) continue;
    out.min = std::max(out.min, natural_width(p, {start, i + 1}));
    start = i + 1;
  }
  out.min += std::max(spec.indent + spec.first_indent, spec.indent + spec.hanging);
  out.min = std::max(out.min, std::min(out.max, 2 * cell.size));
  out.max = std::max(out.max, out.min);
  return out;
}

void set_cell_text(CellText& cell, double measure, ParagraphComposer& composer) {
  cell.lines.clear();
  if (cell.text.empty()) return;
  cell.spec.measure = measure;
  cell.lines = composer.compose(cell.text, cell.spec).lines;
  if (!cell.header && cell.lines.size() > 1 && cell.spec.align == ParagraphSpec::AlignMode::Center) {
    // Two lines of a short value balanced (巴州区政 / 协办公室, not a
    // character alone on the second); more are a paragraph, in full lines.
    cell.spec.align = ParagraphSpec::AlignMode::Justify;
    cell.spec.balance = cell.lines.size() == 2;
    cell.lines = composer.compose(cell.text, cell.spec).lines;
  }
}

}  // namespace banshi
