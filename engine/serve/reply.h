// The JSON answers of the API: the findings of a check (as `banshi check
// --json` gives them, in the request's language, with the counts), and
// the error answers. Every error has the CLI's exit status beside the
// HTTP status ("status": 2 for bad input, 1 for an internal failure) and
// a stable code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "serve/submission.h"
#include "util/diag.h"

namespace banshi::serve {

// Extra members of a findings answer (a preview's PDF and page count).
struct Extra {
  std::optional<size_t> pages;
  std::optional<std::string> pdf;  // the bytes; sent as base64
  bool partial = false;            // the pages are the outcome's alone (the form has errors)
  std::string form_json;           // Import: the fields found, as JSON
  std::string template_name;       // Import: the report's template
  // Per finding, the form field it concerns ("changes.person[2].phone"),
  // or empty; written as the finding's "field".
  std::vector<std::string> fields;
};

// {"status", "summary", "errors", "warnings", "notes", "findings", …}.
std::string findings_json(const Diagnostics& diags, Lang lang, const Extra& extra = {});

// An error answer for one diagnostic: {"status", "code", "error", "findings"}.
Reply error_reply(int http_status, const Diagnostic& d, Lang lang);

// The findings of a report that could not be rendered, as a 400 answer
// whose "error" is the first error.
Reply bad_input_reply(const Diagnostics& diags, Lang lang, const Extra& extra = {});

std::string base64(std::string_view bytes);

}  // namespace banshi::serve
