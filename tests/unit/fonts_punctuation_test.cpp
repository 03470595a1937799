// The measurement that decides whether a system font's punctuation is
// trusted: ，。 in the lower left of the em box (GB style). Calibrated on
// the free fonts whose punctuation the font map trusts, and on a copy of
// one with its marks centred (as Taiwan fonts set them).
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "fonts/punctuation.h"

namespace banshi {
namespace {

const char* kFandolFang = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf";
const char* kKaitiGB = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf";
const char* kNotoSerif = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
const char* kLiberation = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf";

TEST(GbPunctuation, TheTrustedStandInsAreGbStyle) {
  for (const char* file : {kFandolFang, kKaitiGB, kNotoSerif}) {
    const auto font = Font::open(file, file == kNotoSerif ? 2u : 0u);
    const PunctuationCheck check = check_gb_punctuation(*font);
    EXPECT_TRUE(check.gb_style) << file << ": " << check.detail;
    EXPECT_NE(check.detail.find("lower left (GB)"), std::string::npos) << check.detail;
    std::cout << file << ": " << check.detail << "\n";
  }
}

// Noto Serif CJK TC and HK centre ，。 (as Taiwan and Hong Kong set them):
// the same design, so only the marks' position differs from SC.
TEST(GbPunctuation, CentredMarksAreNot) {
  for (unsigned index : {3u, 4u}) {
    const auto font = Font::open(kNotoSerif, index);
    const PunctuationCheck check = check_gb_punctuation(*font);
    EXPECT_FALSE(check.gb_style) << font->family() << ": " << check.detail;
    EXPECT_NE(check.detail.find("not lower left"), std::string::npos) << check.detail;
    std::cout << font->family() << ": " << check.detail << "\n";
  }
}

TEST(GbPunctuation, AFontWithoutTheMarksIsNotDistrusted) {
  const auto font = Font::open(kLiberation);
  const PunctuationCheck check = check_gb_punctuation(*font);
  EXPECT_TRUE(check.gb_style);
  EXPECT_EQ(check.detail, "no ，。 of its own");
}

}  // namespace
}  // namespace banshi
