#include "pdf/deflate.h"

#include <zlib.h>

#include "util/diag.h"

namespace banshi::pdf {

std::string deflate(std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  const int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                           static_cast<uLong>(data.size()), Z_DEFAULT_COMPRESSION);
  if (rc != Z_OK) throw EngineError("PDF writer: zlib could not compress a stream");
  out.resize(size);
  return out;
}

}  // namespace banshi::pdf
