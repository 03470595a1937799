// The fixed pages of a form (cover, 声明, 填表说明, the change-data table,
// the review boxes) as data in the template. Text may hold placeholders
// filled from the report when the form is laid out:
//   {project.id} {project.category} {project.title} {project.leader}
//   {project.organization} {project.filled}
//   {changes.project-title} {changes.result-title} {changes.what-changed}
//   {changes.planned-form} {changes.actual-form} {changes.planned-date}
//   {changes.actual-date}
//   {leader.original.FIELD} {leader.current.FIELD} and, in a repeated
//   table row, {person.FIELD} — FIELD is name, gender, ethnicity, born,
//   organization, post, rank, address, phone
//   {box KEY=VALUE} — ☒ when the report's KEY has VALUE, else ☐; KEY is
//   changes.changed, declaration.sensitive or declaration.secret (yes|no)
// Dates print as 2025 年 6 月 30 日; a date not given prints its blank
// form (　　年　　月　　日) so the applicant can write it in.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "util/units.h"

namespace banshi {

// <p style="…">text</p>
struct FormText {
  std::string style;
  std::string text;
  int line = 0;  // template source line, for messages
};

// <space lines="N"/>; <fill/> takes the room the page leaves, so what
// follows it sits at the page's foot (a cover's 制 line and date).
struct FormSpace {
  int lines = 1;
  bool fill = false;
};

// <fields>: label–value rows as on a cover: the label spread evenly over
// `label_width`, the value on an underline reaching `width` from the
// label's start; a long value wraps onto further underlines.
struct FormField {
  std::string label;
  std::string value;
  int line = 0;
};

struct FormFields {
  std::string style;
  Length indent;  // from the text block's left edge
  Length label_width{5, true};
  Length gap{1, true};     // between the label and the value
  Length width{20, true};  // label start to the underline's end
  double rule = 0.5;       // underline thickness (pt)
  std::vector<FormField> fields;
  int line = 0;
};

// <table>: a ruled form table. Cells are <th> (labels) or <td> (values);
// a row with repeat="changes.original-member" is printed once per such
// person (at least `min` times, empty), and a cell with rowspan="auto"
// spans its row and the repeated rows after it. A cell with long="own-row"
// whose value does not fit it on one line takes a row of its own below,
// with the label before it (see FormCell::own_row_when_long).
struct FormCell {
  std::string text;
  bool header = false;
  int colspan = 1;
  int rowspan = 1;
  bool rowspan_auto = false;
  // A value too long for one line of its cell moves, with the <th> before
  // it, to a new row under this one: the label under the row's first cell,
  // the value across the rest of the table, where it wraps over the
  // table's width instead of down a narrow column; the cell before the
  // label widens to the row's end.
  bool own_row_when_long = false;
  int line = 0;
};

struct FormRow {
  std::vector<FormCell> cells;
  std::string repeat;  // "changes.original-member" | "changes.current-member"
  int min = 0;
  int line = 0;
};

struct FormTable {
  std::string cell_style = "form-cell";
  std::string header_style = "form-label";
  std::vector<double> widths;  // relative column widths; empty = from content
  std::vector<FormRow> rows;
  int line = 0;
};

// <box lines="N">: a ruled area N grid lines high for a reviewer's
// opinion: its text at the top, <bottom> text (签章, 年 月 日) at the foot.
struct FormBox {
  int lines = 8;
  std::vector<FormText> top, bottom;
  int line = 0;
};

using FormItem = std::variant<FormText, FormSpace, FormFields, FormTable, FormBox>;

struct FrontPage {
  std::vector<FormItem> items;
  bool recto = false;  // starts on an odd page
  // What the page is (封面, 声明 …): its bookmark, and its page label in a
  // viewer when it prints no page number. Empty: neither.
  std::string name;
};

}  // namespace banshi
