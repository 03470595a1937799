// The form pages of a template (style/form.h) laid out into the flow:
// paragraphs, cover fields on underlines, ruled form tables filled from
// the report, and review boxes.
#pragma once

#include "fonts/font_set.h"
#include "layout/flow.h"
#include "layout/inline_text.h"
#include "model/document.h"
#include "para/compose.h"
#include "style/template.h"

namespace banshi {

struct FormEnv {
  const Template& tmpl;
  const FontSet& fonts;
  ParagraphComposer& composer;
  InlineCollector& collector;
  Diagnostics& diags;
  const model::Report& report;
};

// Adds the template's front pages, each starting a new unnumbered page.
void layout_front(FormEnv& env, Flow& flow);

}  // namespace banshi
