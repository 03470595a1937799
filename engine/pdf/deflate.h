// Flate compression of the PDF's streams (page contents, font programs,
// ToUnicode maps, CIDSets …), done by banshi rather than by libharu.
#pragma once

#include <string>
#include <string_view>

namespace banshi::pdf {

// `data` in zlib format (what /FlateDecode reads), by libdeflate at its
// level 6. libdeflate compresses a whole buffer at once about twice as fast
// as zlib's default level, to a file as small or smaller (bench/ab.py); its
// output depends only on the data, the level and the library's version, so
// the PDF stays the same bytes for the same input. Throws EngineError on
// failure.
std::string deflate(std::string_view data);

}  // namespace banshi::pdf
