// What an input is and which reader reads it — one way in, one model out:
// report XML (engine/xml), a Word .docx (engine/docx), or a legacy .doc,
// .wps or .odt converted to .docx by LibreOffice first. The kind comes from
// the file's content where the name could mislead (a .docx that is really
// a .doc is refused as such), else from its extension.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/document.h"
#include "util/diag.h"
#include "xml/parse.h"

namespace banshi {

enum class InputKind { Xml, Docx, Legacy };

InputKind input_kind(const std::filesystem::path& path);

// A file batch takes from a directory: *.xml, *.docx, and the legacy kinds.
bool is_report_file(const std::filesystem::path& path);

struct InputOptions {
  // The template a Word document is laid out with (report XML names its
  // own); empty: as the document is — jiexiang for a filled form.
  std::string docx_template;
  // The fields each template requires (the report XML's reader checks them).
  RequiredFields required;
};

// Reads a report from a file of any kind. Input problems throw InputError;
// warnings and the importer's notes go to `diags`.
model::Report read_report(const std::filesystem::path& path, Diagnostics& diags, const InputOptions& options = {});

// A filled form (its <project>, <changes> and <declaration>, and its
// template) with the report of another file as its outcome: `render
// form.docx --outcome report.docx`, either of them .docx, legacy Word or XML.
// Positions are the outcome file's; the form's own findings are reported as
// it is read, at its paragraphs or lines.
model::Report read_form_and_outcome(const std::filesystem::path& form, const std::filesystem::path& outcome,
                                    Diagnostics& diags, const InputOptions& options = {});

// The same for bytes held in memory (standard input, an upload): a zip is
// read as a .docx, anything else as report XML.
model::Report read_report_bytes(std::string_view bytes, const std::string& name, const std::filesystem::path& base_dir,
                                Diagnostics& diags, const InputOptions& options = {});

}  // namespace banshi
