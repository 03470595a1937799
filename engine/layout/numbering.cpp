#include "layout/numbering.h"

namespace banshi {

namespace {

constexpr const char* kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

void replace_all(std::string& s, std::string_view from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
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

}  // namespace banshi
