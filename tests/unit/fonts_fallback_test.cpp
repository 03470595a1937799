// Per-character fallback: FontSet::font_for on the real font map and on a
// test map whose primary font has unusable punctuation.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "fonts/font_set.h"

namespace banshi {
namespace {

namespace fs = std::filesystem;

class Fallback : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics diags;
    real_ = FontSet::load(fs::path(BANSHI_SOURCE_DIR) / "fonts" / "fontmap.xml", {}, diags);
    test_ = FontSet::load(fs::path(BANSHI_TEST_DATA) / "fonts" / "official.xml", {}, diags);
  }
  static void TearDownTestSuite() {
    real_.reset();
    test_.reset();
  }
  // The family of the font that draws cp, "" for none.
  static std::string family(const FontSet& set, const char* face, char32_t cp) {
    const Font* f = set.font_for(*set.face(face), cp);
    return f ? f->family() : std::string();
  }
  static inline std::shared_ptr<const FontSet> real_, test_;
};

TEST_F(Fallback, OrdinaryHanziFromThePrimary) {
  EXPECT_EQ(family(*real_, "fangsong", U'中'), "FandolFang");
  EXPECT_EQ(real_->font_for(*real_->face("fangsong"), U'中'), real_->face("fangsong")->primary.get());
  EXPECT_EQ(family(*real_, "kai", U'中'), "AR PL KaitiM GB");
  EXPECT_EQ(family(*real_, "latin", U'A'), "Liberation Serif");
}

TEST_F(Fallback, ExtensionBFromHanaMinB) {
  EXPECT_EQ(family(*real_, "fangsong", U'\U00020000'), "HanaMinB");  // 𠀀
  EXPECT_EQ(family(*real_, "fangsong", U'\U0002A6A5'), "HanaMinB");  // 𪚥
  EXPECT_EQ(family(*real_, "xiaobiaosong", U'\U00020000'), "HanaMinB");
}

TEST_F(Fallback, GbkHanziMissingFromFandolComesFromNoto) {
  // 丟 (U+4E1F) is GBK but not GB2312: FandolFang lacks it.
  const ResolvedFace& fs = *real_->face("fangsong");
  ASSERT_FALSE(fs.primary->covers(U'丟'));
  EXPECT_EQ(family(*real_, "fangsong", U'丟'), "Noto Serif CJK SC");
}

TEST_F(Fallback, SymbolsFromSymbola) {
  // ☐ ☒ are in neither FandolFang nor Noto CJK; HanaMinA has them but is
  // limited to hanzi by the map, so the symbol font draws them.
  EXPECT_EQ(family(*real_, "fangsong", U'☒'), "Symbola");
  EXPECT_EQ(family(*real_, "fangsong", U'☐'), "Symbola");
  EXPECT_EQ(family(*real_, "hei", U'☒'), "Symbola");
  // √ is in FandolFang itself.
  EXPECT_EQ(family(*real_, "fangsong", U'√'), "FandolFang");
}

TEST_F(Fallback, NoFontHasIt) {
  const ResolvedFace& fs = *real_->face("fangsong");
  EXPECT_EQ(real_->font_for(fs, U'\u0378'), nullptr);           // unassigned
  EXPECT_EQ(real_->font_for(fs, U'\U0010FFFD'), nullptr);       // private use, plane 16
  EXPECT_EQ(real_->font_for(fs, char32_t{0x110000}), nullptr);  // not Unicode
}

TEST_F(Fallback, UnusablePunctuationComesFromTheNextFont) {
  // LXGW WenKai plays the official font with punctuation="no": its hanzi
  // are used, its curly quotes and stops are not.
  EXPECT_EQ(family(*test_, "wenkai", U'中'), "LXGW WenKai");
  EXPECT_EQ(family(*test_, "wenkai", U'“'), "Noto Serif CJK SC");
  EXPECT_EQ(family(*test_, "wenkai", U'。'), "Noto Serif CJK SC");
  EXPECT_EQ(family(*test_, "wenkai", U'·'), "Noto Serif CJK SC");
  // ASCII punctuation is not the CJK font's design question.
  EXPECT_EQ(family(*test_, "wenkai", U','), "LXGW WenKai");
  // Symbols are not punctuation.
  EXPECT_EQ(family(*test_, "wenkai", U'☒'), "LXGW WenKai");
  // With nothing better behind it, the font's own mark is still drawn.
  EXPECT_EQ(family(*test_, "alone", U'“'), "LXGW WenKai");
  EXPECT_EQ(test_->font_for(*test_->face("alone"), U'\U00020000'), nullptr);
}

TEST_F(Fallback, KaiPunctuationFromKaitiM) {
  // AR PL KaitiM GB has GB-style punctuation and comes first.
  EXPECT_EQ(family(*real_, "kai", U'“'), "AR PL KaitiM GB");
  EXPECT_EQ(family(*real_, "kai", U'，'), "AR PL KaitiM GB");
}

TEST_F(Fallback, PunctuationClasses) {
  EXPECT_TRUE(is_styled_punctuation(U'“'));
  EXPECT_TRUE(is_styled_punctuation(U'。'));
  EXPECT_TRUE(is_styled_punctuation(U'—'));
  EXPECT_TRUE(is_styled_punctuation(U'…'));
  EXPECT_TRUE(is_styled_punctuation(U'·'));
  EXPECT_TRUE(is_styled_punctuation(U'（'));
  EXPECT_FALSE(is_styled_punctuation(U','));
  EXPECT_FALSE(is_styled_punctuation(U'中'));
  EXPECT_FALSE(is_styled_punctuation(U'☒'));
}

TEST_F(Fallback, SharedAcrossThreads) {
  // One FontSet, many render jobs: same answers from every thread.
  const ResolvedFace& fs = *real_->face("fangsong");
  const std::u32string text = U"中华人民共和国丟𠀀☒“”，。—A1";
  std::vector<const Font*> expected;
  for (char32_t c : text) expected.push_back(real_->font_for(fs, c));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 2000; ++round)
        for (size_t i = 0; i < text.size(); ++i)
          if (real_->font_for(fs, text[i]) != expected[i]) ++mismatches;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace banshi
