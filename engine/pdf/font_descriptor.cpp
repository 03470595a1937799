#include "pdf/font_descriptor.h"

#include <cmath>

#include "fonts/stem.h"

namespace banshi::pdf {

namespace {

// PDF FontDescriptor flag bits (PDF 32000-1, table 123).
constexpr int kFixedPitch = 1 << 0;
constexpr int kSerif = 1 << 1;
constexpr int kSymbolic = 1 << 2;
constexpr int kItalic = 1 << 6;

int scaled(double v, unsigned upem) { return static_cast<int>(std::lround(v * 1000.0 / upem)); }

}  // namespace

DescriptorMetrics descriptor_metrics(const Font& font) {
  const unsigned upem = font.upem();
  DescriptorMetrics m;
  m.ascent = scaled(font.ascender(), upem);
  m.descent = scaled(font.descender(), upem);

  const DescriptorFacts& f = font.descriptor_facts();
  m.bbox = {scaled(double(f.bbox[0]), upem), scaled(double(f.bbox[1]), upem), scaled(double(f.bbox[2]), upem),
            scaled(double(f.bbox[3]), upem)};

  // Every font here is addressed by CID through Identity-H, never through a
  // standard Latin encoding, which is what the Symbolic flag tells viewers.
  m.flags = kSymbolic;
  m.italic_angle = std::round(f.italic_angle * 100) / 100;
  if (f.fixed_pitch) m.flags |= kFixedPitch;
  if (f.has_os2) {
    // The typographic (design) ascender and descender where the font has
    // them: for CJK faces the ideographic em box (880/-120), not the line
    // spacing that hhea may carry.
    if (f.typo_ascender > 0 && f.typo_descender <= 0) {
      m.ascent = scaled(f.typo_ascender, upem);
      m.descent = scaled(f.typo_descender, upem);
    }
    // PANOSE Latin text family with a serif style from cove to triangle.
    if (f.panose[0] == 2 && f.panose[1] >= 2 && f.panose[1] <= 10) m.flags |= kSerif;
    if (f.fs_selection & 1) m.flags |= kItalic;
    if (f.cap_height > 0) m.cap_height = scaled(f.cap_height, upem);
  }
  if (m.italic_angle != 0) m.flags |= kItalic;
  if (m.cap_height == 0) {
    const uint32_t h = font.glyph_for(U'H');
    const auto ext = h ? font.extents(h) : std::nullopt;
    m.cap_height = ext && ext->y_max > 0 ? scaled(ext->y_max, upem) : m.ascent;
  }

  // StemV: measured on a glyph that is one vertical stroke (丨 for CJK
  // faces, l or I otherwise); estimated from the weight class when the face
  // has none of them.
  for (char32_t cp : {U'\u4E28', U'l', U'I'}) {
    const uint32_t g = font.glyph_for(cp);
    const double stem = g ? measure_stem(font, g) : 0;
    if (stem > 0) {
      m.stem_v = scaled(stem, upem);
      break;
    }
  }
  if (m.stem_v == 0) {
    const double w = font.weight() / 65.0;
    m.stem_v = static_cast<int>(std::lround(50 + w * w));
  }
  return m;
}

}  // namespace banshi::pdf
