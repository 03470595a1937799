#include "layout/numbering.h"

#include "util/utf8.h"

namespace banshi {

namespace {

constexpr const char* kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

void replace_all(std::string& s, std::string_view from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

bool is_chinese_digit(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百零〇").find(c) != std::u32string_view::npos;
}

}  // namespace

std::string chinese_numeral(int n) {
  if (n <= 0) return std::to_string(n);
  if (n >= 1000) return std::to_string(n);
  std::string out;
  const int hundreds = n / 100, tens = (n / 10) % 10, ones = n % 10;
  if (hundreds) out += std::string(kDigits[hundreds]) + "百";
  if (tens) {
    if (hundreds || tens > 1) out += kDigits[tens];
    out += "十";
  } else if (hundreds && ones) {
    out += "零";
  }
  if (ones) out += kDigits[ones];
  return out;
}

std::string format_number(std::string_view format, int n) {
  std::string s(format);
  replace_all(s, "{zh}", chinese_numeral(n));
  replace_all(s, "{n}", std::to_string(n));
  return s;
}

bool starts_with_number(std::string_view text) {
  size_t i = 0;
  if (text.empty()) return false;
  char32_t c = utf8_next(text, i);
  const bool bracket = c == U'（' || c == U'(';
  if (bracket) {
    if (i >= text.size()) return false;
    c = utf8_next(text, i);
  }
  const bool arabic = c >= '0' && c <= '9';
  if (!arabic && !is_chinese_digit(c)) return false;
  while (i < text.size()) {
    c = utf8_next(text, i);
    if ((arabic && c >= '0' && c <= '9') || (!arabic && is_chinese_digit(c))) continue;
    if (bracket) return c == U'）' || c == U')';
    // 1. 1、 1． 一、 一. — but not "1990年" or "一体化".
    if (c == U'、' || c == U'．' || (arabic && c == '.' && !(i < text.size() && text[i] >= '0' && text[i] <= '9')))
      return true;
    return false;
  }
  return false;
}

}  // namespace banshi
