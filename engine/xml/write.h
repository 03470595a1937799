// The model written back as report XML: what `banshi import` gives for a
// .docx, for applicants who want to keep or correct the XML. Reading the
// written XML gives the model it was written from (positions aside), so an
// imported report renders the same from the .docx and from its XML.
//
// The output is indented for reading; each block's inline content stays on
// one line, which the XML reader's white-space rules leave as it is.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/document.h"

namespace banshi::xml {

struct WriteOptions {
  // Comment lines placed before the element that starts at a position
  // (a .docx paragraph: Pos::line): what the importer guessed there.
  // Called once per element, in document order.
  std::function<std::vector<std::string>(model::Pos)> comments_before;
  // Comment lines after the XML declaration.
  std::vector<std::string> header;
};

std::string write_report(const model::Report& report, const WriteOptions& options = {});

}  // namespace banshi::xml
