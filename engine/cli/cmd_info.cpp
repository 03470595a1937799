// banshi fonts, banshi templates, banshi fields: what this installation
// will use, and what a report may hold.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "fields/field_report.h"
#include "fonts/font_report.h"
#include "render/engine.h"

namespace banshi::cli {

int cmd_fonts(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, options_for("fonts"));
  if (!args.positional().empty()) throw UsageError("usage.no-arguments", {{"command", "fonts"}});
  Diagnostics diags;
  const Engine engine(find_data_dir(ctx.argv0.c_str()), diags, ctx.word);
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
  if (!args.positional().empty()) throw UsageError("usage.no-arguments", {{"command", "templates"}});
  for (const auto& t : list_templates(find_data_dir(ctx.argv0.c_str()) / "templates")) {
    if (t.problem)
      std::cout << t.name << "\t"
                << render_message("template.invalid", {{"problem", t.problem->in(ctx.lang)}}, ctx.lang) << "\n";
    else std::cout << t.name << "\t" << t.description << "\n";
  }
  return kExitOk;
}

int cmd_fields(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, options_for("fields"));
  if (!args.positional().empty()) throw UsageError("usage.no-arguments", {{"command", "fields"}});
  // Which templates require each field: the templates say.
  const auto templates_dir = find_data_dir(ctx.argv0.c_str()) / "templates";
  RequiredBy required_by;
  for (const auto& t : list_templates(templates_dir))
    for (const auto& key : load_template(templates_dir / t.name).required_fields) required_by[key].push_back(t.name);
  if (args.has("--json")) std::cout << fields_json(report_fields(), required_by) << "\n";
  else if (args.has("--markdown")) std::cout << fields_markdown(report_fields(), required_by);
  else std::cout << describe_fields(report_fields(), required_by, ctx.lang);
  return kExitOk;
}

}  // namespace banshi::cli
