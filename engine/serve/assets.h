// The files compiled into the server (assets.cmake): the web page and the
// warm-up report. A name is a file name only — no folders — so a request
// for anything else simply finds nothing.
#pragma once

#include <optional>
#include <string_view>

namespace banshi::serve {

std::optional<std::string_view> asset_bytes(std::string_view name);

// "text/html; charset=utf-8" for index.html, and so on; by extension.
std::string_view content_type_of(std::string_view name);

}  // namespace banshi::serve
