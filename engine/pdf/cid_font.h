// One font of the document as a PDF Type0 font with Identity-H encoding:
// prepared (subset, measured, widths and ToUnicode built) without touching
// the PDF, which can run in parallel per font, then embedded.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "pdf/cid_widths.h"
#include "pdf/font_descriptor.h"
#include "pdf/glyph_copies.h"
#include "pdf/glyph_usage.h"
#include "pdf/haru_doc.h"
#include "pdf/subset.h"
#include "util/task_pool.h"

namespace banshi::pdf {

// How the content stream shows one glyph.
struct GlyphCode {
  uint32_t code = 0;  // 2-byte code in the content stream
  int width = 0;      // its /W (or /DW) width, 1000 units per em
  // UTF-8 of the text the ToUnicode map gives it ("" = none): where a
  // glyph stands for other text (one glyph for ⼀ and 一), the writer marks
  // that use with /ActualText so copying still gives the source back.
  std::string text;
};

// A font's glyph copies by original glyph and gap.
using CopyCodes = std::map<CopyKey, GlyphCode>;

struct PreparedFont {
  FontSubset subset;
  DescriptorMetrics metrics;
  CidWidths widths;
  std::string to_unicode;  // the CMap text
  // The font program deflated, submitted to the render's pool as soon as
  // the subset is made: the writer lays down the pages meanwhile and waits
  // only when it embeds the font (the largest stream of a report,
  // FandolFang's ~480 KB, takes about as long as all its pages). Taken
  // once, by embed_font.
  mutable Task<std::string> deflated_program;
  std::unordered_map<uint32_t, GlyphCode> glyphs;  // original glyph ID → code
  // The glyph copies the font program holds (glyph_copies.h): the code,
  // the /W width that carries the gap, the original's text.
  CopyCodes copies;
  std::string base_font() const;  // "ABCDEF+PostScriptName"
};

// `tasks`: the render's pool for the deflating (none: done when embedded).
PreparedFont prepare_font(const FontUsage& usage, const SubsetOptions& options, TaskPool* tasks = nullptr);

// prepare_font for every font, each a task of `tasks` (none: one after the
// other); the result is in the order of `usages` whatever order the work
// finishes.
std::vector<PreparedFont> prepare_fonts(const std::vector<FontUsage>& usages, const SubsetOptions& options,
                                        TaskPool* tasks = nullptr);

// The Type0 font dictionary, empty: pages can name it as a resource
// before the font is embedded.
HPDF_Dict new_font_dict(HaruDoc& doc);

struct EmbedOptions {
  // A CIDSet stream in the font descriptor, naming every CID the subset
  // holds: PDF/A-1 requires it of a subset CID font (PDF 2.0 deprecates it,
  // so ordinary output goes without).
  bool cid_set = false;
};

// Fills `type0` (from new_font_dict) and adds the CIDFont, FontDescriptor,
// font program and ToUnicode streams to the document.
void embed_font(HaruDoc& doc, const PreparedFont& font, HPDF_Dict type0, const EmbedOptions& options = {});

// Both at once; returns the Type0 dictionary.
HPDF_Dict embed_font(HaruDoc& doc, const PreparedFont& font, const EmbedOptions& options = {});

// The bytes of a CIDSet stream: bit 7 − (c mod 8) of byte c / 8 set for
// each CID c (PDF 32000-1, table 124), as long as the largest CID needs.
std::string cid_set_bits(const std::vector<uint32_t>& cids);

}  // namespace banshi::pdf
