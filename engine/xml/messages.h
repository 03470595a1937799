// Building the messages of the XML stage: every diagnostic names the file
// as the user gave it and, where known, the line and column. The texts are
// in the catalogues (i18n/messages/*.txt); util/diag.h says how to add one.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"
#include "util/diag.h"

namespace banshi::xml {

Diagnostic make_diagnostic(Severity severity, const std::string& file, model::Pos pos, MessageCode code, Args args = {},
                           std::string path = {}, std::string label = {});

// Throws InputError: for what makes the rest of the file meaningless
// (malformed XML, an encoding that cannot be read).
[[noreturn]] void fail(const std::string& file, model::Pos pos, MessageCode code, Args args = {});

// `text` cut after `max_chars` code points, with … when cut: what a
// message quotes of the input.
std::string shortened(std::string_view text, size_t max_chars = 24);

}  // namespace banshi::xml
