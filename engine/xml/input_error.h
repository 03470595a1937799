// Building the diagnostics of the XML stage: every one names the file as
// the user gave it and, where known, the line and column.
#pragma once

#include <string>

#include "model/document.h"
#include "util/diag.h"

namespace banshi::xml {

Diagnostic make_diagnostic(Severity severity, const std::string& file, model::Pos pos,
                           std::string message, std::string path = {}, std::string label = {});

// Throws InputError.
[[noreturn]] void fail(const std::string& file, model::Pos pos, std::string message,
                       std::string path = {}, std::string label = {});

// "\"text\"" for a message, cut after `max_chars` code points.
std::string quoted(std::string_view text, size_t max_chars = 24);

}  // namespace banshi::xml
