// The subsetter: each subset must load in FreeType on its own (the bare
// CFF table for CFF fonts, exactly what the PDF embeds), hold the expected
// glyphs, and keep their outlines, advances and (for CID-keyed CFF) CIDs.
#include <ft2build.h>
#include <gtest/gtest.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H

#include <iostream>
#include <memory>

#include "pdf/subset.h"
#include "pdf_test_support.h"
#include "util/diag.h"
#include "util/utf8.h"

namespace banshi {
namespace {

using namespace pdf_test;
using pdf::FontSubset;
using pdf::subset_font;
using pdf::SubsetOptions;

struct FtLibrary {
  FT_Library lib = nullptr;
  FtLibrary() { EXPECT_EQ(FT_Init_FreeType(&lib), 0); }
  ~FtLibrary() { FT_Done_FreeType(lib); }
};

struct FtFace {
  FT_Face face = nullptr;
  FtFace(FT_Library lib, const std::string& bytes, long index = 0) {
    FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(bytes.data()), static_cast<FT_Long>(bytes.size()), index,
                       &face);
  }
  FtFace(FT_Library lib, const std::string& path, unsigned index, bool) {
    FT_New_Face(lib, path.c_str(), index, &face);
  }
  ~FtFace() {
    if (face) FT_Done_Face(face);
  }
};

struct GlyphShape {
  FT_BBox box{};
  long advance = 0;
  int contours = 0;
};

GlyphShape shape_of(FT_Face face, unsigned gid) {
  GlyphShape s;
  EXPECT_EQ(FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING), 0) << "glyph " << gid;
  FT_Outline_Get_CBox(&face->glyph->outline, &s.box);
  s.advance = face->glyph->metrics.horiAdvance;
  s.contours = face->glyph->outline.n_contours;
  return s;
}

std::vector<uint32_t> glyphs_for(const Font& font, const std::string& text) {
  std::vector<uint32_t> gids;
  for (size_t i = 0; i < text.size();) {
    const uint32_t g = font.glyph_for(utf8_next(text, i));
    EXPECT_NE(g, 0u);
    gids.push_back(g);
  }
  return gids;
}

// Subsets `text`'s glyphs and checks the result against the original font.
FontSubset check_subset(const Font& font, const std::string& text, const SubsetOptions& options = {}) {
  const std::vector<uint32_t> gids = glyphs_for(font, text);
  const FontSubset s = subset_font(font, gids, options);
  EXPECT_EQ(s.tag.size(), 6u);
  EXPECT_EQ(s.codes.size(), std::set<uint32_t>(gids.begin(), gids.end()).size());

  FtLibrary ft;
  FtFace sub(ft.lib, s.program);
  EXPECT_NE(sub.face, nullptr) << "the subset of " << font.file() << " does not load in FreeType";
  if (!sub.face) return s;
  // .notdef plus the requested glyphs (these samples have no composites).
  EXPECT_EQ(s.glyph_count, s.codes.size() + 1);
  uint32_t max_code = 0;
  for (const auto& [g, code] : s.codes) max_code = std::max(max_code, code);
  // FreeType addresses a bare CID-keyed CFF by CID, as PDF readers do: its
  // glyph count is then the highest CID + 1.
  EXPECT_EQ(sub.face->num_glyphs, font.cid_keyed() ? long(max_code) + 1 : long(s.glyph_count));

  // Every CID the program holds, as PDF/A's CIDSet names them: each glyph's
  // CID in a CID-keyed CFF, else its glyph ID.
  EXPECT_EQ(s.cids.size(), s.glyph_count);
  for (uint32_t n = 0; n < s.cids.size(); ++n) {
    FT_UInt cid = n;
    if (font.cid_keyed()) {
      EXPECT_EQ(FT_Get_CID_From_Glyph_Index(sub.face, n, &cid), 0);
    }
    EXPECT_EQ(s.cids[n], cid) << "glyph " << n << " of the subset";
  }

  FtFace orig(ft.lib, font.file(), font.index(), true);
  EXPECT_NE(orig.face, nullptr);
  if (!orig.face) return s;
  for (uint32_t g : gids) {
    const uint32_t n = s.new_gids.at(g);
    const GlyphShape a = shape_of(orig.face, g), b = shape_of(sub.face, font.cid_keyed() ? s.codes.at(g) : n);
    EXPECT_EQ(a.box.xMin, b.box.xMin) << "glyph " << g;
    EXPECT_EQ(a.box.yMin, b.box.yMin) << "glyph " << g;
    EXPECT_EQ(a.box.xMax, b.box.xMax) << "glyph " << g;
    EXPECT_EQ(a.box.yMax, b.box.yMax) << "glyph " << g;
    EXPECT_EQ(a.contours, b.contours) << "glyph " << g;
    EXPECT_EQ(a.advance, b.advance) << "glyph " << g;
    EXPECT_EQ(b.advance, font.advance(g)) << "glyph " << g;
    if (font.cid_keyed()) {
      FT_UInt cid = 0;
      EXPECT_EQ(FT_Get_CID_From_Glyph_Index(sub.face, n, &cid), 0);
      EXPECT_EQ(cid, font.cid_for_glyph(g)) << "glyph " << g;
      EXPECT_EQ(s.codes.at(g), cid);
    } else {
      EXPECT_EQ(s.codes.at(g), n);
    }
  }
  return s;
}

const std::string kSample = "中华人民共和国巴中市社会科学";

TEST(PdfSubset, FandolFangCidKeyedCff) {
  const auto font = Font::open(kFandolFang);
  ASSERT_EQ(font->outlines(), Font::Outlines::CFF);
  ASSERT_TRUE(font->cid_keyed());
  EXPECT_EQ(font->ros()->ordering, "GB1");
  const FontSubset s = check_subset(*font, kSample);
  // The embedded program is the bare CFF table, not an OpenType wrapper.
  EXPECT_EQ(s.program[0], 1);  // CFF major version
  // CIDs, not new glyph IDs, are the codes: for Fandol they differ.
  bool differs = false;
  for (const auto& [g, code] : s.codes) differs |= code != s.new_gids.at(g);
  EXPECT_TRUE(differs);
}

TEST(PdfSubset, NotoSerifCjkScFaceOfCollection) {
  const auto font = Font::open(kNotoSerifCjk, kNotoSerifScFace);
  ASSERT_EQ(font->postscript_name(), "NotoSerifCJKsc-Regular");
  ASSERT_EQ(font->outlines(), Font::Outlines::CFF);
  ASSERT_TRUE(font->cid_keyed());
  check_subset(*font, kSample);
}

TEST(PdfSubset, LxgwWenKaiTrueType) {
  const auto font = Font::open(kLxgwWenKai);
  ASSERT_EQ(font->outlines(), Font::Outlines::TrueType);
  const FontSubset s = check_subset(*font, kSample);
  // A whole sfnt holding only what a PDF FontFile2 needs.
  EXPECT_EQ(s.program.substr(0, 4), std::string("\0\1\0\0", 4));
  FtLibrary ft;
  FtFace sub(ft.lib, s.program);
  ASSERT_NE(sub.face, nullptr);
  for (const char* tag : {"GSUB", "GPOS", "cmap", "name", "post", "OS/2", "vmtx", "fpgm", "prep"}) {
    FT_ULong len = 0;
    const FT_ULong t = FT_MAKE_TAG(tag[0], tag[1], tag[2], tag[3]);
    EXPECT_NE(FT_Load_Sfnt_Table(sub.face, t, 0, nullptr, &len), 0) << tag << " should have been dropped";
  }
}

TEST(PdfSubset, NonBmpGlyphsOfHanaMinB) { check_subset(*Font::open(kHanaMinB), "𠀀𠀁𠀂"); }

TEST(PdfSubset, NotdefIsAlwaysKept) {
  const auto font = Font::open(kLxgwWenKai);
  const FontSubset s = subset_font(*font, {font->glyph_for(U'中')}, {});
  EXPECT_EQ(s.new_gids.at(font->glyph_for(U'中')), 1u);
  EXPECT_EQ(s.glyph_count, 2u);
}

TEST(PdfSubset, TagIsDeterministicAndDependsOnTheSubset) {
  const auto font = Font::open(kLxgwWenKai);
  const auto a1 = subset_font(*font, glyphs_for(*font, "中文"), {});
  const auto a2 = subset_font(*font, glyphs_for(*font, "中文"), {});
  const auto b = subset_font(*font, glyphs_for(*font, "中国"), {});
  EXPECT_EQ(a1.program, a2.program);
  EXPECT_EQ(a1.tag, a2.tag);
  EXPECT_NE(a1.tag, b.tag);
  for (char c : a1.tag) EXPECT_TRUE(c >= 'A' && c <= 'Z');
}

TEST(PdfSubset, GlyphOutOfRangeIsAnEngineError) {
  const auto font = Font::open(kLxgwWenKai);
  EXPECT_THROW(subset_font(*font, {font->glyph_count()}, {}), EngineError);
}

// Subroutines kept vs. inlined: both subsets must have the same outlines
// (check_subset compares them with the original); the sizes are printed for
// the record. FandolFang has no subroutines, so both are the same there.
TEST(PdfSubset, CffSubroutinesKeptOrInlined) {
  // A realistic amount of text: a page of common characters.
  const std::string page =
      "为深入贯彻落实党的二十大精神进一步繁荣发展哲学社会科学根据巴中市哲学社会科学规划项目管理办法现将年度"
      "项目结项验收工作有关事项通知如下一结项范围已到期的重点项目一般项目青年项目和自筹经费项目二结项材料"
      "申请书一式三份最终成果及其简介成果鉴定意见三工作要求各单位要认真组织严格把关确保质量按时报送逾期不予受理";
  for (const auto& [path, face] : {std::pair{kFandolFang, 0u}, std::pair{kNotoSerifCjk, kNotoSerifScFace}}) {
    const auto font = Font::open(path, face);
    const FontSubset kept = check_subset(*font, page, SubsetOptions{true});
    const FontSubset flat = check_subset(*font, page, SubsetOptions{false});
    std::cout << font->postscript_name() << ": " << kept.codes.size() << " glyphs, CFF subset with subroutines "
              << kept.program.size() << " bytes, desubroutinized " << flat.program.size() << " bytes\n";
    if (font->postscript_name() == "NotoSerifCJKsc-Regular") {
      EXPECT_TRUE(kept.program != flat.program);
    }
  }
}

}  // namespace
}  // namespace banshi
