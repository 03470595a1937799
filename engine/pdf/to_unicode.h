// The ToUnicode CMap of a font: content-stream code → the source text of
// the glyph, so copying and searching text in a viewer gives it back.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace banshi::pdf {

// `text`: code (2 bytes) → text. Consecutive codes whose texts are
// consecutive single BMP characters become bfrange entries; the rest are
// bfchar entries (several characters, or surrogate pairs for characters
// outside the BMP, in UTF-16BE). Empty texts are left out.
std::string build_to_unicode_cmap(const std::map<uint32_t, std::u32string>& text);

}  // namespace banshi::pdf
