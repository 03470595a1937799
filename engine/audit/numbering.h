// Heading numbers as the template writes them ("{zh}、", "（{zh}）", "{n}.",
// "（{n}）") matched at the start of a line of a PDF (internal to the audit).
#pragma once

#include <string>
#include <string_view>

namespace banshi::audit {

// The number of characters of `text` that are a heading number in
// `format`, followed by the heading's words; 0 when it is not one. {zh}
// is a Chinese numeral (一 … 九十九), {n} Arabic digits (ASCII or
// full-width); literal characters match their half- or full-width twin
// (. and ．, ( and （). "1.5 倍" is not heading 1: a digit may not follow.
size_t match_numbering(std::string_view format, const std::u32string& text);

}  // namespace banshi::audit
