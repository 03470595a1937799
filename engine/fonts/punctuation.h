// Where a font puts its ，and 。: simplified Chinese (GB) sets them in the
// lower left of the em box; Taiwan and Hong Kong fonts centre them. A font
// that cannot be had here to be measured once by hand (Windows, macOS
// system fonts) is measured from the glyphs' ink when it is loaded, before
// its punctuation is trusted.
#pragma once

#include <string>

#include "fonts/font.h"

namespace banshi {

struct PunctuationCheck {
  bool gb_style = true;  // both marks lower left (or the font lacks them)
  std::string detail;    // "，。 ink centred at 0.21/0.19 em across, 0.13/0.14 up: lower left"
};

PunctuationCheck check_gb_punctuation(const Font& font);

}  // namespace banshi
