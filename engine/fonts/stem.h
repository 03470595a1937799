// How heavy a face's strokes are: the width of a vertical stem, measured
// on its outline, so marks drawn beside its text (the form's check boxes)
// match its weight.
#pragma once

#include "fonts/font.h"

namespace banshi {

// The width of the vertical stroke of 丨 (else of 口's left side, else of
// l) half-way up its ink, in font units; 0 when the font has none of them.
double stem_width(const Font& font);

}  // namespace banshi
