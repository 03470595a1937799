// How heavy a face's strokes are: the width of a vertical stem, measured
// on its outline, so marks drawn beside its text (the form's check boxes)
// match its weight.
#pragma once

#include "fonts/font.h"

namespace banshi {

// The width of a vertical stem of `gid` where a horizontal line through the
// middle of its ink first crosses it, in font units; 0 when the glyph has no
// such stem (no outline, or the line crosses fewer than two edges). The PDF
// font descriptor's StemV and the check boxes' stroke both come from here.
double measure_stem(const Font& font, uint32_t gid);

// The width of the vertical stroke of 丨 (else of 口's left side, else of
// l) half-way up its ink, in font units; 0 when the font has none of them.
double stem_width(const Font& font);

}  // namespace banshi
