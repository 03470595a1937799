// A command's options from a file (banshi serve --config FILE): one
// `name = value` a line, the names those of the command's long options
// without their dashes; # starts a comment. Read into the words of a
// command line, put before the real one so the command line wins.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/args.h"
#include "util/diag.h"

namespace banshi::cli {

// "listen = 127.0.0.1:8080" → {"--listen", "127.0.0.1:8080"}. Only options
// of `specs` that take a value may be set; anything else is an error at its
// file:line added to `problems` (every problem of the file at once; the
// caller exits with status 2 when there are any).
std::vector<std::string> read_config_file(const std::filesystem::path& file, const std::vector<OptionSpec>& specs,
                                          Diagnostics& problems);

}  // namespace banshi::cli
