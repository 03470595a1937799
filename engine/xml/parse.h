// The XML stage: a report file in, a typed document model out.
//
// Every error is an InputError with file:line:column, the XML path and the
// form's Chinese label (see report-xml.md). Warnings (a heading that already
// carries a number, a GB18030 file converted, …) go to `diags`.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/document.h"
#include "util/diag.h"

namespace banshi {

struct ParseLimits {
  size_t max_bytes = 16u << 20;  // whole input file
  int max_depth = 64;            // element nesting
  // Elements, texts and comments. A real report has a few thousand; the
  // limit keeps a hostile file of 64 MB of "<br/>" from costing gigabytes.
  size_t max_nodes = 1'000'000;
};

// Parses a report file. `display_name` is what messages call the file
// (defaults to the path as given).
model::Report parse_report_file(const std::filesystem::path& path, Diagnostics& diags, const ParseLimits& limits = {});

// Parses report XML held in memory (bytes in any supported encoding).
model::Report parse_report(std::string_view bytes, const std::string& display_name,
                           const std::filesystem::path& base_dir, Diagnostics& diags, const ParseLimits& limits = {});

}  // namespace banshi
