// Look-alike characters: Kangxi radicals and compatibility ideographs are
// told apart from the ideographs they print like.
#include <gtest/gtest.h>

#include "xml/lookalikes.h"

namespace banshi {
namespace {

TEST(XmlLookalikes, RadicalsAndCompatibilityFormsNameTheirIdeograph) {
  EXPECT_EQ(unified_lookalike(0x2F00), U'一');   // ⼀ KANGXI RADICAL ONE
  EXPECT_EQ(unified_lookalike(0x2F08), U'人');   // ⼈ KANGXI RADICAL MAN
  EXPECT_EQ(unified_lookalike(0x2E9F), U'母');   // ⺟ CJK RADICAL MOTHER
  EXPECT_EQ(unified_lookalike(0xFA0C), U'兀');   // 兀 CJK COMPATIBILITY IDEOGRAPH-FA0C
  EXPECT_EQ(unified_lookalike(0x2F800), U'丽');  // 丽 from the supplement
}

TEST(XmlLookalikes, OrdinaryCharactersAreNotLookalikes) {
  EXPECT_EQ(unified_lookalike(U'一'), 0U);
  EXPECT_EQ(unified_lookalike(U'，'), 0U);
  EXPECT_EQ(unified_lookalike(U'A'), 0U);
  // U+FA0E sits in the compatibility block but is a unified ideograph.
  EXPECT_EQ(unified_lookalike(0xFA0E), 0U);
  // A radical with no ideograph of its own (⺀ U+2E80) is left alone.
  EXPECT_EQ(unified_lookalike(0x2E80), 0U);
}

}  // namespace
}  // namespace banshi
