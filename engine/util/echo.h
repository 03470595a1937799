// Putting what the user wrote back into a message. Input can be anything:
// a tag name of 100 KB, an attribute value full of control characters, a
// zero-width space nobody can see. What a message echoes is cut to about
// 80 characters, and invisible characters are named by code point, so a
// message always fits a terminal line and says what is really there.
#pragma once

#include <string>
#include <string_view>

namespace banshi {

// Characters of an echoed name or value shown before it is cut with "…".
inline constexpr size_t kEchoChars = 80;

// Whether a character shows nothing by itself in a terminal or a PDF: C0
// and C1 controls, DEL, and the format and separator characters that take
// no room (U+200B, U+FEFF, U+2028 …). Spaces are visible enough.
bool invisible(char32_t cp);

// "U+007F": a code point as Unicode writes it (at least four hex digits).
std::string code_point(char32_t cp);

// A character for a list of characters: "𠀀 (U+20000)", or only "U+0085"
// when it is invisible.
std::string shown_char(char32_t cp);

// `text` as a message may show it: invisible characters replaced by their
// code points (<U+0001>), and cut after `max_chars` characters with "…".
std::string echoed(std::string_view text, size_t max_chars = kEchoChars);

// echoed() applied to what a message built from plain strings quotes: every
// "…" and <…> in `message` (a legacy message not yet in the catalogue, or
// an XML path such as <outcome>/<body>/<xxxx…>); invisible characters
// anywhere are named.
std::string echoed_segments(std::string_view message, size_t max_chars = kEchoChars);

// An XML path (<outcome>/<body>/<xxxx…>/@name) with each element and
// attribute name echoed.
std::string echoed_path(std::string_view path, size_t max_chars = kEchoChars);

}  // namespace banshi
