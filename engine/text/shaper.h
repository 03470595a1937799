// Shaping: text in, glyphs out, through HarfBuzz. Every width and position
// layout uses comes from here (font units; scale by size / upem).
#pragma once

#include <hb.h>

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "fonts/font.h"
#include "text/hb_handles.h"

namespace banshi {

struct ShapedGlyph {
  uint32_t gid = 0;
  int32_t advance = 0;   // font units
  int32_t x_offset = 0;  // font units
  int32_t y_offset = 0;  // font units, y up
  uint32_t cluster = 0;  // byte offset of the cluster in the shaped text
};

enum class ScriptClass { Han, Latin, Other };

// The script HarfBuzz should shape a code point as: CJK ideographs, kana,
// CJK punctuation and full-width forms count as Han so a Chinese run is one
// item; ASCII letters and digits as Latin.
ScriptClass script_class(char32_t cp);

// Shapes spans of text with one reusable buffer. Not thread-safe (one per
// job); the fonts it reads are shared and immutable.
class Shaper {
 public:
  Shaper();

  // Shapes text[begin, end), with the whole `text` as context. Clusters in
  // the result are byte offsets into `text`. Language is zh-Hans.
  std::vector<ShapedGlyph> shape(const Font& font, std::string_view text, size_t begin, size_t end, ScriptClass script,
                                 std::span<const hb_feature_t> features = {});

  // Appends to `out` instead of returning a new vector.
  void shape_into(std::vector<ShapedGlyph>& out, const Font& font, std::string_view text, size_t begin, size_t end,
                  ScriptClass script, std::span<const hb_feature_t> features = {});

 private:
  HbBuffer buffer_;
  hb_language_t zh_hans_;
};

}  // namespace banshi
