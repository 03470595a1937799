// Pagination: the flow cut into pages on the template's grid, footnotes at
// the foot of the page that holds their marker, page numbers, bookmarks.
#pragma once

#include <functional>

#include "layout/flow.h"
#include "page/display_list.h"

namespace banshi {

struct NoteArea {
  double pitch = 18;     // line pitch of note text (pt)
  double size = 12;      // note font size (pt)
  double rule_gap = 12;  // from the last body line's slot to the rule, rule to first note
  double rule_width = 0.5;
};

struct PaginateParams {
  const Template* tmpl = nullptr;
  NoteArea notes;
  // Composes the folio line for a printed page number (x from the folio's
  // own left edge; the paginator positions it).
  std::function<ComposedLine(int number)> folio;
};

PageSequence paginate(const Flow& flow, const PaginateParams& params);

}  // namespace banshi
