#include "pdf/deflate.h"

#include <libdeflate.h>

#include <memory>

#include "util/diag.h"

namespace banshi::pdf {

namespace {

struct FreeCompressor {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// zlib's default level and libdeflate's: the same size class of output,
// at about half the time.
constexpr int kLevel = 6;

}  // namespace

std::string deflate(std::string_view data) {
  // One compressor a call: a stream is compressed on whichever thread of
  // the render's pool embeds it, and allocating one (a few hundred KB of
  // tables) is cheap beside compressing a font program.
  const std::unique_ptr<libdeflate_compressor, FreeCompressor> c(libdeflate_alloc_compressor(kLevel));
  if (!c) throw EngineError("deflate.init");
  std::string out(libdeflate_zlib_compress_bound(c.get(), data.size()), '\0');
  const size_t n = libdeflate_zlib_compress(c.get(), data.data(), data.size(), out.data(), out.size());
  if (n == 0) throw EngineError("deflate.failed");
  out.resize(n);
  return out;
}

}  // namespace banshi::pdf
