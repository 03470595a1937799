// libFuzzer target over the whole pipeline: the input bytes are a report
// file (any encoding the engine accepts), parsed, laid out and written as
// PDF in memory by the same Engine the CLI uses.
//
// Expected outcomes of a hostile input are InputError (bad report: the CLI
// exits 2) and EngineError (an installation or resource problem the CLI
// reports with exit 1). Anything else — another exception, a crash, a
// sanitizer report, a leak, a timeout — is a finding.
//
// Built only with clang and -DBANSHI_FUZZ=ON (see engine/fuzz/CMakeLists.txt
// and .ci/run). Figures are resolved against samples/ (or
// $BANSHI_FUZZ_BASE_DIR), so the seeds' own figures load; the data dir
// (templates, font map) comes from BANSHI_DATA_DIR or the source tree the
// target was built from.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "render/engine.h"
#include "util/diag.h"

namespace {

struct Fixture {
  std::unique_ptr<banshi::Engine> engine;
  std::filesystem::path base_dir;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture x;
    banshi::Diagnostics diags;  // font substitution notes: not interesting here
    const std::filesystem::path data = banshi::find_data_dir(nullptr);
    x.engine = std::make_unique<banshi::Engine>(data, diags);
    // Where <figure src> is resolved: samples/ (the seeds' figures), or
    // $BANSHI_FUZZ_BASE_DIR — e.g. tests/data/hostile to fuzz with broken
    // images.
    if (const char* dir = std::getenv("BANSHI_FUZZ_BASE_DIR"); dir && *dir) x.base_dir = dir;
    else x.base_dir = data / "samples";
    if (!std::filesystem::is_directory(x.base_dir)) x.base_dir = data;
    return x;
  }();
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& f = fixture();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  banshi::RenderOptions options;
  options.timestamp = 0;  // no clock in the output: runs are reproducible
  // Both line breakers and both duplex turns, chosen by the input itself so
  // a crashing input reproduces alone; the template picks the imposition
  // (jiexiang: the A3 booklet).
  options.breaker = (size & 1) ? banshi::Breaker::Greedy : banshi::Breaker::Optimal;
  options.long_edge_duplex = (size & 2) != 0;
  banshi::Diagnostics diags;
  try {
    const banshi::RenderResult r = f.engine->render_bytes(bytes, "fuzz.xml", f.base_dir, options, diags);
    // A PDF that rendered must at least look like one.
    if (r.pdf.size() < 8 || r.pdf.compare(0, 5, "%PDF-") != 0) std::abort();
  } catch (const banshi::InputError& e) {
    // A refused report must say where and what (the CLI prints this line).
    if (e.diagnostic().message_text(banshi::Lang::En).empty()) std::abort();
  } catch (const banshi::EngineError&) {
  }
  return 0;
}
