// The font map parser: the real map's shape, and errors with file:line.
#include <gtest/gtest.h>

#include <filesystem>

#include "fonts/font_map.h"
#include "util/diag.h"

namespace banshi {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string error_of(const std::string& xml) {
  try {
    parse_font_map_text(xml, "m.xml");
  } catch (const EngineError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(FontMap, RealMapHasEveryTemplateFace) {
  const FontMap map = parse_font_map(std::filesystem::path(BANSHI_SOURCE_DIR) / "fonts" / "fontmap.xml");
  std::vector<std::string> ids;
  for (const FaceSpec& f : map.faces) ids.push_back(f.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"xiaobiaosong", "hei", "kai", "fangsong", "song", "latin"}));
  const FaceSpec& fs = map.faces[3];
  EXPECT_EQ(fs.label, "方正仿宋_GBK");
  ASSERT_GE(fs.official.size(), 3u);
  EXPECT_EQ(fs.official[0].family, "方正仿宋_GBK");
  EXPECT_EQ(fs.official[1].family, "FZFangSong-Z02");
  EXPECT_EQ(fs.official[2].file, "FZFSK.TTF");
  ASSERT_FALSE(fs.standins.empty());
  EXPECT_EQ(fs.standins[0].file, "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf");
  const FaceSpec& kai = map.faces[2];
  bool wenkai_punct_refused = false;
  for (const FontCandidate& c : kai.standins)
    if (c.family == "LXGW WenKai") wenkai_punct_refused = !c.punctuation_ok;
  EXPECT_TRUE(wenkai_punct_refused);
  ASSERT_EQ(map.last_resort.size(), 4u);
  EXPECT_EQ(map.last_resort[2].family, "HanaMinB");
  EXPECT_EQ(map.last_resort[2].chars, (std::vector<CharRange>{{0x20000, 0x3FFFF}}));
  bool cwtex = false;
  for (const RejectedFamily& r : map.rejected) cwtex = cwtex || r.family == "cwTeX FangSong";
  EXPECT_TRUE(cwtex);
}

TEST(FontMap, CharRanges) {
  EXPECT_EQ(parse_char_ranges("U+4E00-9FFF, U+3007 u+20000-U+2A6DF", {"x"}),
            (std::vector<CharRange>{{0x4E00, 0x9FFF}, {0x3007, 0x3007}, {0x20000, 0x2A6DF}}));
  EXPECT_THROW(parse_char_ranges("4E00-9FFF", {"x"}), EngineError);
  EXPECT_THROW(parse_char_ranges("U+9FFF-4E00", {"x"}), EngineError);
  EXPECT_THROW(parse_char_ranges("U+110000", {"x"}), EngineError);
  EXPECT_THROW(parse_char_ranges("U+4E0?", {"x"}), EngineError);
  EXPECT_THROW(parse_char_ranges("", {"x"}), EngineError);
}

TEST(FontMap, ErrorsNameFileAndLine) {
  EXPECT_TRUE(contains(error_of("<fontmap version=\"1\">\n<face id=\"a\">\n<official>\n"
                                "<font famly=\"X\"/>\n</official>\n</face>\n</fontmap>"),
                       "m.xml:4: <font> has no attribute famly"));
  EXPECT_TRUE(contains(error_of("<fontmap version=\"1\">\n<face id=\"a\">\n<official>\n"
                                "<font/>\n</official>\n</face>\n</fontmap>"),
                       "m.xml:4: <font> needs a family or a file"));
  EXPECT_TRUE(
      contains(error_of("<fontmap version=\"1\">\n<face id=\"a\">\n<official><font family=\"X\"/></official>\n"
                        "</face>\n<face id=\"a\">\n<official><font family=\"X\"/></official>\n</face>\n</fontmap>"),
               "m.xml:5: face id \"a\" is defined twice"));
  EXPECT_TRUE(contains(error_of("<fontmap version=\"1\">\n<face id=\"a\">\n</face>\n</fontmap>"),
                       "m.xml:2: <face id=\"a\"> names no font"));
  EXPECT_TRUE(
      contains(error_of("<fontmap version=\"2\"/>"), "m.xml:1: unsupported version \"2\" (expected version=\"1\")"));
  EXPECT_TRUE(contains(error_of("<fonts/>"), "m.xml:1: the root element must be <fontmap>"));
  EXPECT_TRUE(contains(error_of("<fontmap version=\"1\">\n<face id=\"a\">\n<official>\n"
                                "<font family=\"X\" punctuation=\"maybe\"/>\n</official>\n</face>\n</fontmap>"),
                       "m.xml:4: <font> punctuation=\"maybe\" must be yes or no"));
  EXPECT_TRUE(contains(error_of("<fontmap version=\"1\">\n<face id=\"a\">\n<official>\n"
                                "<font family=\"X\" chars=\"U+ZZ\"/>\n</official>\n</face>\n</fontmap>"),
                       "m.xml:4: chars=\"U+ZZ\""));
  EXPECT_TRUE(contains(error_of("<fontmap version=\"1\">\n<face id=\"a\">\n<official>\n"
                                "<font family=\"X\" index=\"1\"/>\n</official>\n</face>\n</fontmap>"),
                       "m.xml:4: index= is only meaningful with file="));
  EXPECT_TRUE(
      contains(error_of("<fontmap version=\"1\">\n<face id=\"a\">\n<offical/>\n</face>\n</fontmap>"),
               "m.xml:3: <face> may not contain <offical>; allowed: <official>, <system/>, <stand-in>, <fallback>"));
  EXPECT_TRUE(contains(error_of("<fontmap version=\"1\">\n\n<face id=\"a\">\n<official>\n</face>\n</fontmap>"),
                       "m.xml:4: malformed XML"));
}

}  // namespace
}  // namespace banshi
