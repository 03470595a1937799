// The bytes of engine/para/phrase-breaks.txt, compiled in (the build writes
// phrase_lexicon_data.cpp; engine/embed.cmake), so line
// breaking never runs without it. Internal to para.
#pragma once

#include <string_view>

namespace banshi {

std::string_view phrase_lexicon_text();

}  // namespace banshi
