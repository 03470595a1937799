# Compiles the audit's rules (engine/audit/rules.xml: each rule's source and
# tolerances) into the audit library: rules_data.cpp holds the file's
# bytes, so an installed banshi never looks for it on disk and always
# audits by the rules it was built and tested with. Written when CMake
# configures, and only when the content changes; editing rules.xml re-runs
# the configure step by itself.
function(banshi_audit_rules target file)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/audit")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  file(READ "${file}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  file(CONFIGURE OUTPUT "${out}/rules_data.cpp" CONTENT
"// Generated from engine/audit/rules.xml by engine/audit/rules.cmake; do not edit.
#include \"audit/settings.h\"

namespace banshi::audit {

namespace {
constexpr char k_rules[] = {${bytes} 0};
}  // namespace

std::string_view builtin_rules_xml() { return std::string_view(k_rules, sizeof k_rules - 1); }

}  // namespace banshi::audit
" @ONLY)
  target_sources(${target} PRIVATE "${out}/rules_data.cpp")
endfunction()
