// Glyph copies carrying a layout gap (pdf/glyph_copies.h): in the subset
// as FreeType reads it (what poppler and MuPDF draw with), a copy has its
// original's outline and the advance asked for, and a CID-keyed CFF copy
// a CID of its own.
#include <ft2build.h>
#include <gtest/gtest.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include FT_OUTLINE_H

#include <algorithm>
#include <cmath>
#include <vector>

#include "pdf/glyph_copies.h"
#include "pdf/subset.h"
#include "pdf_test_support.h"
#include "util/utf8.h"

namespace banshi {
namespace {

using namespace pdf_test;
using pdf::GlyphCopy;

struct Ft {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  explicit Ft(const std::string& bytes) {
    EXPECT_EQ(FT_Init_FreeType(&lib), 0);
    EXPECT_EQ(FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(bytes.data()),
                                 static_cast<FT_Long>(bytes.size()), 0, &face),
              0);
  }
  ~Ft() {
    if (face) FT_Done_Face(face);
    FT_Done_FreeType(lib);
  }
};

struct Shape {
  long advance = 0;
  std::vector<FT_Vector> points;
};

// For a CID-keyed CFF, FreeType takes CIDs as glyph indices.
Shape shape_of(FT_Face face, unsigned index) {
  Shape s;
  EXPECT_EQ(FT_Load_Glyph(face, index, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING), 0) << index;
  s.advance = face->glyph->metrics.horiAdvance;
  const FT_Outline& o = face->glyph->outline;
  s.points.assign(o.points, o.points + o.n_points);
  return s;
}

void expect_same_outline(const Shape& a, const Shape& b) {
  ASSERT_EQ(a.points.size(), b.points.size());
  ASSERT_FALSE(a.points.empty());
  for (size_t i = 0; i < a.points.size(); ++i) {
    EXPECT_EQ(a.points[i].x, b.points[i].x);
    EXPECT_EQ(a.points[i].y, b.points[i].y);
  }
}

std::vector<uint32_t> glyphs_of(const Font& font, const std::string& text) {
  std::vector<uint32_t> gids;
  for (size_t i = 0; i < text.size();) gids.push_back(font.glyph_for(utf8_next(text, i)));
  return gids;
}

// The copy of glyph `gid` carrying `gap` (1/1000 em), as prepare_font asks for it.
GlyphCopy copy_of(const Font& font, uint32_t gid, int gap) {
  return {{gid, gap}, font.advance(gid) + static_cast<int32_t>(std::lround(gap * font.upem() / 1000.0))};
}

void check_copies(const char* path, unsigned face, const std::string& text, bool cid_keyed) {
  const auto font = Font::open(path, face);
  const std::vector<uint32_t> gids = glyphs_of(*font, text);
  // A quarter em after each glyph, and a second gap after the first.
  std::vector<GlyphCopy> copies;
  for (uint32_t g : gids) copies.push_back(copy_of(*font, g, 250));
  copies.push_back(copy_of(*font, gids[0], 316));
  const pdf::FontSubset s = pdf::subset_font(*font, gids, {}, copies);
  ASSERT_EQ(s.copy_codes.size(), copies.size()) << "every copy is in the program";
  Ft ft(s.program);
  ASSERT_NE(ft.face, nullptr);
  // (FreeType counts a CID-keyed font's glyphs up to its largest CID.)
  if (!cid_keyed) {
    EXPECT_EQ(static_cast<unsigned>(ft.face->num_glyphs), s.glyph_count);
    EXPECT_EQ(s.glyph_count, gids.size() + 1 + copies.size()) << ".notdef, the glyphs, the copies";
  }
  EXPECT_EQ(s.cids.size(), s.glyph_count);
  for (const GlyphCopy& c : copies) {
    const uint32_t code = s.copy_codes.at(c.key);
    EXPECT_EQ(std::count(s.cids.begin(), s.cids.end(), code), 1) << "the copy's code is its own";
    const Shape original = shape_of(ft.face, s.codes.at(c.key.gid));
    const Shape copy = shape_of(ft.face, code);
    expect_same_outline(original, copy);
    // The advance the font program gives the copy: the original's, plus the gap.
    EXPECT_EQ(original.advance, font->advance(c.key.gid));
    EXPECT_EQ(copy.advance, original.advance + std::lround(c.key.gap * font->upem() / 1000.0));
  }
  if (cid_keyed) {
    // No copy takes a CID a glyph of the subset has.
    std::vector<uint32_t> originals;
    for (const auto& [gid, code] : s.codes) originals.push_back(code);
    for (const auto& [key, code] : s.copy_codes)
      EXPECT_EQ(std::count(originals.begin(), originals.end(), code), 0) << code;
  }
}

TEST(GlyphCopies, TrueTypeLatin) { check_copies(kLiberationSerif, 0, "96A", false); }
TEST(GlyphCopies, TrueTypeHan) { check_copies(kLxgwWenKai, 0, "家年", false); }
TEST(GlyphCopies, CidKeyedCff) { check_copies(kFandolFang, 0, "家年）", true); }
// Noto CJK uses every CID up to 65534: its copies take ones the subset does not hold.
TEST(GlyphCopies, CidKeyedCffFlattened) { check_copies(kNotoSerifCjk, kNotoSerifScFace, "家年", true); }

TEST(GlyphCopies, CffCopiesAboveTheFontsLargestCid) {
  const auto font = Font::open(kFandolFang);
  const std::vector<uint32_t> gids = glyphs_of(*font, "家年");
  const pdf::FontSubset s = pdf::subset_font(*font, gids, {}, {copy_of(*font, gids[0], 250)});
  ASSERT_EQ(s.copy_codes.size(), 1u);
  uint32_t largest = 0;
  for (uint32_t g = 0; g < font->glyph_count(); ++g) largest = std::max(largest, font->cid_for_glyph(g));
  EXPECT_EQ(s.copy_codes.begin()->second, largest + 1);
}

TEST(GlyphCopies, OnlyGlyphsOfTheSubsetAreCopied) {
  for (const char* path : {kLiberationSerif, kFandolFang}) {
    const auto font = Font::open(path);
    const std::vector<uint32_t> gids = glyphs_of(*font, "家年96");
    uint32_t absent = 1;  // a glyph the subset does not hold
    while (std::find(gids.begin(), gids.end(), absent) != gids.end()) ++absent;
    const pdf::FontSubset s =
        pdf::subset_font(*font, gids, {}, {copy_of(*font, gids[0], 250), copy_of(*font, absent, 250)});
    EXPECT_EQ(s.copy_codes.size(), 1u) << path;
    EXPECT_TRUE(s.copy_codes.count({gids[0], 250})) << path;
  }
}

// The same glyphs and copies give the same program, byte for byte.
TEST(GlyphCopies, Deterministic) {
  for (const char* path : {kLiberationSerif, kFandolFang}) {
    const auto font = Font::open(path);
    const std::vector<uint32_t> gids = glyphs_of(*font, "家年96");
    const std::vector<GlyphCopy> copies = {copy_of(*font, gids[2], 250), copy_of(*font, gids[1], 90)};
    EXPECT_EQ(pdf::subset_font(*font, gids, {}, copies).program, pdf::subset_font(*font, gids, {}, copies).program);
  }
}

// What TrueType's append refuses: a truncated sfnt, a glyph it lacks.
TEST(GlyphCopies, TrueTypeAppendRefusesWhatItCannotRead) {
  const auto font = Font::open(kLiberationSerif);
  const std::vector<uint32_t> gids = glyphs_of(*font, "96");
  const pdf::FontSubset s = pdf::subset_font(*font, gids, {}, {});
  const std::vector<GlyphCopy> one = {copy_of(*font, gids[0], 250)};
  EXPECT_TRUE(pdf::append_truetype_copies(s.program, one, {1}).has_value());
  EXPECT_FALSE(pdf::append_truetype_copies(s.program.substr(0, 40), one, {1}).has_value());
  EXPECT_FALSE(pdf::append_truetype_copies(s.program, one, {s.glyph_count}).has_value());
  EXPECT_FALSE(pdf::append_truetype_copies(s.program, one, {}).has_value());
}

TEST(GlyphCopies, WidthOperandReplacedOrAdded) {
  // 100 200 rmoveto endchar, without a width and with one (50).
  const std::string no_width = std::string("\xEF") + "\xF7\x5C" + "\x15\x0E";  // 100 200 rmoveto endchar
  const std::string with_50 = std::string("\xBD") + no_width;                  // 50 100 200 rmoveto endchar
  const auto a = pdf::cff::with_width(no_width, 7);
  const auto b = pdf::cff::with_width(with_50, 7);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, std::string("\x92") + no_width);  // 7 + 139 = 146
  EXPECT_EQ(*b, *a);
  // endchar alone (an empty glyph), with and without a width.
  EXPECT_EQ(*pdf::cff::with_width("\x0E", -200), std::string("\xFB\x5C\x0E"));
  EXPECT_EQ(*pdf::cff::with_width("\xBD\x0E", 1500), std::string("\x1C\x05\xDC\x0E"));
  // Something that is not a charstring's start.
  EXPECT_FALSE(pdf::cff::with_width("\xEF\x08", 0).has_value());  // rlineto first
}

}  // namespace
}  // namespace banshi
