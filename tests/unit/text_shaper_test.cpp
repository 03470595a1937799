// Shaping: HarfBuzz's advances for known strings in the fonts the
// templates use, cross-checked against FreeType's own metrics.
#include <ft2build.h>
#include <gtest/gtest.h>
#include FT_FREETYPE_H

#include "fonts/font.h"
#include "text/shaper.h"

namespace banshi {
namespace {

const char* kFandolFang = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf";
const char* kLiberation = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf";
const char* kNotoSerifBold = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc";

// FreeType's unhinted advance of a glyph, in font units.
long freetype_advance(const char* file, unsigned index, unsigned gid) {
  FT_Library lib;
  FT_Init_FreeType(&lib);
  FT_Face face;
  EXPECT_EQ(FT_New_Face(lib, file, index, &face), 0);
  FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE);
  const long adv = face->glyph->metrics.horiAdvance;
  FT_Done_Face(face);
  FT_Done_FreeType(lib);
  return adv;
}

TEST(Shaper, ChineseTextIsOneEmPerCharacter) {
  const auto font = Font::open(kFandolFang);
  Shaper shaper;
  const std::string text = "巴中城乡融合。";
  const auto glyphs = shaper.shape(*font, text, 0, text.size(), ScriptClass::Han);
  ASSERT_EQ(glyphs.size(), 7u);
  for (size_t i = 0; i < glyphs.size(); ++i) {
    EXPECT_EQ(glyphs[i].advance, static_cast<int32_t>(font->upem())) << "glyph " << i;
    EXPECT_EQ(glyphs[i].cluster, 3 * i) << "clusters are UTF-8 byte offsets";
    EXPECT_NE(glyphs[i].gid, 0u);
  }
}

TEST(Shaper, LatinAdvancesMatchFreeType) {
  const auto font = Font::open(kLiberation);
  Shaper shaper;
  const std::string text = "Bazhong 2025";
  const auto glyphs = shaper.shape(*font, text, 0, text.size(), ScriptClass::Latin);
  ASSERT_EQ(glyphs.size(), text.size());
  int32_t total = 0;
  for (const auto& g : glyphs) {
    EXPECT_EQ(g.advance, freetype_advance(kLiberation, 0, g.gid));
    total += g.advance;
  }
  // Times-metric digits are half an em (1024 of 2048 units).
  EXPECT_EQ(glyphs[8].advance, 1024);
  EXPECT_GT(total, 5 * 1024);
}

TEST(Shaper, ContextShapingKeepsClustersInTheWholeText) {
  const auto font = Font::open(kFandolFang);
  Shaper shaper;
  const std::string text = "前文中文后文";
  const auto glyphs = shaper.shape(*font, text, 6, 12, ScriptClass::Han);
  ASSERT_EQ(glyphs.size(), 2u);
  EXPECT_EQ(glyphs[0].cluster, 6u);
  EXPECT_EQ(glyphs[1].cluster, 9u);
}

TEST(Shaper, DashPairIsExactlyTwoEmInNoto) {
  // Noto CJK's default U+2014 is 0.89 em; shaped as zh-Hans (and with fwid,
  // which the paragraph preparer asks for) —— is exactly two em, so it
  // fills two grid cells. Noto even ligates the pair into one glyph.
  const auto font = Font::open(kNotoSerifBold, 2);
  Shaper shaper;
  const hb_feature_t fwid{HB_TAG('f', 'w', 'i', 'd'), 1, 0, static_cast<unsigned>(-1)};
  for (const std::string text : {"——", "他说——"}) {
    const auto glyphs = shaper.shape(*font, text, 0, text.size(), ScriptClass::Han, std::span(&fwid, 1));
    int32_t dash = 0;
    for (const auto& g : glyphs)
      if (g.cluster >= text.size() - 6) dash += g.advance;
    EXPECT_EQ(dash, 2 * static_cast<int32_t>(font->upem())) << text;
  }
  const std::string quotes = "“”";
  const auto q = shaper.shape(*font, quotes, 0, quotes.size(), ScriptClass::Han, std::span(&fwid, 1));
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].advance, static_cast<int32_t>(font->upem()));
}

}  // namespace
}  // namespace banshi
