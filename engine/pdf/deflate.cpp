#include "pdf/deflate.h"

#include <zlib.h>

#include <vector>

#include "util/diag.h"

namespace banshi::pdf {

namespace {

// Data larger than this is cut into pieces, each a task of the render's
// pool. The largest font program of the full sample, FandolFang's ~480 KB,
// makes four: measured (A/B on two cores, --threads 1, 80 pairs), the
// sample takes 1.13 × as long with the pieces run in line.
// The cut does not depend on the threads, so neither do the bytes.
constexpr size_t kPiece = 128 * 1024;
// The window a piece is primed with: the end of the piece before it, so the
// pieces together compress as well as one stream.
constexpr size_t kWindow = 32 * 1024;

// Raw deflate of data[begin, end), primed with the 32 KB before `begin`;
// ends on a byte boundary (sync flush) unless it is the last piece.
std::string deflate_piece(std::string_view data, size_t begin, size_t end, bool last) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw EngineError("zlib.init");
  struct End {
    z_stream& z;
    ~End() { deflateEnd(&z); }
  } end_guard{z};
  if (begin > 0) {
    const size_t from = begin > kWindow ? begin - kWindow : 0;
    deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(data.data() + from), static_cast<uInt>(begin - from));
  }
  std::string out(deflateBound(&z, static_cast<uLong>(end - begin)) + 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + begin));
  z.avail_in = static_cast<uInt>(end - begin);
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, last ? Z_FINISH : Z_SYNC_FLUSH);
  if (rc != (last ? Z_STREAM_END : Z_OK) || z.avail_in != 0) throw EngineError("zlib.deflate");
  out.resize(out.size() - z.avail_out);
  return out;
}

}  // namespace

std::string deflate(std::string_view data, TaskPool* tasks) {
  // A zlib stream: header, the raw deflate pieces one after another (each
  // ends on a byte boundary, so they concatenate), the Adler-32 of it all.
  std::string out = "\x78\x9c";
  const size_t n = (data.size() + kPiece - 1) / kPiece;
  if (n <= 1) {
    out += deflate_piece(data, 0, data.size(), true);
  } else {
    std::vector<Task<std::string>> pieces;
    for (size_t k = 0; k < n; ++k) {
      const size_t b = k * kPiece, e = std::min(data.size(), b + kPiece);
      pieces.push_back(run_on(tasks, [data, b, e, last = k + 1 == n] { return deflate_piece(data, b, e, last); }));
    }
    for (auto& p : pieces) out += p.get();
  }
  const uLong sum =
      adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((sum >> shift) & 0xff);
  return out;
}

}  // namespace banshi::pdf
