// Placeholder until the ruled table layout lands: each row printed as a
// line of text so no cell text is lost.
#include "layout/table.h"

namespace banshi {

void layout_table(const model::Table& t, TableEnv& env, Flow& flow) {
  const TextStyle& body = env.tmpl.style("body");
  const auto spec_for = [&](const TextStyle& s) {
    ParagraphSpec spec;
    spec.measure = env.tmpl.page.text_width;
    spec.first_indent = s.first_indent.resolve(env.tmpl.page.char_pitch());
    spec.cell = env.tmpl.page.char_pitch();
    spec.grid_size = body.size;
    return spec;
  };
  const SpanStyle s = span_style(body, env.fonts);
  if (!t.caption.empty()) {
    CollectedText c;
    env.collector.collect(t.caption, s, c);
    flow.add_paragraph(env.composer.compose(c, spec_for(body)), 0, body.size, true);
  }
  for (const auto& row : t.rows) {
    CollectedText r;
    bool first = true;
    for (const auto& cell : row.cells) {
      if (!first) r.push("　", s);
      first = false;
      env.collector.collect(cell.content, s, r);
    }
    if (!r.empty()) flow.add_paragraph(env.composer.compose(r, spec_for(body)), 0, body.size, false);
  }
}

}  // namespace banshi
