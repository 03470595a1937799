// Subsetting one font into the font program a PDF embeds: the subset sfnt
// for TrueType outlines (FontFile2), the subset's bare CFF table for CFF
// outlines (FontFile3 /CIDFontType0C). A CID-keyed CFF goes through the
// direct subsetter (cff_subset.h), everything else (and a CFF it cannot
// follow) through hb-subset.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/font.h"
#include "pdf/glyph_copies.h"

namespace banshi::pdf {

struct SubsetOptions {
  // CFF only: keep (subset) local/global subroutines instead of inlining
  // them into every charstring (HB_SUBSET_FLAGS_DESUBROUTINIZE).
  bool keep_cff_subroutines = false;
};

struct FontSubset {
  const Font* font = nullptr;
  std::string program;  // the bytes to embed
  // Original glyph ID → the code the content stream uses for it: the
  // subset's glyph ID (TrueType, and name-keyed CFF whose CIDs are glyph
  // indices), or for a CID-keyed CFF the glyph's CID, which hb-subset keeps
  // in the subset's charset.
  std::map<uint32_t, uint32_t> codes;
  // Original glyph ID → glyph ID in the subset.
  std::map<uint32_t, uint32_t> new_gids;
  unsigned glyph_count = 0;  // glyphs in the subset (.notdef and components included)
  // Every CID the program holds, by new glyph ID — PDF/A's CIDSet lists
  // them: the glyph IDs 0 … glyph_count − 1, or a CID-keyed CFF's CIDs.
  std::vector<uint32_t> cids;
  std::string tag;  // six capitals derived from `program`
  // The glyph copies the program holds (glyph_copies.h) → their codes. A
  // copy the program could not take is absent: the writer then makes that
  // gap by positioning, as without copies.
  std::map<CopyKey, uint32_t> copy_codes;
};

// Subsets `font` to `glyphs` (original IDs; .notdef is always kept).
// Throws EngineError when a glyph ID is out of range, hb-subset fails, or
// the subset's CIDs disagree with the original font's.
// `copies`: glyphs (among `glyphs`) to add again with another advance;
// a CFF font that goes through hb-subset (name-keyed, or
// keep_cff_subroutines) gets none.
FontSubset subset_font(const Font& font, const std::vector<uint32_t>& glyphs, const SubsetOptions& options,
                       const std::vector<GlyphCopy>& copies = {});

// "ABCDEF": a deterministic subset tag from a hash of the font program, so
// identical input gives identical BaseFont names and different subsets of
// one font get different names.
std::string subset_tag(std::string_view program);

}  // namespace banshi::pdf
