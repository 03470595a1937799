// Each command's options, as engine/manual/banshi.xml describes them: the parser
// accepts exactly what the help text, the manual page and the completion
// offer.
#pragma once

#include <string_view>
#include <vector>

#include "cli/args.h"

namespace banshi::cli {

// The options of `command` (hidden ones included). Throws std::logic_error
// for a command the description lacks — a programming error, caught by the
// tests.
std::vector<OptionSpec> options_for(std::string_view command);

}  // namespace banshi::cli
