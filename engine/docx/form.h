// The filled 结项申请书: a Word file whose pages are the federation's form —
// cover lines, the 声明's boxes, the 项目变更情况数据表 — with the report
// after "最终成果" (or given apart). Its fields are found by their printed
// labels (form_text.h, form_labels.h), written as found, each a note at
// its paragraph; what is missing or unreadable is an error at the
// paragraph, with the form's label, as the XML reader reports it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "docx/body.h"
#include "docx/import_log.h"

namespace banshi::docx {

// Where a form is in a document's blocks.
struct FormExtent {
  size_t end = 0;            // blocks [0, end) are the form
  size_t outcome = 0;        // the report starts at this block (== blocks.size() when there is none)
  int marker_paragraph = 0;  // ¶ of 最终成果; 0 when the form has none
};

// A form's extent, or nullopt for a document that is not a form (neither
// the change table nor three of the cover's labels before any 最终成果).
std::optional<FormExtent> find_form(std::span<const Block> blocks);

// A value as the form has it, found after its label.
struct FoundValue {
  std::string key;   // "project.id", "person.name"
  std::string text;  // as written (a date as written too); empty: the label is there, the value is not
  int paragraph = 0;
};

struct FoundPerson {
  std::string role;  // "original-leader" …
  int paragraph = 0;
  std::vector<FoundValue> values;
};

// What the form holds, before any check. A field whose label is not on the
// form at all is absent from the lists.
struct FoundForm {
  int first_paragraph = 0;
  std::vector<FoundValue> project;
  std::vector<FoundValue> declaration;  // "yes" / "no", or "" when no box (or both) ticked
  bool has_changes = false;
  int changes_paragraph = 0;
  std::vector<FoundValue> changes;  // changes.changed as "yes" / "no" / ""
  std::vector<FoundPerson> persons;
};

// Finds the form's fields in its blocks; the guesses go to `log` as notes,
// a box ticked twice as a warning.
FoundForm read_form(std::span<const Block> blocks, ImportLog& log);

}  // namespace banshi::docx
