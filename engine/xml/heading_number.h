// Spotting a heading that already carries its number. The engine numbers
// headings by depth (一、 （一） 1. （1）), so an author's own "一、" would
// print twice.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace banshi::xml {

// The number at the start of `text` ("一、", "（一）", "(2)", "1.", "3、",
// "１．"), or nothing. "2025年…" and "1.5亿…" are not numbers.
std::optional<std::string> leading_heading_number(std::string_view text);

}  // namespace banshi::xml
