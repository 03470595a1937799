// A direct subsetter for CID-keyed CFF fonts.
//
// hb-subset builds accelerators over the whole font before it subsets, a
// fixed cost of 10–25 ms per font on this machine, paid on every render.
// For a CID-keyed CFF that has (almost) no subroutines — FandolFang, the
// 仿宋 stand-in that sets most of a report, has none — a subset is just:
// the glyphs' charstrings copied verbatim, a new charset that keeps each
// glyph's CID, a new FDSelect, and the rest of the font copied with its
// offsets rewritten. That takes well under a millisecond. A font built on
// subroutines (Noto CJK) has each kept charstring flattened — its calls
// replaced by the subroutines' bodies — so the subset carries none. Fonts
// it does not handle (name-keyed CFF, CFF2, charstrings it cannot follow)
// return nullopt and go to hb-subset.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/glyph_copies.h"

namespace banshi::pdf {

struct CffSubset {
  std::string cff;                 // the bare CFF table to embed
  std::vector<uint32_t> old_gids;  // new glyph ID → original glyph ID (0 = .notdef first)
  std::vector<uint32_t> cids;      // new glyph ID → CID
  // The copies it holds (after every original glyph) → their CIDs; a copy
  // of a glyph not in the subset, or past the last free CID, is absent.
  std::map<CopyKey, uint32_t> copy_cids;
};

// Subsets the CFF table `cff` to `glyphs` (original glyph IDs; .notdef is
// added). nullopt when the font is not one this subsetter handles or the
// table is malformed. `keep_hints` keeps the charstrings' hints.
// `copies` (glyph_copies.h) are added as new glyphs with CIDs no glyph of
// the font has: above its largest, or in a font that uses every CID, ones
// the subset does not hold.
std::optional<CffSubset> subset_cid_cff(std::string_view cff, const std::vector<uint32_t>& glyphs,
                                        bool keep_hints = false, const std::vector<GlyphCopy>& copies = {});

}  // namespace banshi::pdf
