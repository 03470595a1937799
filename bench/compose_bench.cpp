// Paragraph composition in process: every paragraph of the sample report
// set with the greedy breaker and with the total-fit one, so the cost of
// the Chinese composition rules can be compared (issue: no more than 1.5×
// the greedy breaker), and a full layout of the report.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "layout/inline_text.h"
#include "layout/layout.h"
#include "layout/paragraph_spec.h"
#include "para/compose.h"
#include "xml/parse.h"

namespace banshi {
namespace {

namespace fs = std::filesystem;

struct Fixture {
  std::shared_ptr<const FontSet> fonts;
  Template tmpl;
  model::Report report;
  std::vector<CollectedText> paragraphs;

  Fixture() {
    Diagnostics d;
    const fs::path src(BANSHI_SOURCE_DIR);
    fonts = FontSet::load(src / "fonts" / "fontmap.xml", {}, d);
    tmpl = load_template(src / "templates" / "outcome");
    report = parse_report_file(src / "samples" / "bz25yb119-jiexiang.xml", d);
    NoteRegistry notes;
    CitationRegistry cites;
    InlineCollector collector(notes, cites);
    const SpanStyle body = span_style(tmpl.style("body"), *fonts);
    for (const auto& b : report.outcome.body) collect(b, collector, body);
  }

  void collect(const model::Block& b, InlineCollector& c, const SpanStyle& body) {
    if (const auto* p = std::get_if<model::Paragraph>(&b.node)) {
      CollectedText t;
      c.collect(p->content, body, t);
      paragraphs.push_back(std::move(t));
    } else if (const auto* s = std::get_if<model::Section>(&b.node)) {
      for (const auto& child : s->blocks) collect(child, c, body);
    }
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void compose_all(benchmark::State& state, Breaker breaker) {
  Fixture& f = fixture();
  const ParagraphSpec spec = paragraph_spec(f.tmpl.style("body"), f.tmpl);
  ParagraphComposer composer(*f.fonts, breaker);
  size_t lines = 0;
  for (auto _ : state) {
    for (const auto& p : f.paragraphs) lines += composer.compose(p, spec).lines.size();
  }
  state.counters["paragraphs/s"] =
      benchmark::Counter(static_cast<double>(f.paragraphs.size()), benchmark::Counter::kIsIterationInvariantRate);
  benchmark::DoNotOptimize(lines);
}

void BM_ComposeGreedy(benchmark::State& state) { compose_all(state, Breaker::Greedy); }
void BM_ComposeOptimal(benchmark::State& state) { compose_all(state, Breaker::Optimal); }
BENCHMARK(BM_ComposeGreedy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ComposeOptimal)->Unit(benchmark::kMillisecond);

void BM_LayoutReport(benchmark::State& state) {
  Fixture& f = fixture();
  const Template jiexiang = load_template(fs::path(BANSHI_SOURCE_DIR) / "templates" / "jiexiang");
  size_t pages = 0;
  for (auto _ : state) {
    Diagnostics d;
    pages += layout_report(f.report, jiexiang, *f.fonts, d).pages.size();
  }
  benchmark::DoNotOptimize(pages);
}
BENCHMARK(BM_LayoutReport)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace banshi
