// The XML stage: a report file in, a typed document model out.
//
// Bad input is an InputError carrying every independent error of the
// report, sorted by position, each with file:line:column, the XML path and
// the form's Chinese label; only what makes the rest unreadable (malformed
// XML, an unreadable encoding, a limit) stops at the first. Warnings (a
// heading that already carries a number, a GB18030 file converted, …) go
// to `diags`.
#pragma once

#include <filesystem>
#include <functional>
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

// The report fields (keys of the field table, "project.id") a template
// requires, by the template's name — the template says (<requires>); the
// render stage looks it up. Throws InputError for a template that is not
// installed. Without it, no field is required beyond what the table says.
using RequiredFields = std::function<std::vector<std::string>(const std::string& template_name)>;

// Parses a report file; messages call it by the path as given.
model::Report parse_report_file(const std::filesystem::path& path, Diagnostics& diags, const ParseLimits& limits = {},
                                const RequiredFields& required = {});

// Parses report XML held in memory (bytes in any supported encoding).
model::Report parse_report(std::string_view bytes, const std::string& display_name,
                           const std::filesystem::path& base_dir, Diagnostics& diags, const ParseLimits& limits = {},
                           const RequiredFields& required = {});

}  // namespace banshi
