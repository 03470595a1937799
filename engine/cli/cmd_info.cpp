// banshi fonts, banshi templates: what this installation will use.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "fonts/font_report.h"
#include "render/engine.h"

namespace banshi::cli {

int cmd_fonts(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, options_for("fonts"));
  if (!args.positional().empty()) throw UsageError("fonts takes no arguments");
  Diagnostics diags;
  const Engine engine(find_data_dir(ctx.argv0.c_str()), diags);
  const std::vector<std::string> dirs = copy_font_dirs((engine.data_dir() / "fonts").string());
  if (args.has("--json")) {
    std::cout << to_json(engine.fonts(), dirs) << "\n";
  } else {
    std::cout << describe(engine.fonts(), dirs);
    print_diagnostics(diags, ctx.lang);
  }
  return kExitOk;
}

int cmd_templates(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, options_for("templates"));
  if (!args.positional().empty()) throw UsageError("templates takes no arguments");
  for (const auto& t : list_templates(find_data_dir(ctx.argv0.c_str()) / "templates"))
    std::cout << t.name << "\t" << t.description << "\n";
  return kExitOk;
}

}  // namespace banshi::cli
