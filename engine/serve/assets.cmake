# Compiles the web page's files (engine/serve/web/*) and the warm-up
# report into the serve library: assets_data.cpp holds their bytes, so the
# server never reads its page from disk and no request can name a file.
# Written when CMake configures, and only when the content changes; editing
# a file re-runs the configure step by itself.
function(banshi_serve_assets target dir)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/serve")
  file(GLOB files CONFIGURE_DEPENDS "${dir}/web/*.html" "${dir}/web/*.css" "${dir}/web/*.js" "${dir}/web/*.svg"
       "${dir}/warmup.xml")
  list(SORT files)
  set(data "")
  set(table "")
  set(i 0)
  foreach(file ${files})
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
    get_filename_component(name "${file}" NAME)
    file(READ "${file}" hex HEX)
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
    string(APPEND data "constexpr char k_${i}[] = {${bytes} 0};\n")
    string(APPEND table "    {\"${name}\", std::string_view(k_${i}, sizeof k_${i} - 1)},\n")
    math(EXPR i "${i} + 1")
  endforeach()
  file(CONFIGURE OUTPUT "${out}/assets_data.cpp" CONTENT
"// Generated from engine/serve/web/* and warmup.xml by engine/serve/assets.cmake; do not edit.
#include \"serve/assets.h\"

#include <array>

namespace banshi::serve {

namespace {
${data}
struct Entry {
  std::string_view name;
  std::string_view bytes;
};
constexpr Entry kEntries[] = {
${table}};

}  // namespace

std::optional<std::string_view> asset_bytes(std::string_view name) {
  for (const auto& e : kEntries)
    if (e.name == name) return e.bytes;
  return std::nullopt;
}

}  // namespace banshi::serve
" @ONLY)
  target_sources(${target} PRIVATE "${out}/assets_data.cpp")
  target_include_directories(${target} PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/generated")
endfunction()
