#include "cli/options.h"

#include "manual/manual.h"

namespace banshi::cli {

std::vector<OptionSpec> options_for(std::string_view command) {
  const manual::Command* c = manual::banshi().command(command);
  if (!c) throw std::logic_error("engine/manual/banshi.xml does not describe the command " + std::string(command));
  std::vector<OptionSpec> specs;
  for (const manual::Option& o : c->options) specs.push_back({o.name, o.alias, !o.value.empty()});
  return specs;
}

}  // namespace banshi::cli
