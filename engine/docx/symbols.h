// Characters from symbol fonts. Word writes a ticked box from the
// Wingdings font as w:sym w:font="Wingdings" w:char="F0FE" (or as that
// private-use character in a run set in Wingdings); printed in any other
// font it is nothing. The forms' ☑ ☒ □ √ and a few common signs are
// mapped to their Unicode characters.
#pragma once

#include <string_view>

namespace banshi::docx {

// True for Wingdings, Wingdings 2, Webdings, Symbol (any case).
bool is_symbol_font(std::string_view font);

// The Unicode character `code` stands for in `font` (F0xx and xx alike),
// or 0 when it has none here.
char32_t symbol_char(std::string_view font, char32_t code);

}  // namespace banshi::docx
