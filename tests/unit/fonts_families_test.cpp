// The font families table: the names PDFs and Word files give fonts,
// recognised as the faces the rules speak of (仿宋, 黑体, 楷体, 小标宋, 宋体).
#include <gtest/gtest.h>

#include "fonts/families.h"
#include "util/diag.h"

namespace banshi {
namespace {

const FamilyTable& table() {
  static const FamilyTable t = FamilyTable::load(std::string(BANSHI_SOURCE_DIR) + "/fonts/families.xml");
  return t;
}

std::string face(std::string_view name) {
  const FamilyMatch m = table().match(name);
  return m.face ? m.face->id : "";
}

TEST(FontsFamilies, FangSongUnderEveryName) {
  for (const char* name : {"FZFSK--GBK1-0", "ABCDEF+FZFSK--GBK1-0", "方正仿宋_GBK", "FangSong_GB2312", "FangSong",
                           "仿宋_GB2312", "仿宋", "STFangsong", "华文仿宋", "FandolFang-Regular",
                           "PQRSTU+FandolFang-Regular", "FangSong_GB2312,Bold", "AdobeFangsongStd-Regular"})
    EXPECT_EQ(face(name), "fangsong") << name;
}

TEST(FontsFamilies, TheOtherFaces) {
  EXPECT_EQ(face("SimHei"), "hei");
  EXPECT_EQ(face("ABCDEF+NotoSansCJKsc-Regular"), "hei");
  EXPECT_EQ(face("FZHTK--GBK1-0"), "hei");
  EXPECT_EQ(face("KaiTi_GB2312"), "kai");
  EXPECT_EQ(face("GBZenKai-Medium"), "kai");
  EXPECT_EQ(face("STKaiti"), "kai");
  EXPECT_EQ(face("FZXBSJW--GB1-0"), "xiaobiaosong");
  EXPECT_EQ(face("SimSun"), "song");
  EXPECT_EQ(face("BousungEG-Light-GB"), "song");
}

TEST(FontsFamilies, TheLongestNameWins) {
  // Noto Serif CJK SC is a 宋体; its bold cut is banshi's 小标宋.
  EXPECT_EQ(face("KNKFBR+NotoSerifCJKsc-Bold"), "xiaobiaosong");
  EXPECT_EQ(face("NotoSerifCJKsc-Regular"), "song");
  EXPECT_EQ(face("FandolSong-Bold"), "xiaobiaosong");
  EXPECT_EQ(face("FandolSong-Regular"), "song");
  // 华文仿宋 is not 华文宋体.
  EXPECT_EQ(face("STSong"), "song");
}

TEST(FontsFamilies, ChineseWordWritesNamesInGbk) {
  // 仿宋_GB2312 as Chinese Word on Windows writes it into /BaseFont: GBK bytes.
  EXPECT_EQ(face("\xB7\xC2\xCB\xCE_GB2312"), "fangsong");
  EXPECT_EQ(readable_font_name("ABCDEF+\xBA\xDA\xCC\xE5"), "黑体");
  EXPECT_EQ(face("\xBA\xDA\xCC\xE5"), "hei");
}

TEST(FontsFamilies, WhatFollowsTheNameIsKept) {
  // The longest name matches (FangSong_GB2312, not FangSong); Word's
  // ",Bold" is what is left.
  const FamilyMatch m = table().match("FangSong_GB2312,Bold");
  ASSERT_NE(m.face, nullptr);
  EXPECT_EQ(m.matched, "FangSong_GB2312");
  EXPECT_EQ(m.rest, "bold");
}

TEST(FontsFamilies, UnknownNamesAreNoFace) {
  EXPECT_EQ(face("Arial"), "");
  EXPECT_EQ(face("LiberationSerif"), "");
  EXPECT_EQ(face("TT1"), "");
}

TEST(FontsFamilies, SubsetTags) {
  EXPECT_TRUE(has_subset_tag("ABCDEF+Foo"));
  EXPECT_FALSE(has_subset_tag("ABCDE+Foo"));
  EXPECT_FALSE(has_subset_tag("abcdef+Foo"));
  EXPECT_EQ(readable_font_name("ABCDEF+FandolFang-Regular"), "FandolFang-Regular");
}

TEST(FontsFamilies, BrokenTablesNameTheLine) {
  const char* twice = R"(<families version="1">
  <face id="fangsong"><font family="仿宋"/></face>
  <face id="song"><font family="仿宋"/></face>
</families>)";
  try {
    FamilyTable::parse(twice, "t.xml");
    FAIL() << "a name under two faces was accepted";
  } catch (const EngineError& e) {
    EXPECT_NE(std::string(e.what()).find("t.xml:3:"), std::string::npos) << e.what();
  }
  EXPECT_THROW(FamilyTable::parse(R"(<families version="1"><face id="x"><font note="n"/></face></families>)", "t.xml"),
               EngineError);
  EXPECT_THROW(FamilyTable::parse(R"(<families version="2"/>)", "t.xml"), EngineError);
}

}  // namespace
}  // namespace banshi
