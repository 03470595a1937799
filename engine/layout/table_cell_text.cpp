#include "layout/table_cell_text.h"

#include <algorithm>

namespace banshi {

namespace {

// A measure no cell text reaches: sets the whole text on one line.
constexpr double kUnbounded = 1e6;

}  // namespace

ParagraphSpec table_paragraph_spec(const TextStyle& style, const Template& tmpl) {
  const PageGeometry& g = tmpl.page;
  const double grid_size = tmpl.style("body").size;
  ParagraphSpec spec;
  spec.measure = g.text_width;
  spec.cell = style.on_grid ? g.char_pitch() : 0;
  spec.grid_size = grid_size;
  // An em of a style on the grid at the body size is one grid cell.
  const double em = (style.on_grid && style.size == grid_size) ? g.char_pitch() : style.size;
  spec.indent = style.left_indent.resolve(em);
  spec.first_indent = style.first_indent.resolve(em);
  spec.hanging = style.hanging.resolve(em);
  spec.letter_spacing = style.letter_spacing;
  spec.balance = style.align == Align::Center;
  switch (style.align) {
    case Align::Left: spec.align = ParagraphSpec::AlignMode::Left; break;
    case Align::Center: spec.align = ParagraphSpec::AlignMode::Center; break;
    case Align::Right: spec.align = ParagraphSpec::AlignMode::Right; break;
    case Align::Justify: spec.align = ParagraphSpec::AlignMode::Justify; break;
  }
  return spec;
}

CellText collect_cell(const GridCell& cell, TableEnv& env) {
  const TextStyle& style = env.tmpl.style(cell.header ? "table-header" : "table");
  CellText out;
  out.spec = table_paragraph_spec(style, env.tmpl);
  out.size = style.size;
  out.pitch = style.line_pitch > 0 ? style.line_pitch : (style.on_grid ? env.tmpl.page.line_pitch() : style.size * 1.5);
  if (cell.source) env.collector.collect(cell.source->content, span_style(style, env.fonts), out.text);
  return out;
}

TextWidths measure_cell(const CellText& cell, ParagraphComposer& composer) {
  TextWidths out;
  if (cell.text.empty()) return out;
  ParagraphSpec spec = cell.spec;
  spec.measure = kUnbounded;
  spec.align = ParagraphSpec::AlignMode::Left;
  spec.balance = false;
  for (const ComposedLine& line : composer.compose(cell.text, spec).lines)
    out.max = std::max(out.max, line.left + line.width);

  // The widest run of clusters between two break opportunities.
  const Prepared p = composer.preparer().prepare(cell.text, spec);
  size_t start = 0;
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
}

}  // namespace banshi
