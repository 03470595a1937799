// How much blank a full-width punctuation mark has on each side, which is
// what compression (标点挤压) may take away. Taken from the font's own
// half-width alternates (the GPOS `halt` feature, as Noto CJK and Fandol
// have it) through HarfBuzz; for fonts without it (the AR PL fonts),
// measured from the glyph's ink: GB-style marks sit in one half of the em,
// centred ones leave a quarter each side.
#pragma once

#include <map>
#include <utility>

#include "fonts/font.h"
#include "text/shaper.h"

namespace banshi {

struct Blanks {
  double left = 0, right = 0;  // fractions of the glyph's advance
};

class PunctBlanks {
 public:
  explicit PunctBlanks(Shaper& shaper) : shaper_(shaper) {}

  // `gid` and `advance` are the mark as shaped in context.
  Blanks get(const Font& font, char32_t cp, uint32_t gid, int32_t advance);

 private:
  bool has_halt(const Font& font);
  Blanks from_halt(const Font& font, char32_t cp, int32_t advance);
  static Blanks from_ink(const Font& font, uint32_t gid, int32_t advance);

  Shaper& shaper_;
  std::map<const Font*, bool> halt_;
  std::map<std::pair<const Font*, char32_t>, Blanks> cache_;
};

}  // namespace banshi
