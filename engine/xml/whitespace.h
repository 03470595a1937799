// White space in report text (report-xml.md, "Whitespace"): authors wrap
// and indent their XML freely, and none of that may reach the page.
//   - A run of ASCII white space becomes one space …
//   - … unless it contains a line break and sits between two CJK
//     characters (CJK punctuation included): then it disappears, since
//     Chinese has no spaces between words and the break only came from
//     wrapping the file.
//   - … and it disappears beside full-width punctuation (，“ （ and the
//     like; “ ” — … · only when the other side is CJK), which has its own
//     blank: 人才 “双向流失” 困境 prints as 人才“双向流失”困境.
//   - At the start and end of a block (<p>, <h>, <td>, <item>, a field
//     value …) it disappears, also across inline element boundaries
//     (`<p>\n  text <b>x</b>\n</p>`), and so it does around <br/>.
// Other spaces (U+3000 ideographic space, U+00A0) are content and stay.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace banshi::xml {

// Normalises one block's inline content in place. A footnote's text is a
// block of its own (it prints at the page foot); its marker is transparent
// here, like a citation's. Text nodes left empty are removed.
void normalize_block(model::Inlines& content);

// The same rules for a plain field value.
std::string normalize_text(std::string_view raw);

// The white space XML and the spec mean: space, tab, CR, LF.
constexpr bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
std::string_view trim_ascii_space(std::string_view s);

// CJK ideographs, kana, CJK and fullwidth punctuation, and the general
// punctuation Chinese text uses (“ ” ‘ ’ — …  ·).
bool is_cjk(char32_t c);

// Full-width CJK punctuation: 、。〈〉《》「」『』【】〔〕… and the
// fullwidth forms' marks （）：；，！？… (not their letters and digits).
bool is_fullwidth_punct(char32_t c);

}  // namespace banshi::xml
