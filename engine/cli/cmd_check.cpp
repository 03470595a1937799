// banshi check: validate reports without writing a PDF.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "render/engine.h"

namespace banshi::cli {

int cmd_check(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, {{"--json", "", false}, {"--strict", "", false}});
  if (args.positional().empty()) throw UsageError("check takes one or more report files");
  const bool json = args.has("--json");
  Diagnostics engine_diags;
  const Engine engine(find_data_dir(ctx.argv0.c_str()), engine_diags);
  int status = kExitOk;
  for (const auto& file : args.positional()) {
    Diagnostics diags;
    try {
      engine.check(file, diags);
    } catch (const InputError& e) {
      diags.add(e.diagnostic());
    } catch (const std::exception& e) {
      diags.error({file, 0, 0}, e.what());
    }
    if (json) {
      for (const auto& d : diags.items()) std::cout << d.to_json() << "\n";
    } else {
      print_diagnostics(diags);
      if (!diags.has_errors()) std::cerr << file << ": ok" << (diags.items().empty() ? "" : " (with warnings)") << "\n";
    }
    if (diags.has_errors()) status = kExitBadInput;
    else if (args.has("--strict") && diags.count(Severity::Warning) > 0 && status == kExitOk) status = kExitFailure;
  }
  return status;
}

}  // namespace banshi::cli
