// Pagination: the flow cut into pages on the template's grid, footnotes at
// the foot of the page that holds their marker (a note too long for the
// page continues at the next page's foot), figures floated to the next
// page when they do not fit, table headers repeated, page numbers and
// bookmarks.
#pragma once

#include <functional>

#include "layout/flow.h"
#include "page/display_list.h"

namespace banshi {

struct NoteArea {
  double pitch = 18;    // line pitch of note text (pt)
  double size = 12;     // note font size (pt)
  double rule_gap = 8;  // from the body to the rule, and rule to the first note
  double rule_width = 0.5;
  // Most of the text block a note continued from an earlier page may take.
  double max_carry = 0.6;
};

struct PaginateParams {
  const Template* tmpl = nullptr;
  NoteArea notes;
  // Composes the folio line for a printed page number (x from the folio's
  // own left edge; the paginator positions it).
  std::function<ComposedLine(int number)> folio;
  // Drawn before the first line of a note continued from an earlier page,
  // on its baseline and from the note area's left edge: 续 in the hanging
  // indent where the note's number stood. The lines themselves are the
  // note's own, as composed whole.
  ComposedLine continued_mark;
};

// Which page each note's marker ended on (index into pages), for per-page
// note numbering.
struct Pagination {
  PageSequence pages;
  std::vector<size_t> note_page;
};

Pagination paginate(const Flow& flow, const PaginateParams& params);

}  // namespace banshi
