// The command line of both executables (cli/main.cpp, cli/full/main.cpp).
#include <algorithm>
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/hand_off.h"
#include "manual/manual.h"
#include "util/diag.h"
#include "util/output.h"

namespace {

// The help text is made from engine/manual/banshi.xml (engine/manual), as the
// manual page and the bash completion are.
std::string usage() { return banshi::manual::help_text(banshi::manual::banshi()); }

// `banshi CMD --help` (or -h) anywhere before "--": the command's help.
bool asks_for_help(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "--") return false;
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

}  // namespace

namespace banshi::cli {

namespace {

// Every command, as the manual lists them; null: banshi-full's
// (run_cli's `full_commands`), handed over by banshi (cli/hand_off.h).
constexpr Command kCommands[] = {
    {"render", cmd_render}, {"check", cmd_check}, {"fonts", cmd_fonts}, {"templates", cmd_templates},
    {"fields", cmd_fields}, {"help", cmd_help},   {"batch", nullptr},   {"serve", nullptr},
    {"import", nullptr},    {"audit", nullptr},
};

}  // namespace

int run_cli(int argc, char** argv, std::span<const Command> full_commands, std::shared_ptr<const WordReader> word) {
  std::vector<std::string> args(argv + 1, argv + argc);
  Context ctx{argc > 0 ? argv[0] : "banshi", lang_from_environment(), std::vector<std::string>(argv, argv + argc),
              std::move(word)};
  // --lang is for every command, before or after its name.
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    std::string value;
    size_t take = 0;
    if (args[i] == "--lang" && i + 1 < args.size()) {
      value = args[i + 1];
      take = 2;
    } else if (args[i].starts_with("--lang=")) {
      value = args[i].substr(7);
      take = 1;
    } else {
      continue;
    }
    const auto lang = parse_lang(value);
    if (!lang || value.size() != 2) {
      std::cerr << render_message("usage.line", {{"message", Message{"usage.lang"}}}, ctx.lang) << "\n";
      return kExitBadInput;
    }
    ctx.lang = *lang;
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i + take));
    --i;
  }
  if (args.empty()) {
    std::cerr << usage();
    return kExitBadInput;
  }
  const std::string cmd = args.front();
  args.erase(args.begin());
  // A closed descriptor 0–2 would be taken by the next file opened; a
  // reader that went away (| head) is an error to report, not a signal.
  reserve_standard_streams();
  std::signal(SIGPIPE, SIG_IGN);
  try {
    if (cmd == "--help" || cmd == "-h") {
      std::cout << usage();
      return kExitOk;
    }
    if (asks_for_help(args)) {
      const manual::Command* c = manual::banshi().command(cmd);
      if (!c) throw UsageError(Message{"help.unknown-command", {{"command", cmd}}});
      std::cout << manual::command_help(manual::banshi(), *c);
      return kExitOk;
    }
    if (cmd == "--version") {
      std::cout << "banshi " << BANSHI_VERSION << "\n";
      return kExitOk;
    }
    const auto named = [&](std::span<const Command> table) {
      const auto it = std::find_if(table.begin(), table.end(), [&](const Command& c) { return c.name == cmd; });
      return it == table.end() ? nullptr : &*it;
    };
    const Command* command = named(kCommands);
    if (!command) throw UsageError("usage.unknown-command", {{"command", cmd}});
    // A command only banshi-full runs: this executable's own, or handed over.
    if (!command->run) command = named(full_commands);
    if (!command) hand_off(ctx);
    const int status = command->run(ctx, args);
    // What went to standard output through the stream (check --json, fonts,
    // templates, fields) must have arrived.
    if (!std::cout.flush()) throw EngineError("output.stdout-closed");
    return status;
  } catch (const UsageError& e) {
    std::cerr << render_message("usage.line", {{"message", e.message()}}, ctx.lang) << "\n";
    return kExitBadInput;
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.format(ctx.lang) << "\n";
    return kExitBadInput;
  } catch (const OutputError& e) {
    std::cerr << e.diagnostic().format(ctx.lang) << "\n";
    return kExitFailure;
  } catch (const EngineError& e) {
    std::cerr << render_message("tool.error", {{"message", e.text(ctx.lang)}}, ctx.lang) << "\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << render_message("tool.error", {{"message", e.what()}}, ctx.lang) << "\n";
    return kExitFailure;
  }
}

void print_diagnostics(const Diagnostics& diags, Lang lang) {
  for (const auto& d : diags.sorted()) std::cerr << d.format(lang) << "\n";
}

}  // namespace banshi::cli
