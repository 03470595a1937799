// A CID-keyed font's charset and FDSelect as the subsetter reads them:
// every glyph's CID (and the largest, which copies are numbered above) and
// font DICT, in each format, and nothing from a table cut short.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "pdf/cff_tables.h"
#include "pdf_test_support.h"

namespace banshi::pdf::cff {
namespace {

using pdf_test::bytes;

TEST(CffTables, CharsetFormat0) {
  // Glyphs 1–3: CIDs 0x0102, 7, 0x0100 (the largest is not the last).
  const std::string t = bytes({0, 0x01, 0x02, 0x00, 0x07, 0x01, 0x00});
  Reader r{t};
  const auto c = read_charset(r, 0, 4);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->cids, (std::vector<uint32_t>{0, 0x102, 7, 0x100}));
  EXPECT_EQ(c->largest, 0x102u);
  Reader one{t};
  EXPECT_TRUE(read_charset(one, 0, 1).has_value());  // .notdef alone: nothing to read
  Reader cut{std::string_view(t).substr(0, 6)};
  EXPECT_FALSE(read_charset(cut, 0, 4).has_value());
}

TEST(CffTables, CharsetRanges) {
  // Format 2: CIDs 10–12 for glyphs 1–3, then 1000– for the rest; the
  // last range runs past the font's glyphs and counts only up to them.
  const std::string t = bytes({2, 0x00, 10, 0x00, 2, 0x03, 0xe8, 0x01, 0x00});
  Reader r{t};
  const auto c = read_charset(r, 0, 6);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->cids, (std::vector<uint32_t>{0, 10, 11, 12, 1000, 1001}));
  EXPECT_EQ(c->largest, 1001u);
  // Format 1: one-byte counts.
  const std::string t1 = bytes({1, 0x00, 5, 1, 0x00, 50, 0});
  Reader r1{t1};
  const auto c1 = read_charset(r1, 0, 4);
  ASSERT_TRUE(c1.has_value());
  EXPECT_EQ(c1->cids, (std::vector<uint32_t>{0, 5, 6, 50}));
  EXPECT_EQ(c1->largest, 50u);
  Reader cut{std::string_view(t).substr(0, 5)};  // glyphs 4 and 5 have no range
  EXPECT_FALSE(read_charset(cut, 0, 6).has_value());
}

TEST(CffTables, FdSelect) {
  const std::string t0 = bytes({0, 0, 1, 1, 0});
  Reader r0{t0};
  EXPECT_EQ(read_fdselect(r0, 0, 4, 2), (std::vector<uint8_t>{0, 1, 1, 0}));
  Reader bad0{t0};
  EXPECT_FALSE(read_fdselect(bad0, 0, 4, 1).has_value());  // FD 1 of one
  Reader cut0{t0};
  EXPECT_FALSE(read_fdselect(cut0, 0, 5, 2).has_value());
  // Format 3: glyphs 0–1 FD 2, 2–4 FD 0, sentinel 5.
  const std::string t3 = bytes({3, 0x00, 2, 0x00, 0x00, 2, 0x00, 0x02, 0, 0x00, 0x05});
  Reader r3{t3};
  EXPECT_EQ(read_fdselect(r3, 0, 5, 3), (std::vector<uint8_t>{2, 2, 0, 0, 0}));
  Reader bad3{t3};
  EXPECT_FALSE(read_fdselect(bad3, 0, 5, 2).has_value());
  Reader cut3{std::string_view(t3).substr(0, 9)};  // no sentinel
  EXPECT_FALSE(read_fdselect(cut3, 0, 5, 3).has_value());
}

}  // namespace
}  // namespace banshi::pdf::cff
