// What an input is and which reader reads it — one way in, one model out:
// report XML (engine/xml), a Word .docx (engine/docx), or a legacy .doc,
// .wps or .odt converted to .docx by LibreOffice first. The kind comes from
// the file's content where the name could mislead (a .docx that is really
// a .doc is refused as such), else from its extension.
//
// The Word reader is given (InputOptions::word, from the Engine), not
// linked here: it needs libzip, whose loading (with libcrypto) costs the
// `banshi` executable's every start, so only banshi-full links it
// (engine/word) and `banshi` hands Word inputs to banshi-full.
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

struct InputOptions;

// Reads Word documents into the model; engine/word/word_reader.h has the one
// there is.
class WordReader {
 public:
  virtual ~WordReader() = default;
  // A .docx (kind Docx) or a legacy document converted first (kind Legacy).
  virtual model::Report read_file(const std::filesystem::path& path, InputKind kind, Diagnostics& diags,
                                  const InputOptions& options) const = 0;
  // A .docx held in memory.
  virtual model::Report read_bytes(std::string_view bytes, const std::string& name,
                                   const std::filesystem::path& base_dir, Diagnostics& diags,
                                   const InputOptions& options) const = 0;
};

struct InputOptions {
  // The template a Word document is laid out with (report XML names its
  // own); empty: as the document is — jiexiang for a filled form.
  std::string docx_template;
  // The fields each template requires (the report XML's reader checks them).
  RequiredFields required;
  // Reads Word inputs; null in the `banshi` executable, which never gives
  // one to an Engine (std::logic_error if it did).
  const WordReader* word = nullptr;
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
