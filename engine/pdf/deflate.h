// Flate compression of the PDF's streams (page contents, font programs,
// ToUnicode maps, CIDSets …), done by banshi rather than by libharu.
#pragma once

#include <libdeflate.h>

#include <memory>
#include <string>
#include <string_view>

namespace banshi::pdf {

// Compresses to zlib format (what /FlateDecode reads) with libdeflate, one
// whole buffer a call. Its output depends only on the data, the level and
// the library's version, so the PDF stays the same bytes for the same
// input. One Deflater serves one thread at a time; keeping one for many
// streams saves allocating (and faulting in) its tables for each.
class Deflater {
 public:
  // libdeflate's levels, measured on the full sample's streams (CPU time
  // of compressing all of them, bytes out):
  // - font programs (500 KB, FandolFang's 450 KB of it): level 1 3.8 ms,
  //   394 KB; level 6 7.2 ms, 390 KB — CFF charstrings are dense, and the
  //   higher levels find 1 % more;
  // - the other streams, page contents, ToUnicode maps (234 KB): level 1
  //   1.1 ms, 78 KB; level 6 2.7 ms, 72 KB. Level 6 was kept at first for
  //   those 6 KB, but it grows with the pages: 150 pages' contents (1.38 MB)
  //   take 19.7 ms at level 6 (267 KB) and 4.4 ms at level 1 (326 KB), a
  //   tenth of that render's CPU for 7 % of its PDF (issue 17's 90 ms).
  enum Level { kFontProgram = 1, kStream = 1 };
  explicit Deflater(Level level);
  // Throws EngineError on failure.
  std::string operator()(std::string_view data);

 private:
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  std::unique_ptr<libdeflate_compressor, Free> c_;
};

// `data` deflated by a Deflater of its own.
std::string deflate(std::string_view data, Deflater::Level level);

}  // namespace banshi::pdf
