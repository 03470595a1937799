// Glyph copies that carry a layout gap in their advance (issue 15 item 8:
// copy and search give back the source).
//
// The layout puts a quarter em between Han and Latin ("96家") by
// positioning. poppler and Acrobat read the /ActualText span text_spans.h
// wraps such runs in; MuPDF and pdf.js ignore it, see the gap after 6 and
// infer a space ("96 家"). A copy of the glyph before the gap — same
// outline, advance widened by the gap — lets the content stream draw the
// pair with no TJ offset: every reader sees touching glyphs, the printout
// is unchanged, and /W agrees with the font program (PDF/A), since the
// copy's width is in the program too.
//
// How: collect_glyph_usage finds every glyph followed on its line by a gap
// text_spans.h reads as a space (over 0.08 em, up to 0.6 em) and asks for
// a copy keyed by (glyph, gap rounded to 1/1000 em, the /W unit);
// subset_font adds the copies (TrueType: appended to glyf/loca/hmtx after
// hb-subset; CID-keyed CFF: by the direct subsetter, the outline moved
// into a global subroutine that the original and its copies call after
// their widths, so a copy costs a few bytes); prepare_font gives each its
// code, /W width and the original's ToUnicode text (PreparedFont::copies);
// text_ops draws a copy where the writer finds the same gap. The
// /ActualText spans stay.
//
// Measured (the samples and the punctuation fixture, before = main at
// 518c3ba, bench/gap_copies/ab.sh):
// - Text. Han␣Latin pairs, before → after. MuPDF 1.21 get_text: bazhong
//   outcome 11 → 0, stress 46 → 5, journal 50 → 1, 108 form 55 → 42, 119
//   form 52 → 39, fixture 9 → 4; what is left is the source's own spaces
//   and form cells set on one line, which pdftotext (unchanged: 0, 5, 1,
//   44, 41, 4) gives too. pdf.js 2.14 getTextContent: 11 → 0, 46 → 5,
//   110 → 61, 69 → 56, 55 → 42, 9 → 4 (the rest: table cells it joins
//   with a space). MuPDF's search_for finds 96家 and 2023年.
// - Print. pdftoppm -r 100: all 83 pages (A4, and the forms' A3
//   booklets) byte-identical. At -r 80, and with MuPDF at 100 dpi, 4 of
//   them (pages 12 and 14 of the 119 form, A4 and A3) differ in one
//   glyph's anti-aliasing: past a copy the pen comes from /W widths, so a
//   glyph lands within text_ops' 0.002 pt tolerance of the TJ offset's
//   place (0.0018 pt there) instead of on it.
// - Copies per sample: FandolFang 3–49, Liberation Serif 4–33, Noto Serif
//   CJK Bold 0–8. Not only the quarter em: justification stretch just
//   over 0.08 em and wider gaps up to 0.6 em (a space beside a gap) get
//   copies too; MuPDF would not read those under 0.15 em as spaces,
//   poppler (0.1 em) would.
// - Size: PDFs +0.12 % (bazhong 260118 → 260420 bytes) … +0.58 % (stress
//   241082 → 242491); journal 429356 → 431076. With whole charstrings
//   copied it was +0.7 … +4.6 %.
// - Time (bench/ab.py against main, 30 rounds, CPU medians, load 9):
//   outcome 38.2 → 38.7 ms, full form 43.1 → 43.4, A3 booklet 42.9 →
//   43.0, 150 pages 133.2 → 134.3 (round-by-round ×1.010 … ×1.019): the
//   glyphs' advances asked again where collect_glyph_usage looks for gaps.
// - PDF/A Preflight passes (test_pdfa); output stays deterministic.
//
// Limits: a CFF copy gets a CID above the font's largest, or where the
// font uses every CID (Noto CJK, up to 65534) one the subset does not
// hold — a CID of its ordering that names another glyph in the full
// font; only ToUnicode says what it is, which every reader tested reads
// first. Fonts that go through hb-subset as CFF (name-keyed, or
// PdfOptions::keep_cff_subroutines) get no copies and keep the TJ offset.
// In MuPDF and pdf.js the glyph before the gap has a box spanning it, so
// a selection highlights the quarter em with the 6 of 96家. The width
// operand before callgsubr is Type 2 as written (the argument stack spans
// subroutine calls); FreeType (poppler, MuPDF), pdf.js and fontTools
// take it; Acrobat and RIPs are untested here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace banshi::pdf {

// Which copy: the original glyph and the gap its advance carries.
struct CopyKey {
  uint32_t gid = 0;  // the original's glyph ID in the font
  int gap = 0;       // 1/1000 em, rounded (the unit of /W)
  auto operator<=>(const CopyKey&) const = default;
};

// One copy to add to a subset: the original glyph with `advance` (font
// units: the original's advance plus the gap) instead of its own.
struct GlyphCopy {
  CopyKey key;
  int32_t advance = 0;
};

// A TrueType sfnt (as hb-subset writes it) with `copies` appended as new
// glyphs, the copy of copies[k] drawing the sfnt's glyph subset_gids[k]:
// outline bytes copied, hmtx widened to one long metric per glyph, loca
// long, maxp/hhea counts updated, checksums recomputed. The copies get
// glyph IDs numGlyphs, numGlyphs + 1, … in order. nullopt if the sfnt lacks
// a table or does not parse, or a copy cannot be added.
std::optional<std::string> append_truetype_copies(std::string_view sfnt, const std::vector<GlyphCopy>& copies,
                                                  const std::vector<uint32_t>& subset_gids);

namespace cff {
// A Type 2 charstring split before its outline: the width operand's bytes
// ("" when it has none) and the rest. nullopt when its start does not parse.
struct WidthSplit {
  std::string width;
  std::string body;
};
std::optional<WidthSplit> split_width(std::string_view cs);
// An integer operand, in its shortest form (−32768 … 32767).
void put_number(std::string& out, int32_t v);
// A Type 2 charstring with its advance replaced: `width` is the operand
// written (advance − nominalWidthX). nullopt when the start of the
// charstring does not parse.
std::optional<std::string> with_width(std::string_view cs, int32_t width);
}  // namespace cff

}  // namespace banshi::pdf
