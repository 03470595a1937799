// The report a request amounts to: the uploaded report XML (or the pasted
// text read as one) with the form's fields and the chosen template put in,
// as report XML; or a Word document read by the importer (engine/docx),
// with the form as a small report XML of its own beside it. It is what the
// checks read, what is rendered, and what the page offers to download —
// the same document for all three.
//
// The report's own lines keep their numbers (the form is written on the
// line of the <report> tag, the elements it replaces leave their line
// breaks behind), so a message about a paragraph points at the line the
// applicant wrote; a Word document's messages point at its paragraphs
// (report.docx:¶37 「…」).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "docx/import.h"
#include "serve/form_xml.h"
#include "serve/submission.h"
#include "util/diag.h"

namespace banshi::serve {

struct Document {
  std::string xml;   // UTF-8; empty for a Word document
  std::string name;  // what messages call it: the upload's name, or the pasted text's
  bool from_text = false;
  std::optional<docx::Imported> word;  // a Word document, read

  // The form made from the request's fields, if any, and where it is: the
  // file messages name (`name`, or kFieldsName for a Word document's form
  // document), its line and the column (1-based, in code points) where it
  // begins.
  std::optional<Form> form;
  std::string form_file;
  std::string form_document;  // a Word document's form, as report XML
  int form_line = 0;
  size_t form_column = 0;

  // The form's field at a position a message names; null when the
  // position is not in the form.
  const FieldSpan* field_at(const SourceLoc& loc) const;
};

// Throws RequestError for a request that names no report, InputError for a
// report that cannot be read (it becomes the answer's finding). `scratch`
// is the job's private directory (a legacy .doc is converted there).
Document compose(const Submission& s, const std::filesystem::path& scratch, Diagnostics& diags);

// The name messages give pasted text and the form's fields.
inline constexpr const char* kPastedTextName = "pasted-text";
inline constexpr const char* kFieldsName = "fields";

}  // namespace banshi::serve
