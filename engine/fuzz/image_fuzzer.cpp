// libFuzzer target over the image room alone: the input bytes are an image
// file (PNG, JPEG or anything), prepared as a figure's bytes are — sniffed,
// validated, decoded, converted and compressed — and, when accepted,
// written into a one-page PDF as the PDF stage writes figures.
//
// Expected outcomes are a PreparedImage or a Refusal. Anything else — an
// exception, a crash, a sanitizer report, a leak, a timeout — is a finding,
// and so is a prepared image that breaks the promises of prepared.h: its
// size within the limits, its Flate samples inflating to exactly one
// filter byte and width × colours bytes a row, a soft mask likewise, a
// JPEG kept byte for byte.
//
// Built only with clang and -DBANSHI_FUZZ=ON (engine/fuzz/CMakeLists.txt);
// its corpus is engine/fuzz/images/ (tests/e2e/image_kinds.py writes it).
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <variant>

#include "image/prepare.h"
#include "pdf/writer.h"
#include "util/diag.h"

namespace {

using banshi::image::PreparedImage;

// Inflates a zlib stream; the size, or SIZE_MAX when it is not one.
size_t inflated_size(const std::string& data) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) std::abort();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  size_t total = 0;
  unsigned char buf[64 * 1024];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = buf;
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    total += sizeof buf - z.avail_out;
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END ? total : SIZE_MAX;
}

void check(const PreparedImage& im, const std::string& input, const banshi::image::PrepareOptions& options) {
  const auto& limits = options.limits;
  if (im.width == 0 || im.height == 0 || im.width > limits.max_side || im.height > limits.max_side ||
      uint64_t{im.width} * im.height > limits.max_pixels)
    std::abort();
  if (!options.encode) {
    if (im.data || im.alpha) std::abort();  // checking keeps no samples
    return;
  }
  if (!im.data) std::abort();
  if (im.encoding == PreparedImage::Encoding::Dct) {
    if (*im.data != input || im.alpha) std::abort();
    return;
  }
  const size_t rows = im.height;
  if (inflated_size(*im.data) != rows * (1 + size_t{im.width} * im.colours())) std::abort();
  if (im.alpha && (options.flatten_alpha || inflated_size(*im.alpha) != rows * (1 + size_t{im.width}))) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto bytes = std::make_shared<const std::string>(reinterpret_cast<const char*>(data), size);
  // The options chosen by the input itself, so a crashing input reproduces
  // alone: checking only, or encoding with or without flattening.
  banshi::image::PrepareOptions options;
  options.encode = (size % 3) != 0;
  options.flatten_alpha = (size % 3) == 2;
  // Smaller limits than the README's keep each run fast; the checks are
  // the same code.
  options.limits.max_pixels = 4'000'000;
  auto result = banshi::image::prepare_image(bytes, options);
  auto* im = std::get_if<PreparedImage>(&result);
  if (!im) return 0;
  check(*im, *bytes, options);
  if (!options.encode) return 0;
  // Written as a figure is: the PDF must come out and look like one.
  banshi::PageSequence doc;
  doc.images.push_back(std::make_shared<const PreparedImage>(std::move(*im)));
  doc.pages.resize(1);
  doc.pages[0].items.push_back(banshi::Image{doc.images.back().get(), 72, 72, 200, 150});
  try {
    const std::string pdf = banshi::write_pdf(doc, banshi::PdfOptions{});
    if (pdf.compare(0, 5, "%PDF-") != 0) std::abort();
  } catch (const banshi::EngineError&) {
    std::abort();  // a prepared image is always writable
  }
  return 0;
}
