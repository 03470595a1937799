#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/hand_off.h"
#include "cli/options.h"
#include "cli/render_options.h"
#include "filekind/sniff.h"
#include "render/engine.h"
#include "render/threads.h"
#include "util/file.h"
#include "util/output.h"
#include "util/timings.h"
#include "xml/parse.h"

namespace banshi::cli {

int cmd_render(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, options_for("render"));
  if (args.positional().size() != 1) throw UsageError("usage.render-file");
  const std::string input = args.positional()[0];
  // Built once rather than assigned in branches: GCC 12 at -O2 reported a
  // -Wrestrict false positive inside std::string's assignment from "-".
  const std::string output = [&]() -> std::string {
    if (auto o = args.value("--output")) {
      if (o->empty()) throw UsageError(Message{"output.empty-name", {{"option", "-o"}}});
      return *o;
    }
    if (input == "-") return "-";
    return std::filesystem::path(input).filename().replace_extension(".pdf").string();
  }();
  RenderOptions options = render_options(args);
  if (!args.has("--threads")) options.threads = render_threads(1);
  // A Word document is banshi-full's to read (cli/hand_off.h).
  hand_off_word_inputs(ctx, {input, options.outcome_file});

  Diagnostics diags;
  try {
    // Where the PDF goes is settled before any work: never over the input
    // (`render r.pdf` whose default output is r.pdf itself), never over a
    // directory or a device node.
    std::vector<FileId> inputs;
    if (const auto id = input == "-" ? regular_file_id(STDIN_FILENO) : file_id(input)) inputs.push_back(*id);
    if (!options.outcome_file.empty())
      if (const auto id = file_id(options.outcome_file)) inputs.push_back(*id);
    const OutputTarget target = OutputTarget::resolve(output, inputs, "-o");

    // Standard input is held to the same limit as a file, and read no
    // further than that, before the fonts are loaded.
    std::string xml;
    if (input == "-") {
      const size_t limit = ParseLimits{}.max_bytes;
      auto bytes = read_at_most(STDIN_FILENO, limit, "standard input");
      if (!bytes)
        throw InputError(Diagnostic(Severity::Error, "input.stdin-too-large", {{"limit", limit}}).at({"<stdin>"}));
      xml = std::move(*bytes);
      if (!ctx.word && filekind::sniff(xml) == filekind::FileKind::Zip) hand_off(ctx, xml);
    }

    // The fonts are a stage of their own in --timings: resolved, or read
    // from the font cache.
    Timings times;
    const Engine engine = [&] {
      const ScopedTimer timer(&times, "fonts");
      return Engine(find_data_dir(ctx.argv0.c_str()), diags, ctx.word);
    }();
    const RenderResult r = input == "-"
                               ? engine.render_bytes(xml, "<stdin>", std::filesystem::current_path(), options, diags)
                               : engine.render(input, options, diags);
    for (const auto& [stage, ms] : r.times.stages()) times.add(stage, ms);
    target.write(r.pdf);
    if (!args.has("--quiet")) {
      print_diagnostics(diags, ctx.lang);
      if (output != "-")
        std::cerr << render_message("render.pages", {{"file", output}, {"pages", r.pages}}, ctx.lang) << "\n";
    }
    if (args.has("--timings"))
      std::cerr << render_message("render.timings", {{"timings", times.report()}}, ctx.lang) << "\n";
    return kExitOk;
  } catch (const InputError& e) {
    // Every error, then how many: the list is the whole story (-q: the errors only).
    diags.add(e);
    if (args.has("--quiet")) {
      for (const auto& d : e.diagnostics()) std::cerr << d.format(ctx.lang) << "\n";
    } else {
      print_diagnostics(diags, ctx.lang);
      std::cerr << render_message("check.summary", {{"file", input}, {"summary", count_summary(diags, ctx.lang)}},
                                  ctx.lang)
                << "\n";
    }
    return kExitBadInput;
  }
}

}  // namespace banshi::cli
