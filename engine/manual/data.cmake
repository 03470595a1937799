# Compiles the command-line description (engine/manual/banshi.xml) into the manual
# stage, as i18n/catalogue.cmake does for the messages: written when CMake
# configures and only when its content changes; editing the description
# re-runs the configure step by itself.
function(banshi_manual_description target file)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/manual")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  file(READ "${file}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  file(CONFIGURE OUTPUT "${out}/description_data.cpp" CONTENT
"// Generated from engine/manual/banshi.xml by engine/manual/data.cmake; do not edit.
#include \"manual/embedded.h\"

namespace banshi::manual {

namespace {
constexpr char k_description[] = {${bytes} 0};
}  // namespace

std::string_view embedded_description() { return {k_description, sizeof k_description - 1}; }

}  // namespace banshi::manual
" @ONLY)
  target_sources(${target} PRIVATE "${out}/description_data.cpp")
endfunction()
