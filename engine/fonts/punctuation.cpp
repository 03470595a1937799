#include "fonts/punctuation.h"

#include <cmath>
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

// Where GB style puts a mark's ink (typography-notes §2.3, measured on
// FandolFang, FandolKai, Noto Serif/Sans CJK SC and LXGW WenKai):
// 、，。 low in the left half; ：；！ in the left half, about the middle
// (their ink centred at most 0.17 em below it; KaitiM's ：； at 0.22 and
// 0.28, AR PL SungtiL's at 0.20 and 0.26, read as Latin colons); opening
// brackets and quotes right of the middle, closing ones left of it
// (KaitiM's ‘’ at 0.60 and 0.39; a centred one is out of place).
enum class Place { LowLeft, MiddleLeft, Right, Left };
struct MarkPlace {
  char32_t cp;
  Place place;
};
constexpr MarkPlace kMarks[] = {
    {U'\u3001', Place::LowLeft},    {U'\uFF0C', Place::LowLeft},    {U'\u3002', Place::LowLeft},
    {U'\uFF1A', Place::MiddleLeft}, {U'\uFF1B', Place::MiddleLeft}, {U'\uFF01', Place::MiddleLeft},
    {U'\uFF08', Place::Right},      {U'\uFF09', Place::Left},       {U'\u300A', Place::Right},
    {U'\u300B', Place::Left},       {U'\u3010', Place::Right},      {U'\u3011', Place::Left},
    {U'\u3014', Place::Right},      {U'\u3015', Place::Left},       {U'\u201C', Place::Right},
    {U'\u201D', Place::Left},       {U'\u2018', Place::Right},      {U'\u2019', Place::Left},
};
constexpr double kMaxMiddleOffset = 0.2;
constexpr double kMinRight = 0.55;
constexpr double kMaxLeft = 0.45;
constexpr double kMinFullWidth = 0.9;

// The middle of the em box, taken as the middle of 中's ink (so a font's
// ascender and line gap do not matter).
double ink_middle(const Font& font) {
  double middle = (font.ascender() + font.descender()) / 2.0;
  if (const uint32_t zhong = font.glyph_for(U'\u4E2D'))
    if (const auto ext = font.extents(zhong)) middle = (ext->y_min + ext->y_max) / 2.0;
  return middle;
}

}  // namespace

std::u32string misplaced_marks(const Font& font) {
  std::u32string out;
  const double middle = ink_middle(font);
  for (const MarkPlace& m : kMarks) {
    const uint32_t gid = font.glyph_for(m.cp);
    const auto ext = gid ? font.extents(gid) : std::nullopt;
    const int32_t advance = gid ? font.advance(gid) : 0;
    if (!ext || advance < kMinFullWidth * font.upem()) continue;
    const double x = (ext->x_min + ext->x_max) / 2.0 / advance;
    const double y = (middle - (ext->y_min + ext->y_max) / 2.0) / font.upem();
    bool ok = true;
    switch (m.place) {
      case Place::LowLeft: ok = x <= kMaxAcross && y >= kMinBelow; break;
      case Place::MiddleLeft: ok = x <= kMaxAcross && std::abs(y) < kMaxMiddleOffset; break;
      case Place::Right: ok = x >= kMinRight; break;
      case Place::Left: ok = x <= kMaxLeft; break;
    }
    if (!ok) out += m.cp;
  }
  return out;
}

PunctuationCheck check_gb_punctuation(const Font& font) {
  PunctuationCheck out;
  const double middle = ink_middle(font);
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
