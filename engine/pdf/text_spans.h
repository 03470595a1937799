// Where a text extractor would read the printout wrong: the quarter em
// between Han and Latin (96 家 for 96家) and a compressed mark followed by
// another (poppler puts a line break inside ）； because the ） box, as wide
// as the font's advance, overlaps the ；). Both are gaps between a glyph's
// advance and the next glyph's pen position, made by positioning. Such
// runs are wrapped in a marked span whose /ActualText is the source text,
// so readers that honour ActualText (poppler, Acrobat) give the source
// back; nothing printed moves.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "page/display_list.h"
#include "pdf/cid_font.h"

namespace banshi::pdf {

using GlyphCodes = std::unordered_map<uint32_t, GlyphCode>;

// Whether, inside `run`, some glyph starts a gap a reader would take for a
// space or an overlap it would break the line at.
bool has_inner_gap(const TextRun& run, const GlyphCodes& glyphs);

// How `next` follows `run` on a line: not at all (another line, another
// cell, a space meant as one), across a gap or overlap a reader would
// misread, or plainly from or onto a raised note marker.
enum class Join { None, Gap, Marker };
Join join_of(const TextRun& run, const GlyphCodes& glyphs, const TextRun& next);

// Glyph copies (glyph_copies.h). Where the pen goes after glyph `i` of
// `run` on its line: the next glyph's position, or for the run's last
// glyph `next_run_x` (NaN: nothing follows on the line).
double next_pen(const TextRun& run, size_t i, double next_run_x);
// The first pen position of `next` when it continues `run`'s line, else NaN.
double continuation_x(const TextRun& run, const TextRun* next);
// The gap between glyph `i` (whose /W width is `width`) and `next_x` that
// a reader would take for a space, in 1/1000 em rounded; 0 when none.
int space_gap(const TextRun& run, size_t i, int width, double next_x);

// The source text `run`'s glyphs stand for, cluster by cluster (text the
// layout dropped, such as a space beside full-width punctuation, is not
// in it).
std::string drawn_text(const TextRun& run);

}  // namespace banshi::pdf
