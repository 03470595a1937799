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
// and .ci/run). Figures are bytes held in memory, as a server's uploads
// are (image::NamedFiles): every image of the image corpus by its file
// name (engine/fuzz/images/: PNG and JPEG of every kind, good and broken,
// or $BANSHI_FUZZ_IMAGES) and the samples' figures as figures/NAME, so a
// <figure src> the fuzzer writes or splices reaches the image room with
// any of them. The data dir (templates, font map) comes from
// BANSHI_DATA_DIR or the source tree the target was built from.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include "image/figure_files.h"
#include "render/engine.h"
#include "util/diag.h"
#include "word/word_reader.h"

namespace {

struct Fixture {
  std::unique_ptr<banshi::Engine> engine;
  std::filesystem::path base_dir;
  banshi::image::NamedFiles figures;
};

std::shared_ptr<const std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::make_shared<const std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void add_images(banshi::image::NamedFiles& files, const std::filesystem::path& dir, const std::string& prefix) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file()) files.add(prefix + e.path().filename().string(), read_file(e.path()));
}

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture x;
    banshi::Diagnostics diags;  // font substitution notes: not interesting here
    const std::filesystem::path data = banshi::find_data_dir(nullptr);
    x.engine = std::make_unique<banshi::Engine>(data, diags, banshi::word::docx_reader());
    x.base_dir = data / "samples";
    if (!std::filesystem::is_directory(x.base_dir)) x.base_dir = data;
    const char* images = std::getenv("BANSHI_FUZZ_IMAGES");
    add_images(x.figures, images && *images ? std::filesystem::path(images) : data / "engine" / "fuzz" / "images", "");
    add_images(x.figures, data / "samples" / "figures", "figures/");
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
  options.figure_files = &f.figures;
  // Both line breakers, both duplex turns and PDF/A or not, chosen by the input itself so
  // a crashing input reproduces alone; the template picks the imposition
  // (jiexiang: the A3 booklet).
  options.breaker = (size & 1) ? banshi::Breaker::Greedy : banshi::Breaker::Optimal;
  options.long_edge_duplex = (size & 2) != 0;
  // PDF/A or not (PDF/A flattens figures' transparency).
  options.pdfa = (size & 4) != 0;
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
