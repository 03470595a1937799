// One font of the document as a PDF Type0 font with Identity-H encoding:
// prepared (subset, measured, widths and ToUnicode built) without touching
// the PDF, which can run in parallel per font, then embedded.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "pdf/cid_widths.h"
#include "pdf/font_descriptor.h"
#include "pdf/glyph_usage.h"
#include "pdf/haru_doc.h"
#include "pdf/subset.h"

namespace banshi::pdf {

// How the content stream shows one glyph.
struct GlyphCode {
  uint32_t code = 0;  // 2-byte code in the content stream
  int width = 0;      // its /W (or /DW) width, 1000 units per em
};

struct PreparedFont {
  FontSubset subset;
  DescriptorMetrics metrics;
  CidWidths widths;
  std::string to_unicode;                             // the CMap text
  // The font program deflated on the worker thread that subset it, so
  // compressing the largest streams is parallel and off the writer's path.
  std::string deflated_program;
  std::unordered_map<uint32_t, GlyphCode> glyphs;     // original glyph ID → code
  std::string base_font() const;                      // "ABCDEF+PostScriptName"
};

PreparedFont prepare_font(const FontUsage& usage, const SubsetOptions& options);

// prepare_font for every font, on worker threads when there are several;
// the result is in the order of `usages` whatever order the work finishes.
std::vector<PreparedFont> prepare_fonts(const std::vector<FontUsage>& usages, const SubsetOptions& options);

// Adds the Type0 font, its CIDFont, FontDescriptor, font program and
// ToUnicode streams to the document; returns the Type0 dictionary.
HPDF_Dict embed_font(HaruDoc& doc, const PreparedFont& font);

}  // namespace banshi::pdf
