# Compiles the message catalogues (engine/i18n/messages/LANG.txt) into the i18n
# library: catalogue_data.cpp holds their bytes, so the binary never runs
# without its messages. It is written when CMake configures, and only when
# its content changes; editing a catalogue re-runs the configure step by
# itself and rebuilds that one file.
function(banshi_message_catalogue target messages_dir)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/i18n")
  set(data_body "")
  foreach(lang en zh)
    banshi_file_bytes("${messages_dir}/${lang}.txt" bytes)  # engine/embed.cmake
    string(APPEND data_body "constexpr char k_${lang}[] = {${bytes} 0};\n")
  endforeach()
  file(CONFIGURE OUTPUT "${out}/catalogue_data.cpp" CONTENT
"// Generated from engine/i18n/messages/*.txt by engine/i18n/catalogue.cmake; do not edit.
#include \"i18n/catalogue_data.h\"

namespace banshi::i18n_detail {

namespace {
${data_body}}  // namespace

std::string_view catalogue_text(Lang lang) {
  return lang == Lang::Zh ? std::string_view(k_zh, sizeof k_zh - 1) : std::string_view(k_en, sizeof k_en - 1);
}

}  // namespace banshi::i18n_detail
" @ONLY)

  target_sources(${target} PRIVATE "${out}/catalogue_data.cpp")
  target_include_directories(${target} PUBLIC "${CMAKE_CURRENT_BINARY_DIR}/generated")
endfunction()
