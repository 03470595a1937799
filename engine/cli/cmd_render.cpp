#include <filesystem>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/render_options.h"
#include "render/engine.h"
#include "util/file.h"

namespace banshi::cli {

int cmd_render(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, {{"--output", "-o", true},
                         {"--impose", "", true},
                         {"--pdfa", "", false},
                         {"--no-pdfa", "", false},
                         {"--long-edge", "", false},
                         {"--template", "", true},
                         {"--breaker", "", true},
                         {"--quiet", "-q", false},
                         {"--timings", "", false}});
  if (args.positional().size() != 1) throw UsageError("render takes one report file (use - for standard input)");
  const std::string input = args.positional()[0];
  std::string output;
  if (auto o = args.value("--output")) {
    output = *o;
  } else if (input == "-") {
    output = "-";
  } else {
    output = std::filesystem::path(input).filename().replace_extension(".pdf").string();
  }

  const RenderOptions options = render_options(args);

  Diagnostics diags;
  int status = kExitOk;
  try {
    const Engine engine(find_data_dir(ctx.argv0.c_str()), diags);
    RenderResult r;
    if (input == "-") {
      const std::string xml{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
      r = engine.render_bytes(xml, "<stdin>", std::filesystem::current_path(), options, diags);
    } else {
      r = engine.render(input, options, diags);
    }
    if (output == "-") {
      std::cout.write(r.pdf.data(), static_cast<std::streamsize>(r.pdf.size()));
      std::cout.flush();
    } else {
      write_file_atomic(output, r.pdf);
    }
    if (!args.has("--quiet")) {
      print_diagnostics(diags, ctx.lang);
      if (output != "-") std::cerr << output << ": " << r.pages << " pages\n";
    }
    if (args.has("--timings")) {
      const StageTimes& t = r.times;
      std::cerr << "timings (ms): parse " << t.parse_ms << ", layout " << t.layout_ms << " (prepare " << t.prepare_ms
                << ", break " << t.break_ms << ", paginate " << t.paginate_ms << "), pdf " << t.pdf_ms << " (subset "
                << t.subset_ms << ", write " << t.write_ms << ")\n";
    }
    return status;
  } catch (const InputError& e) {
    diags.add(e.diagnostic());
    if (args.has("--quiet")) std::cerr << e.diagnostic().format(ctx.lang) << "\n";
    else print_diagnostics(diags, ctx.lang);
    return kExitBadInput;
  }
}

}  // namespace banshi::cli
