// The banshi subcommands. Each returns the process exit status:
// 0 success, 1 internal failure (or warnings under --strict), 2 bad input.
#pragma once

#include <string>
#include <vector>

#include "util/diag.h"

namespace banshi::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

struct Context {
  std::string argv0;
  // The language of messages: --lang, else the locale (LC_ALL,
  // LC_MESSAGES, LANG).
  Lang lang = Lang::En;
};

int cmd_render(const Context& ctx, const std::vector<std::string>& args);
int cmd_check(const Context& ctx, const std::vector<std::string>& args);
int cmd_fonts(const Context& ctx, const std::vector<std::string>& args);
int cmd_templates(const Context& ctx, const std::vector<std::string>& args);
int cmd_batch(const Context& ctx, const std::vector<std::string>& args);
int cmd_serve(const Context& ctx, const std::vector<std::string>& args);
int cmd_import(const Context& ctx, const std::vector<std::string>& args);
int cmd_audit(const Context& ctx, const std::vector<std::string>& args);
int cmd_help(const Context& ctx, const std::vector<std::string>& args);
int cmd_fields(const Context& ctx, const std::vector<std::string>& args);

// Prints diagnostics to stderr, one line each, sorted by position, in `lang`.
void print_diagnostics(const Diagnostics& diags, Lang lang);

}  // namespace banshi::cli
