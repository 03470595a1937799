// `banshi` and banshi-full, git's libexec model: `banshi` links only what
// a render or check of report XML needs, so that it starts in a fraction
// of the time; the commands and inputs that need libzip (Word documents),
// cpp-httplib (serve) or MuPDF (audit) it hands to banshi-full, run with
// the same command line in the same process (exec), which then answers as
// `banshi` would have: same messages, output and exit status.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "cli/commands.h"

namespace banshi::cli {

// Runs banshi-full with ctx.command_line in place of this process: found
// beside this executable (the build tree) or, installed, in
// libexec/banshi/. Throws EngineError (tool.full-missing) if it cannot.
[[noreturn]] void hand_off(const Context& ctx);
// The same, with `input` — standard input this process has already read —
// as banshi-full's standard input.
[[noreturn]] void hand_off(const Context& ctx, std::string_view input);

// Hands the command off when this executable reads no Word documents and
// one of `inputs` is one (render/input.h's input_kind); else returns.
void hand_off_word_inputs(const Context& ctx, const std::vector<std::filesystem::path>& inputs);

}  // namespace banshi::cli
