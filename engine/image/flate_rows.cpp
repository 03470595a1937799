#include "image/flate_rows.h"

#include <cstdlib>

#include "util/diag.h"

namespace banshi::image {

namespace {

uint8_t paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return static_cast<uint8_t>(a);
  return static_cast<uint8_t>(pb <= pc ? b : c);
}

// The filter heuristic of the PNG specification (12.8): the sum of the
// filtered bytes read as signed.
uint64_t cost(const std::vector<uint8_t>& row) {
  uint64_t sum = 0;
  for (size_t i = 1; i < row.size(); ++i) sum += static_cast<uint64_t>(std::abs(static_cast<int8_t>(row[i])));
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
    throw EngineError("image: cannot start zlib (out of memory)");
  }
}

FlateRows::~FlateRows() {
  if (z_) deflateEnd(z_.get());
}

void FlateRows::add(const uint8_t* row) {
  const size_t n = row_bytes_, bpp = pixel_bytes_;
  const uint8_t* up = previous_.data();
  uint8_t* none = filtered_[0].data() + 1;
  uint8_t* sub = filtered_[1].data() + 1;
  uint8_t* upf = filtered_[2].data() + 1;
  uint8_t* avg = filtered_[3].data() + 1;
  uint8_t* pae = filtered_[4].data() + 1;
  for (size_t i = 0; i < n; ++i) {
    const int x = row[i], b = up[i];
    const int a = i >= bpp ? row[i - bpp] : 0;
    const int c = i >= bpp ? up[i - bpp] : 0;
    none[i] = static_cast<uint8_t>(x);
    sub[i] = static_cast<uint8_t>(x - a);
    upf[i] = static_cast<uint8_t>(x - b);
    avg[i] = static_cast<uint8_t>(x - (a + b) / 2);
    pae[i] = static_cast<uint8_t>(x - paeth(a, b, c));
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
    if (rc == Z_STREAM_ERROR) throw EngineError("image: zlib failed while compressing an image");
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
