# Data files compiled into the binary (the message catalogues, the phrase
# lexicon, the audit's rules, the command-line description), so an
# installed banshi never looks for them on disk. Each is written when CMake
# configures, and only when its content changes; editing the data file
# re-runs the configure step by itself.

# The bytes of FILE as a C initializer list ('\x..', … without the final 0)
# in VAR, with FILE a configure dependency.
function(banshi_file_bytes file var)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  file(READ "${file}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  set(${var} "${bytes}" PARENT_SCOPE)
endfunction()

# Adds to TARGET a generated OUTPUT.cpp defining `std::string_view
# NAMESPACE::FUNCTION()` (declared in HEADER) that returns FILE's text.
function(banshi_embed_text target file output header namespace function)
  banshi_file_bytes("${file}" bytes)
  file(RELATIVE_PATH source "${PROJECT_SOURCE_DIR}" "${file}")
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/${output}.cpp")
  file(CONFIGURE OUTPUT "${out}" CONTENT
"// Generated from ${source} by engine/embed.cmake; do not edit.
#include \"${header}\"

namespace ${namespace} {

namespace {
constexpr char k_text[] = {${bytes} 0};
}  // namespace

std::string_view ${function}() { return std::string_view(k_text, sizeof k_text - 1); }

}  // namespace ${namespace}
" @ONLY)
  target_sources(${target} PRIVATE "${out}")
endfunction()
