// UTF-8 helpers. Text stays UTF-8 through the whole pipeline; byte offsets
// into a paragraph's UTF-8 string are the cluster values HarfBuzz reports
// and the indices ICU's UText gives, so one offset space serves all stages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace banshi {

// Decodes the code point at s[i] and advances i. Invalid bytes decode as
// U+FFFD and advance by one, so a loop over any input terminates.
char32_t utf8_next(std::string_view s, size_t& i);

// The number of bytes of the UTF-8 sequence starting at lead byte c (1 for
// invalid lead bytes).
size_t utf8_length(unsigned char c);

void utf8_append(std::string& out, char32_t cp);
std::string utf8_encode(char32_t cp);

// True when the whole string is well-formed UTF-8 (no overlongs, no
// surrogates, nothing above U+10FFFF).
bool utf8_valid(std::string_view s);

// Number of code points.
size_t utf8_count(std::string_view s);

}  // namespace banshi
