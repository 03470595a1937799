// The Word reader's interface: a .docx in, the same model::Report the XML
// reader builds out — so rendering, checking and batch work on Word files
// as they do on XML, and `banshi import` writes the XML that reads back as
// the same model.
//
// Positions in the model are paragraphs (model::Report::loc gives
// report.docx:¶37 「二、巴中发展新质生产力…」). Every guess the importer
// makes is a note at its paragraph, problems are warnings; what cannot be
// printed (a picture in EMF, a chart) is an error at its paragraph — all of
// them reported, the last thrown as InputError.
#pragma once

#include <filesystem>
#include <string>

#include "docx/import_log.h"
#include "docx/package.h"
#include "model/document.h"
#include "util/diag.h"

namespace banshi::docx {

struct ImportOptions {
  PackageLimits limits;
  // The template to lay it out with; empty: jiexiang for a filled form,
  // outcome for a report alone.
  std::string template_name;
  // Errors end the import (thrown as InputError, the others added to the
  // diagnostics); false: all of them are added and the report is returned
  // as far as it was read — for the web page, which fills its form with a
  // form's fields even when one of them is missing.
  bool stop_at_errors = true;
};

struct Imported {
  model::Report report;
  ImportLog log;  // by paragraph: the guesses behind the model
};

// Reads the outcome (the 最终成果) from a package. `base_dir` is where the
// report's relative paths would resolve (the .docx's directory).
Imported import_package(const Package& package, const std::filesystem::path& base_dir, Diagnostics& diags,
                        const ImportOptions& options = {});

// Opens and reads a .docx file; `display_name` is what messages call it.
Imported import_file(const std::filesystem::path& path, const std::string& display_name, Diagnostics& diags,
                     const ImportOptions& options = {});

// The report as XML, with comments where the importer guessed (banshi
// import).
// Comments in `lang`.
std::string imported_xml(const Imported& imported, Lang lang = Lang::En);

}  // namespace banshi::docx
