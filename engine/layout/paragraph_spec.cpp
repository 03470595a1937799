#include "layout/paragraph_spec.h"

namespace banshi {

ParagraphSpec paragraph_spec(const TextStyle& style, const Template& tmpl) {
  const PageGeometry& g = tmpl.page;
  const double grid_size = tmpl.style(Role::Body).size;
  ParagraphSpec spec;
  spec.measure = g.text_width;
  spec.cell = style.on_grid ? g.char_pitch() : 0;
  spec.grid_size = grid_size;
  const double em = (style.on_grid && style.size == grid_size) ? g.char_pitch() : style.size;
  spec.indent = style.left_indent.resolve(em);
  spec.first_indent = style.first_indent.resolve(em);
  spec.hanging = style.hanging.resolve(em);
  spec.letter_spacing = style.letter_spacing;
  spec.balance = style.align == Align::Center;
  spec.break_in_phrases = style.break_in_phrases;
  switch (style.align) {
    case Align::Left: spec.align = ParagraphSpec::AlignMode::Left; break;
    case Align::Center: spec.align = ParagraphSpec::AlignMode::Center; break;
    case Align::Right: spec.align = ParagraphSpec::AlignMode::Right; break;
    case Align::Justify: spec.align = ParagraphSpec::AlignMode::Justify; break;
    case Align::Distribute: spec.align = ParagraphSpec::AlignMode::Distribute; break;
  }
  return spec;
}

}  // namespace banshi
