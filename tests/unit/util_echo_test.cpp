// What a message shows of the input: names and values cut to about 80
// characters, invisible characters by code point.
#include <gtest/gtest.h>

#include <string>

#include "util/echo.h"

namespace banshi {
namespace {

TEST(UtilEcho, CutsAfterEightyCharactersCountingCodePoints) {
  EXPECT_EQ(echoed(std::string(100'000, 'x')), std::string(80, 'x') + "…");
  std::string han;
  for (int i = 0; i < 100; ++i) han += "字";
  std::string want;
  for (int i = 0; i < 80; ++i) want += "字";
  EXPECT_EQ(echoed(han), want + "…");
  EXPECT_EQ(echoed(std::string(80, 'x')), std::string(80, 'x')) << "80 characters are shown whole";
}

TEST(UtilEcho, NamesInvisibleCharacters) {
  EXPECT_EQ(echoed("ye\x01s\x7f\u0085\u200b\ufeff"), "ye<U+0001>s<U+007F><U+0085><U+200B><U+FEFF>");
  EXPECT_EQ(shown_char(0x7F), "U+007F");
  EXPECT_EQ(shown_char(0x20000), "\U00020000 (U+20000)");
  EXPECT_EQ(code_point(0x41), "U+0041");
}

TEST(UtilEcho, SegmentsOfALegacyMessage) {
  const std::string name(300, 'x');
  EXPECT_EQ(echoed_segments("<" + name + "> is not allowed here; allowed in <body>: <p>, <section>"),
            "<" + std::string(80, 'x') + "…> is not allowed here; allowed in <body>: <p>, <section>");
  EXPECT_EQ(echoed_segments("is \"" + name + "\"; allowed values: yes, no"),
            "is \"" + std::string(80, 'x') + "…\"; allowed values: yes, no");
  // "<" with spaces before the next ">" is prose, not a name.
  const std::string prose = "a < b holds " + std::string(100, 'y') + " and c > d";
  EXPECT_EQ(echoed_segments(prose), prose);
  EXPECT_EQ(echoed_segments("control \x1b here"), "control <U+001B> here");
}

TEST(UtilEcho, PathsCutNameByName) {
  EXPECT_EQ(echoed_path("<outcome>/<body>/<" + std::string(200, 'x') + ">"),
            "<outcome>/<body>/<" + std::string(80, 'x') + "…>");
  EXPECT_EQ(echoed_path("<report>/@" + std::string(200, 'z')), "<report>/@" + std::string(80, 'z') + "…");
  EXPECT_EQ(echoed_path(""), "");
}

}  // namespace
}  // namespace banshi
