// Importing a Word document, in process: the package opened from the file,
// styles, numbering, the body walk and the structure into the model — what
// render does before layout. The target (issue 12): a 30-page report in
// under 20 ms. thirty-pages.docx is three samples in one, in Word's shape
// (tests/docx/make_fixtures.py); its page count is printed once, from a
// real render, so the figure is read against the right size.
//
//   build/bench/docx_import_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "docx/import.h"
#include "render/engine.h"
#include "word/word_reader.h"

namespace {

const std::filesystem::path kDocx = std::filesystem::path(BANSHI_SOURCE_DIR) / "tests" / "data" / "docx";

void import(benchmark::State& state, const std::filesystem::path& file) {
  size_t paragraphs = 0;
  for (auto _ : state) {
    banshi::Diagnostics diags;
    const auto imported = banshi::docx::import_file(file, file.filename().string(), diags);
    paragraphs = imported.report.paragraph_openings.size() - 1;
    benchmark::DoNotOptimize(imported.report.outcome.body.size());
  }
  state.counters["paragraphs"] = static_cast<double>(paragraphs);
  state.counters["bytes"] = static_cast<double>(std::filesystem::file_size(file));
}

void BM_ImportThirtyPages(benchmark::State& state) {
  static const size_t pages = [] {
    banshi::Diagnostics diags;
    const banshi::Engine engine(banshi::find_data_dir(nullptr), diags, banshi::word::docx_reader());
    banshi::RenderOptions options;
    options.impose = banshi::Imposition::None;
    return engine.render(kDocx / "bench" / "thirty-pages.docx", options, diags).pages;
  }();
  import(state, kDocx / "bench" / "thirty-pages.docx");
  state.counters["pages"] = static_cast<double>(pages);
}
BENCHMARK(BM_ImportThirtyPages)->Unit(benchmark::kMillisecond);

void BM_ImportFixture(benchmark::State& state, const char* name) {
  import(state, kDocx / "fixtures" / (std::string(name) + ".docx"));
}
BENCHMARK_CAPTURE(BM_ImportFixture, word_numbered, "word-numbered")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ImportFixture, wps_typed, "wps-typed")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ImportFixture, libreoffice, "libreoffice")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ImportFixture, edge_cases, "edge-cases")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ImportFixture, form_filled, "form-filled")->Unit(benchmark::kMillisecond);

}  // namespace
