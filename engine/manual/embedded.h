// engine/manual/banshi.xml's bytes, compiled in by engine/embed.cmake.
// Internal to the manual stage.
#pragma once

#include <string_view>

namespace banshi::manual {

std::string_view embedded_description();

}  // namespace banshi::manual
