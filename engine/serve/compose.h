// The report a request amounts to, as report XML: the uploaded report (or
// the pasted text read as one), with the form's fields and the chosen
// template put in. It is what the checks read, what is rendered, and what
// the page offers to download — the same document for all three.
//
// The report's own lines keep their numbers (the form is written on the
// line of the <report> tag, the elements it replaces leave their line
// breaks behind), so a message about a paragraph points at the line the
// applicant wrote.
#pragma once

#include <optional>
#include <string>

#include "serve/form_xml.h"
#include "serve/submission.h"
#include "util/diag.h"

namespace banshi::serve {

struct Document {
  std::string xml;   // UTF-8
  std::string name;  // what messages call it: the upload's name, or the pasted text's
  bool from_text = false;
  // The form made from the request's fields, if any, and where it is: its
  // line and the column (1-based, in code points) where it begins.
  std::optional<Form> form;
  int form_line = 0;
  size_t form_column = 0;

  // The form's field at a position of the composed XML; null when the
  // position is not in the form.
  const FieldSpan* field_at(int line, int column) const;
};

// Throws RequestError for a request that names no report, InputError for a
// report that cannot be read (it becomes the answer's finding).
Document compose(const Submission& s, Diagnostics& diags);

// The name messages give pasted text and the form's fields.
inline constexpr const char* kPastedTextName = "pasted-text";
inline constexpr const char* kFieldsName = "fields";

}  // namespace banshi::serve
