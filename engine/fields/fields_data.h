// The bytes of templates/fields.xml, compiled in (the build writes
// fields_data.cpp; engine/embed.cmake), so the field table is never
// looked for on disk. Internal to fields.
#pragma once

#include <string_view>

namespace banshi {

std::string_view report_fields_xml();

}  // namespace banshi
