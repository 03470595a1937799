#include "text/shaper.h"

namespace banshi {

ScriptClass script_class(char32_t cp) {
  if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
      (cp >= 0x00C0 && cp <= 0x024F))
    return ScriptClass::Latin;
  if ((cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0x2010 && cp <= 0x206F) ||
      cp == 0x00B7 || (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x25A0 && cp <= 0x27BF))
    return ScriptClass::Han;
  return ScriptClass::Other;
}

Shaper::Shaper() : buffer_(make_hb_buffer()), zh_hans_(hb_language_from_string("zh-Hans", -1)) {}

std::vector<ShapedGlyph> Shaper::shape(const Font& font, std::string_view text, size_t begin, size_t end,
                                       ScriptClass script, std::span<const hb_feature_t> features) {
  std::vector<ShapedGlyph> out;
  shape_into(out, font, text, begin, end, script, features);
  return out;
}

void Shaper::shape_into(std::vector<ShapedGlyph>& out, const Font& font, std::string_view text, size_t begin,
                        size_t end, ScriptClass script, std::span<const hb_feature_t> features) {
  hb_buffer_t* b = buffer_.get();
  hb_buffer_clear_contents(b);
  hb_buffer_add_utf8(b, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                     static_cast<int>(end - begin));
  hb_buffer_set_direction(b, HB_DIRECTION_LTR);
  hb_buffer_set_language(b, zh_hans_);
  switch (script) {
    case ScriptClass::Han: hb_buffer_set_script(b, HB_SCRIPT_HAN); break;
    case ScriptClass::Latin: hb_buffer_set_script(b, HB_SCRIPT_LATIN); break;
    case ScriptClass::Other: hb_buffer_guess_segment_properties(b); break;
  }
  hb_buffer_set_cluster_level(b, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(font.hb_font(), b, features.data(), static_cast<unsigned>(features.size()));
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(b, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(b, &n);
  // No reserve(out.size() + n) here: a paragraph is shaped item by item
  // into one vector, and growing it to the exact size each time copied the
  // whole paragraph's glyphs per item (a 100,000-character cell of Chinese
  // with numbers in it spent 1.2 s on it); push_back grows geometrically.
  for (unsigned i = 0; i < n; ++i)
    out.push_back({info[i].codepoint, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset, info[i].cluster});
}

}  // namespace banshi
