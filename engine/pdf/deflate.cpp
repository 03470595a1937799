#include "pdf/deflate.h"

#include "util/diag.h"

namespace banshi::pdf {

Deflater::Deflater(Level level) : c_(libdeflate_alloc_compressor(level)) {
  if (!c_) throw EngineError("deflate.init");
}

std::string Deflater::operator()(std::string_view data) {
  std::string out(libdeflate_zlib_compress_bound(c_.get(), data.size()), '\0');
  const size_t n = libdeflate_zlib_compress(c_.get(), data.data(), data.size(), out.data(), out.size());
  if (n == 0) throw EngineError("deflate.failed");
  out.resize(n);
  return out;
}

std::string deflate(std::string_view data, Deflater::Level level) { return Deflater(level)(data); }

}  // namespace banshi::pdf
