// The banshi subcommands. Each returns the process exit status:
// 0 success, 1 internal failure (or warnings under --strict), 2 bad input.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "render/input.h"
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
  // The command line as given (argv[0] included): banshi-full is run with
  // it when this executable hands the command over (cli/hand_off.h).
  std::vector<std::string> command_line;
  // Reads Word inputs: banshi-full's; null in `banshi`, which hands a
  // command with a Word input to banshi-full instead.
  std::shared_ptr<const WordReader> word;
};

// A command and what runs it in this executable; `run` null: banshi-full
// runs it (`banshi` links neither libzip, cpp-httplib nor MuPDF, whose
// loading would cost every start; cli/main.cpp, cli/full/main.cpp).
struct Command {
  std::string_view name;
  int (*run)(const Context& ctx, const std::vector<std::string>& args);
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

// The whole command line: `--lang`, the command, its help, the errors and
// exit statuses. `full_commands`: the commands only banshi-full runs
// (batch, serve, import, audit), empty in banshi, which hands them over.
int run_cli(int argc, char** argv, std::span<const Command> full_commands, std::shared_ptr<const WordReader> word);

// Prints diagnostics to stderr, one line each, sorted by position, in `lang`.
void print_diagnostics(const Diagnostics& diags, Lang lang);

}  // namespace banshi::cli
