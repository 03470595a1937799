#include "para/punct_blanks.h"

#include <hb-ot.h>

#include "util/utf8.h"

namespace banshi {

bool PunctBlanks::has_halt(const Font& font) {
  auto [it, inserted] = halt_.emplace(&font, false);
  if (inserted) {
    hb_tag_t tags[64];
    unsigned offset = 0, count = 64;
    do {
      count = 64;
      hb_ot_layout_table_get_feature_tags(font.hb_face(), HB_OT_TAG_GPOS, offset, &count, tags);
      for (unsigned k = 0; k < count; ++k)
        if (tags[k] == HB_TAG('h', 'a', 'l', 't')) it->second = true;
      offset += count;
    } while (count == 64 && !it->second);
  }
  return it->second;
}

Blanks PunctBlanks::from_halt(const Font& font, char32_t cp, int32_t advance) {
  const std::string text = utf8_encode(cp);
  const hb_feature_t halt{HB_TAG('h', 'a', 'l', 't'), 1, 0, static_cast<unsigned>(-1)};
  const auto g = shaper_.shape(font, text, 0, text.size(), ScriptClass::Han, std::span(&halt, 1));
  if (g.size() != 1 || advance <= 0 || g[0].advance >= advance)
    return from_ink(font, g.empty() ? 0 : g[0].gid, advance);
  // The half-width form moves the ink left by what it drops on the left.
  Blanks b;
  b.left = -static_cast<double>(g[0].x_offset) / advance;
  b.right = static_cast<double>(advance - g[0].advance + g[0].x_offset) / advance;
  if (b.left < 0 || b.right < 0 || b.left + b.right > 0.75) return from_ink(font, g[0].gid, advance);
  return b;
}

Blanks PunctBlanks::from_ink(const Font& font, uint32_t gid, int32_t advance) {
  Blanks b;
  const auto ext = font.extents(gid);
  if (!ext || advance < 0.9 * font.upem()) return b;
  const double ink_l = static_cast<double>(ext->x_min) / advance;
  const double ink_r = static_cast<double>(ext->x_max) / advance;
  if (ink_l >= 0.4) {
    b.left = 0.5;
  } else if (ink_r <= 0.6) {
    b.right = 0.5;
  } else if (ink_l >= 0.2 && ink_r <= 0.8) {
    b.left = b.right = 0.25;
  }
  return b;
}

Blanks PunctBlanks::get(const Font& font, char32_t cp, uint32_t gid, int32_t advance) {
  const auto key = std::make_pair(&font, cp);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  const Blanks b = has_halt(font) ? from_halt(font, cp, advance) : from_ink(font, gid, advance);
  cache_.emplace(key, b);
  return b;
}

}  // namespace banshi
