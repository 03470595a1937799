// Punctuation compression: the blanks of full-width marks (from the
// font's halt feature or its ink) and the adjacent-pair rule (。” → 1.5 em).
#include <gtest/gtest.h>

#include "para/prepare.h"
#include "para/punct_blanks.h"

namespace banshi {
namespace {

const char* kFandolFang = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf";
const char* kKaitiGB = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf";

Blanks blanks_of(const Font& font, char32_t cp) {
  Shaper shaper;
  PunctBlanks pb(shaper);
  const uint32_t gid = font.glyph_for(cp);
  return pb.get(font, cp, gid, font.advance(gid));
}

TEST(PunctBlanks, HaltFontStopsHaveTheirBlankOnTheRight) {
  const auto font = Font::open(kFandolFang);
  for (char32_t cp : {U'。', U'，', U'、', U'；', U'）', U'”', U'》'}) {
    const Blanks b = blanks_of(*font, cp);
    EXPECT_DOUBLE_EQ(b.left, 0.0) << static_cast<uint32_t>(cp);
    EXPECT_DOUBLE_EQ(b.right, 0.5) << static_cast<uint32_t>(cp);
  }
  for (char32_t cp : {U'（', U'“', U'《'}) {
    const Blanks b = blanks_of(*font, cp);
    EXPECT_DOUBLE_EQ(b.left, 0.5) << static_cast<uint32_t>(cp);
    EXPECT_DOUBLE_EQ(b.right, 0.0) << static_cast<uint32_t>(cp);
  }
}

TEST(PunctBlanks, FontWithoutHaltIsMeasuredFromInk) {
  // AR PL KaitiM GB has no GPOS at all; its marks are GB-style.
  const auto font = Font::open(kKaitiGB);
  EXPECT_DOUBLE_EQ(blanks_of(*font, U'。').right, 0.5);
  EXPECT_DOUBLE_EQ(blanks_of(*font, U'（').left, 0.5);
}

class Compression : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diags;
    const std::filesystem::path src(BANSHI_SOURCE_DIR);
    fonts_ = FontSet::load(src / "fonts" / "fontmap.xml", {}, diags);
  }
  // Width of the text in em of 16 pt, natural (no grid).
  double width_em(const std::string& s) {
    Preparer prep(*fonts_);
    CollectedText t;
    SpanStyle st;
    st.face = fonts_->face("fangsong");
    st.size = 16;
    t.push(s, st);
    ParagraphSpec spec;
    const Prepared p = prep.prepare(t, spec);
    double w = 0;
    for (const auto& c : p.clusters) w += c.width + c.gap_after;
    return w / 16;
  }
  std::shared_ptr<const FontSet> fonts_;
};

TEST_F(Compression, AdjacentMarksTakeOneAndAHalfEm) {
  EXPECT_DOUBLE_EQ(width_em("。”"), 1.5);
  EXPECT_DOUBLE_EQ(width_em("）。"), 1.5);
  EXPECT_DOUBLE_EQ(width_em("”，"), 1.5);
  EXPECT_DOUBLE_EQ(width_em("：“"), 1.5);
  EXPECT_DOUBLE_EQ(width_em("“《"), 1.5);
  // An opening and a closing mark keep their blanks: “” stays two em.
  EXPECT_DOUBLE_EQ(width_em("“”"), 2.0);
  // Three in a row: 。”） each pair compressed once.
  EXPECT_DOUBLE_EQ(width_em("。”）"), 2.0);
}

TEST_F(Compression, QuestionAndExclamationPairsTakeOneEm) {
  // layout-rules §4: ？！ and ？？ together take 1 em (叹问号 as one mark).
  EXPECT_DOUBLE_EQ(width_em("？！"), 1.0);
  EXPECT_DOUBLE_EQ(width_em("？？"), 1.0);
  EXPECT_DOUBLE_EQ(width_em("！！"), 1.0);
  // Followed by a closing quote, the quote keeps its own em.
  EXPECT_DOUBLE_EQ(width_em("？！”"), 2.0);
}

TEST_F(Compression, HanLatinGapIsAQuarterEmAndNotDoubled) {
  const double tight = width_em("占比达32%");
  const double spaced = width_em("占比达 32%");
  EXPECT_DOUBLE_EQ(tight, spaced);
  EXPECT_DOUBLE_EQ(tight - width_em("占比达") - width_em("32%"), 0.25);
}

}  // namespace
}  // namespace banshi
