// tinyxml2's parse errors in words an applicant can act on. The scanner
// (scan.h) catches nearly every syntax error first, with exact positions;
// this is the net for whatever tinyxml2 still refuses.
#pragma once

#include <tinyxml2.h>

#include <string>
#include <string_view>

namespace banshi::xml {

// Throws InputError for doc.ErrorID(), with tinyxml2's line and, when the
// element it names can be found on that line of `text`, a column.
[[noreturn]] void throw_syntax_error(const tinyxml2::XMLDocument& doc, std::string_view text, const std::string& file);

}  // namespace banshi::xml
