// Which glyphs of which fonts the document uses, and the text each glyph
// stands for. Layout is complete before the PDF is written, so the writer
// collects this over the whole document first and subsets every font once.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "page/display_list.h"
#include "pdf/glyph_copies.h"

namespace banshi::pdf {

struct FontUsage {
  const Font* font = nullptr;
  std::vector<uint32_t> glyphs;  // original glyph IDs, sorted, unique
  // Original glyph ID → the source text it stands for (the first cluster
  // that names it; glyphs that only continue clusters, and .notdef, are
  // absent).
  std::map<uint32_t, std::u32string> text;
  // Every glyph followed by a gap a reader would take for a space, with
  // that gap: each gets a copy whose advance carries it (glyph_copies.h).
  std::set<CopyKey> copies;
};

// One entry per font, in order of first use, so everything derived from it
// (object numbers, resource names) is deterministic.
// `copies` false: no FontUsage::copies (every gap stays positioning).
std::vector<FontUsage> collect_glyph_usage(const PageSequence& doc, bool copies = true);

}  // namespace banshi::pdf
