#include "fonts/punctuation.h"

#include <cstdio>

namespace banshi {

namespace {

// GB style puts the centre of ，。's ink left of 0.4 of the advance and at
// least 0.1 em below the middle of the em box, taken as the middle of 中's
// ink (so a font's ascender and line gap do not matter). Measured: the
// free fonts the map trusts (FandolFang, AR PL KaitiM GB, Noto Serif CJK
// SC) at 0.15–0.38 across and 0.20–0.42 em below; Noto Serif CJK TC and
// HK, which centre them, at 0.48–0.50 across and 0.00 below.
constexpr double kMaxAcross = 0.4;
constexpr double kMinBelow = 0.1;

}  // namespace

PunctuationCheck check_gb_punctuation(const Font& font) {
  PunctuationCheck out;
  double middle = (font.ascender() + font.descender()) / 2.0;
  if (const uint32_t zhong = font.glyph_for(U'\u4E2D'))
    if (const auto ext = font.extents(zhong)) middle = (ext->y_min + ext->y_max) / 2.0;
  std::string across, below;
  for (const char32_t cp : {U'\uFF0C', U'\u3002'}) {
    const uint32_t gid = font.glyph_for(cp);
    const auto ext = gid ? font.extents(gid) : std::nullopt;
    const int32_t advance = gid ? font.advance(gid) : 0;
    if (!ext || advance <= 0) continue;  // no mark of its own: nothing to trust or distrust
    const double x = (ext->x_min + ext->x_max) / 2.0 / advance;
    const double y = (middle - (ext->y_min + ext->y_max) / 2.0) / font.upem();
    if (x > kMaxAcross || y < kMinBelow) out.gb_style = false;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%.2f", across.empty() ? "" : "/", x);
    across += buf;
    std::snprintf(buf, sizeof buf, "%s%.2f", below.empty() ? "" : "/", y);
    below += buf;
  }
  if (across.empty()) {
    out.detail = "no ，。 of its own";
  } else {
    out.detail = "，。 ink centred at " + across + " of the advance, " + below +
                 " em below the middle: " + (out.gb_style ? "lower left (GB)" : "not lower left, so not used");
  }
  return out;
}

}  // namespace banshi
