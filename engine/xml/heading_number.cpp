#include "xml/heading_number.h"

#include <string_view>

#include "util/utf8.h"

namespace banshi::xml {

namespace {

bool is_chinese_numeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百零〇").find(c) != std::u32string_view::npos;
}

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); }

bool is_numeral(char32_t c) { return is_chinese_numeral(c) || is_digit(c); }

}  // namespace

std::optional<std::string> leading_heading_number(std::string_view text) {
  size_t i = 0;
  auto peek = [&](size_t at, size_t* next = nullptr) -> char32_t {
    if (at >= text.size()) return 0;
    size_t j = at;
    const char32_t c = utf8_next(text, j);
    if (next) *next = j;
    return c;
  };

  size_t next = 0;
  const char32_t first = peek(0, &next);
  if (first == U'（' || first == U'(') {
    // （一） (1)
    i = next;
    size_t count = 0;
    while (is_numeral(peek(i, &next))) {
      i = next;
      ++count;
    }
    const char32_t close = peek(i, &next);
    if (count > 0 && (close == U'）' || close == U')')) return std::string(text.substr(0, next));
    return std::nullopt;
  }

  bool chinese = false, arabic = false;
  while (true) {
    const char32_t c = peek(i, &next);
    if (is_chinese_numeral(c)) chinese = true;
    else if (is_digit(c)) arabic = true;
    else break;
    i = next;
  }
  if (chinese == arabic) return std::nullopt;  // no numeral, or a mix
  const char32_t mark = peek(i, &next);
  if (mark == U'、') return std::string(text.substr(0, next));
  if (mark == U'.' || mark == U'．') {
    // "1.5亿" is a decimal, not "1." followed by a heading.
    if (arabic && is_digit(peek(next))) return std::nullopt;
    return std::string(text.substr(0, next));
  }
  return std::nullopt;
}

}  // namespace banshi::xml
