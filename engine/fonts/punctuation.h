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

// The marks of `font`, among 、，。：；！ and the brackets and quotes, whose
// ink is not where GB style puts it — AR PL KaitiM GB sets ：； low like
// Latin ones, so a heading read "资源禀赋: 数量". A face takes just these
// marks from the next font of its chain whose mark is in place: a choice
// per mark, where punctuation="no" moves all of a font's marks. Marks
// narrower than 0.9 em (proportional quotes) are not judged here.
std::u32string misplaced_marks(const Font& font);

}  // namespace banshi
