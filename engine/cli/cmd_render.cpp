#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "render/engine.h"
#include "util/file.h"

namespace banshi::cli {

namespace {

std::optional<int64_t> source_date_epoch() {
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  const long long t = std::strtoll(v, &end, 10);
  if (*end != '\0' || t < 0) throw UsageError(std::string("SOURCE_DATE_EPOCH=") + v + " is not a number of seconds");
  return t;
}

}  // namespace

int cmd_render(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, {{"--output", "-o", true},
                         {"--impose", "", true},
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

  RenderOptions options;
  if (auto imp = args.value("--impose")) {
    if (*imp == "none")
      options.impose = Imposition::None;
    else if (*imp == "a3-booklet")
      options.impose = Imposition::A3Booklet;
    else
      throw UsageError("--impose must be none or a3-booklet");
  }
  options.long_edge_duplex = args.has("--long-edge");
  options.template_override = args.value("--template").value_or("");
  if (auto b = args.value("--breaker")) {
    if (*b == "greedy")
      options.breaker = Breaker::Greedy;
    else if (*b == "optimal")
      options.breaker = Breaker::Optimal;
    else
      throw UsageError("--breaker must be greedy or optimal");
  }
  options.timestamp = source_date_epoch();

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
      print_diagnostics(diags);
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
    if (args.has("--quiet"))
      std::cerr << e.diagnostic().format() << "\n";
    else
      print_diagnostics(diags);
    return kExitBadInput;
  }
}

}  // namespace banshi::cli
