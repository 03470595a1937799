// Number and string formatting for PDF syntax written by hand (content
// streams, CMaps). Locale-independent and exact to the stated precision, so
// the same input always gives the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace banshi::pdf {

// Appends `v` rounded to `decimals` places, without trailing zeros or a
// trailing point, and never "-0" (e.g. 12.5, 3, -0.25).
void append_number(std::string& out, double v, int decimals = 3);
std::string format_number(double v, int decimals = 3);

// Rounds `v` the same way append_number writes it, so callers can track
// exactly the value a PDF reader will see.
double round_to(double v, int decimals);

// Appends `value` as `digits` upper-case hex digits (no brackets).
void append_hex(std::string& out, uint32_t value, int digits);

// UTF-16BE code units of a code point (two for non-BMP: a surrogate pair).
void append_utf16be_units(std::u16string& out, char32_t cp);

// A PDF text string for `utf8`: UTF-16BE with a byte-order mark, the one
// encoding every viewer decodes for non-Latin titles and bookmarks. Text
// of more than kMaxTextStringChars characters is cut there and ends in …:
// libharu refuses strings of 64 KB, and a title that long is no use in a
// viewer's title bar or bookmark list anyway.
inline constexpr size_t kMaxTextStringChars = 1000;
std::string utf16be_text_string(std::string_view utf8);

// The characters utf16be_text_string writes for `utf8` (cut the same way,
// invalid bytes as U+FFFD), as UTF-8: what a reader decodes from the
// string, which PDF/A's XMP metadata must repeat exactly.
std::string text_string_utf8(std::string_view utf8);

// The code points of a UTF-8 string (invalid bytes become U+FFFD).
std::u32string decode_utf8(std::string_view utf8);

}  // namespace banshi::pdf
