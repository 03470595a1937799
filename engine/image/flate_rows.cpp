#include "image/flate_rows.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "util/diag.h"

namespace banshi::image {

namespace {

// The filter heuristic of the PNG specification (12.8): the sum of the
// filtered bytes read as signed.
uint64_t cost(const std::vector<uint8_t>& row) {
  uint64_t sum = 0;
  for (size_t i = 1; i < row.size(); ++i) {
    const int v = static_cast<int8_t>(row[i]);
    sum += static_cast<uint64_t>(v < 0 ? -v : v);
  }
  return sum;
}

}  // namespace

FlateRows::FlateRows(size_t row_bytes, unsigned pixel_bytes)
    : row_bytes_(row_bytes), pixel_bytes_(pixel_bytes), previous_(row_bytes, 0), z_(std::make_unique<z_stream>()) {
  for (uint8_t f = 0; f < filtered_.size(); ++f) {
    filtered_[f].resize(row_bytes + 1);
    filtered_[f][0] = f;
  }
  // zlib's default level and window, as every other stream in the PDF.
  if (deflateInit(z_.get(), Z_DEFAULT_COMPRESSION) != Z_OK) {
    z_.reset();
    throw EngineError("zlib.init");
  }
}

FlateRows::~FlateRows() {
  if (z_) deflateEnd(z_.get());
}

void FlateRows::add(const uint8_t* row) {
  const size_t n = row_bytes_, bpp = std::min<size_t>(pixel_bytes_, n);
  const uint8_t* up = previous_.data();
  // One loop per filter, the first pixel apart (it has nothing on its
  // left), so that each loop is simple enough for the compiler to
  // vectorise: this is most of the time an image takes to encode.
  uint8_t* none = filtered_[0].data() + 1;
  uint8_t* sub = filtered_[1].data() + 1;
  uint8_t* upf = filtered_[2].data() + 1;
  uint8_t* avg = filtered_[3].data() + 1;
  uint8_t* pae = filtered_[4].data() + 1;
  std::memcpy(none, row, n);
  for (size_t i = 0; i < bpp; ++i) {
    sub[i] = row[i];
    upf[i] = static_cast<uint8_t>(row[i] - up[i]);
    avg[i] = static_cast<uint8_t>(row[i] - up[i] / 2);
    pae[i] = static_cast<uint8_t>(row[i] - up[i]);  // Paeth of (0, b, 0) is b
  }
  for (size_t i = bpp; i < n; ++i) sub[i] = static_cast<uint8_t>(row[i] - row[i - bpp]);
  for (size_t i = bpp; i < n; ++i) upf[i] = static_cast<uint8_t>(row[i] - up[i]);
  for (size_t i = bpp; i < n; ++i) avg[i] = static_cast<uint8_t>(row[i] - ((row[i - bpp] + up[i]) >> 1));
  for (size_t i = bpp; i < n; ++i) {
    const int a = row[i - bpp], b = up[i], c = up[i - bpp];
    const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
    const int pred = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
    pae[i] = static_cast<uint8_t>(row[i] - pred);
  }
  size_t best = 0;
  uint64_t best_cost = cost(filtered_[0]);
  for (size_t f = 1; f < filtered_.size(); ++f)
    if (const uint64_t c = cost(filtered_[f]); c < best_cost) {
      best = f;
      best_cost = c;
    }
  deflate_bytes(filtered_[best].data(), filtered_[best].size(), Z_NO_FLUSH);
  previous_.assign(row, row + n);
}

void FlateRows::deflate_bytes(const uint8_t* p, size_t n, int flush) {
  z_->next_in = const_cast<Bytef*>(p);
  z_->avail_in = static_cast<uInt>(n);
  uint8_t buf[64 * 1024];
  int rc = Z_OK;
  do {
    z_->next_out = buf;
    z_->avail_out = sizeof buf;
    rc = deflate(z_.get(), flush);
    if (rc == Z_STREAM_ERROR) throw EngineError("zlib.deflate");
    out_.append(reinterpret_cast<const char*>(buf), sizeof buf - z_->avail_out);
  } while (z_->avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
}

std::string FlateRows::finish() {
  deflate_bytes(nullptr, 0, Z_FINISH);
  deflateEnd(z_.get());
  z_.reset();
  return std::move(out_);
}

}  // namespace banshi::image
