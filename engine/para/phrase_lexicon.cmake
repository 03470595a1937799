# Compiles engine/para/phrase-breaks.txt into the para stage (as the message
# catalogues are compiled into i18n): written when CMake configures, and
# only when its content changes; editing the lexicon re-runs the configure
# step by itself.
function(banshi_phrase_lexicon target file)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/para")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  file(READ "${file}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  file(CONFIGURE OUTPUT "${out}/phrase_lexicon_data.cpp" CONTENT
"// Generated from engine/para/phrase-breaks.txt by engine/para/phrase_lexicon.cmake; do not edit.
#include \"para/phrase_lexicon_data.h\"

namespace banshi {

namespace {
constexpr char k_lexicon[] = {${bytes} 0};
}  // namespace

std::string_view phrase_lexicon_text() { return std::string_view(k_lexicon, sizeof k_lexicon - 1); }

}  // namespace banshi
" @ONLY)
  target_sources(${target} PRIVATE "${out}/phrase_lexicon_data.cpp")
endfunction()
