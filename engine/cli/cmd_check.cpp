// banshi check: validate reports without writing a PDF.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/hand_off.h"
#include "cli/options.h"
#include "cli/render_options.h"
#include "render/engine.h"

namespace banshi::cli {

int cmd_check(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, options_for("check"));
  if (args.positional().empty()) throw UsageError("usage.check-files");
  const bool json = args.has("--json");
  RenderOptions options;
  options.figure_roots = figure_roots(args);
  options.outcome_file = args.value("--outcome").value_or("");
  if (!options.outcome_file.empty() && args.positional().size() != 1)
    throw UsageError(Message{"usage.outcome-one-form", {}});
  // A Word document among them is banshi-full's to read (cli/hand_off.h).
  std::vector<std::filesystem::path> inputs(args.positional().begin(), args.positional().end());
  inputs.push_back(options.outcome_file);
  hand_off_word_inputs(ctx, inputs);
  Diagnostics engine_diags;
  const Engine engine(find_data_dir(ctx.argv0.c_str()), engine_diags, ctx.word);
  int status = kExitOk;
  for (const auto& file : args.positional()) {
    Diagnostics diags;
    try {
      engine.check(file, diags, options);
    } catch (const InputError& e) {
      diags.add(e);
    } catch (const EngineError& e) {
      diags.add(Diagnostic(e.diagnostic()).at(e.diagnostic().loc.empty() ? SourceLoc{file} : e.diagnostic().loc));
    } catch (const std::exception& e) {
      diags.error({file, 0, 0}, "internal.error", {{"detail", e.what()}});
    }
    if (json) {
      for (const auto& d : diags.sorted()) std::cout << d.to_json(ctx.lang) << "\n";
    } else {
      print_diagnostics(diags, ctx.lang);
      // "report.xml: 4 errors, 1 warning": the count says whether the list
      // above is the whole story.
      std::cerr << render_message("check.summary", {{"file", file}, {"summary", count_summary(diags, ctx.lang)}},
                                  ctx.lang)
                << "\n";
    }
    if (diags.has_errors()) status = kExitBadInput;
    else if (args.has("--strict") && diags.count(Severity::Warning) > 0 && status == kExitOk) status = kExitFailure;
  }
  return status;
}

}  // namespace banshi::cli
