// Building the messages of the XML stage: every diagnostic names the file
// as the user gave it and, where known, the line and column.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "model/document.h"
#include "util/diag.h"

namespace banshi::xml {

Diagnostic make_diagnostic(Severity severity, const std::string& file, model::Pos pos, std::string message,
                           std::string path = {}, std::string label = {});

// Throws InputError.
[[noreturn]] void fail(const std::string& file, model::Pos pos, std::string message, std::string path = {},
                       std::string label = {});

// "\"text\"" for a message, cut after `max_chars` code points.
std::string quoted(std::string_view text, size_t max_chars = 24);

// "line 7, column 3"
std::string where(model::Pos pos);

// "a, b, c"
std::string join(std::span<const std::string_view> items, std::string_view separator = ", ");

}  // namespace banshi::xml
