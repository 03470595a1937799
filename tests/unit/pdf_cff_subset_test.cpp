// The direct CID-keyed CFF subsetter: its subsets load in FreeType, keep
// every glyph's CID and outline exactly (hints removed), and it declines
// what it does not handle.
#include <ft2build.h>
#include <gtest/gtest.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include FT_OUTLINE_H

#include <hb.h>

#include <string>

#include "pdf/cff_subset.h"

namespace banshi::pdf {
namespace {

const char* kFandolFang = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf";
const char* kNotoSerif = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

std::string cff_table(const char* file, unsigned index) {
  hb_blob_t* blob = hb_blob_create_from_file(file);
  hb_face_t* face = hb_face_create(blob, index);
  hb_blob_t* table = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  unsigned len = 0;
  const char* data = hb_blob_get_data(table, &len);
  std::string out(data, len);
  hb_blob_destroy(table);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return out;
}

struct Face {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  Face(const std::string& bytes) {
    FT_Init_FreeType(&lib);
    EXPECT_EQ(FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(bytes.data()),
                                 static_cast<FT_Long>(bytes.size()), 0, &face),
              0);
  }
  ~Face() {
    if (face) FT_Done_Face(face);
    FT_Done_FreeType(lib);
  }
  // The glyph's outline points and advance, unscaled and unhinted.
  std::string outline(unsigned gid) const {
    EXPECT_EQ(FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING), 0);
    const FT_Outline& o = face->glyph->outline;
    std::string s = std::to_string(face->glyph->metrics.horiAdvance) + ":";
    for (int k = 0; k < o.n_points; ++k) s += std::to_string(o.points[k].x) + "," + std::to_string(o.points[k].y) + ";";
    return s;
  }
};

TEST(CffSubset, FandolSubsetKeepsCidsAndOutlines) {
  const std::string cff = cff_table(kFandolFang, 0);
  std::vector<uint32_t> glyphs;
  for (uint32_t g = 100; g < 5000; g += 37) glyphs.push_back(g);
  const auto sub = subset_cid_cff(cff, glyphs);
  ASSERT_TRUE(sub.has_value());
  EXPECT_EQ(sub->old_gids.size(), glyphs.size() + 1);  // and .notdef
  EXPECT_LT(sub->cff.size(), cff.size() / 10);
  Face original(cff), subset(sub->cff);
  for (uint32_t k = 0; k < sub->old_gids.size(); ++k) {
    FT_UInt cid_orig = 0, cid_sub = 0;
    FT_Get_CID_From_Glyph_Index(original.face, sub->old_gids[k], &cid_orig);
    FT_Get_CID_From_Glyph_Index(subset.face, k, &cid_sub);
    EXPECT_EQ(cid_sub, cid_orig) << "glyph " << k;
    EXPECT_EQ(sub->cids[k], cid_orig);
    // A bare CID-keyed CFF is addressed by CID in FreeType (as in a PDF).
    EXPECT_EQ(subset.outline(sub->cids[k]), original.outline(sub->old_gids[k])) << "glyph " << sub->old_gids[k];
  }
}

TEST(CffSubset, HintsAreRemoved) {
  const std::string cff = cff_table(kFandolFang, 0);
  std::vector<uint32_t> glyphs;
  for (uint32_t g = 1; g < 3000; ++g) glyphs.push_back(g);
  const auto sub = subset_cid_cff(cff, glyphs);
  ASSERT_TRUE(sub.has_value());
  // The same glyphs with their hints kept are larger.
  const auto verbatim = subset_cid_cff(cff, glyphs, /*keep_hints=*/true);
  ASSERT_TRUE(verbatim.has_value());
  EXPECT_LT(sub->cff.size(), verbatim->cff.size());
  Face f(sub->cff);
  FT_Load_Glyph(f.face, sub->cids[10], FT_LOAD_NO_SCALE);
  EXPECT_GT(f.face->glyph->outline.n_points, 0);
}

TEST(CffSubset, NotoSubroutinesAreFlattenedIntoTheGlyphs) {
  // Noto CJK is built around large subroutine sets: each kept glyph gets
  // its subroutines' bodies inline, and its outline must come out exactly
  // as the original draws it through the subroutines.
  const std::string cff = cff_table(kNotoSerif, 2);
  std::vector<uint32_t> glyphs;
  for (uint32_t g = 1000; g < 60000; g += 397) glyphs.push_back(g);
  const auto sub = subset_cid_cff(cff, glyphs);
  ASSERT_TRUE(sub.has_value());
  EXPECT_LT(sub->cff.size(), 400u * glyphs.size());
  Face original(cff), subset(sub->cff);
  for (uint32_t k = 0; k < sub->old_gids.size(); ++k) {
    FT_UInt cid = 0;
    FT_Get_CID_From_Glyph_Index(original.face, sub->old_gids[k], &cid);
    EXPECT_EQ(sub->cids[k], cid);
    EXPECT_EQ(subset.outline(sub->cids[k]), original.outline(sub->old_gids[k])) << "glyph " << sub->old_gids[k];
  }
}

TEST(CffSubset, DeclinesMalformedTables) {
  EXPECT_FALSE(subset_cid_cff("", {1}).has_value());
  std::string cff = cff_table(kFandolFang, 0);
  EXPECT_FALSE(subset_cid_cff(cff.substr(0, 200), {1}).has_value());
  EXPECT_FALSE(subset_cid_cff(cff, {1000000}).has_value());
}

}  // namespace
}  // namespace banshi::pdf
