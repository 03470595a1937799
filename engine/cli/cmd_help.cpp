// banshi help [COMMAND] [--man | --bash-completion]: the description of
// the command line (engine/manual/banshi.xml) as help, manual page or completion.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "manual/manual.h"

namespace banshi::cli {

int cmd_help(const Context&, const std::vector<std::string>& argv) {
  const Args args(argv, options_for("help"));
  const manual::Manual& m = manual::banshi();
  if (args.has("--man") && args.has("--bash-completion")) throw UsageError(Message{"help.both", {}});
  if (args.has("--man") || args.has("--bash-completion")) {
    if (!args.positional().empty()) throw UsageError(Message{"help.no-command", {}});
    std::cout << (args.has("--man") ? manual::roff(m, BANSHI_VERSION) : manual::bash_completion(m));
    return kExitOk;
  }
  if (args.positional().size() > 1) throw UsageError(Message{"help.one-command", {}});
  if (args.positional().empty()) {
    std::cout << manual::help_text(m);
    return kExitOk;
  }
  const manual::Command* c = m.command(args.positional().front());
  if (!c) throw UsageError(Message{"help.unknown-command", {{"command", args.positional().front()}}});
  std::cout << manual::command_help(m, *c);
  return kExitOk;
}

}  // namespace banshi::cli
