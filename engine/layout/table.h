// Tables (<table>): ruled grids as Chinese official tables have them,
// column widths from content, cells set with the same Chinese line
// breaking as the body, rows that break across pages with the header
// rows repeated under 续表N, and rows cut where a page ends inside them.
#pragma once

#include <string>

#include "fonts/font_set.h"
#include "layout/flow.h"
#include "layout/inline_text.h"
#include "model/document.h"
#include "para/compose.h"
#include "style/template.h"
#include "util/diag.h"

namespace banshi {

struct TableEnv {
  TableEnv(const Template& t, const FontSet& f, ParagraphComposer& c, InlineCollector& i, Diagnostics& d,
           const model::Report& r)
      : tmpl(t), fonts(f), composer(c), collector(i), diags(d), report(r) {}

  const Template& tmpl;
  const FontSet& fonts;
  ParagraphComposer& composer;
  InlineCollector& collector;
  Diagnostics& diags;
  const model::Report& report;  // for messages: report.loc(pos)
  int number = 1;               // this table's number: 表1, 表2, …
  size_t max_chars = 100'000;   // characters a cell, caption or note may hold (LayoutOptions)
  // Form tables (templates) set these: no numbered caption, their own
  // styles, and column widths the form decides (relative weights; empty =
  // widths from the cells' content).
  bool numbered = true;
  std::string cell_style{role_name(Role::Table)};
  std::string header_style{role_name(Role::TableHeader)};
  std::vector<double> widths;
};

// Adds the table to the flow: its caption (above, centred, bold: "表N …"
// unless the caption already starts with 表N), one FlowBox per row group
// (rows a merged cell ties together), which the paginator may cut where a
// page ends inside it, and its note below.
void layout_table(const model::Table& table, TableEnv& env, Flow& flow);

// The width a cell's text is set at when it covers columns [col, col +
// colspan) of a table of `cols` columns with the form's own widths
// (env.widths): its columns less the cell's padding. A form decides from it
// whether a value fits its cell on one line.
double form_cell_measure(const TableEnv& env, int cols, int col, int colspan);

}  // namespace banshi
