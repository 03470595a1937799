// Heading numbers as GB/T 9704 writes them: 一、 （一） 1. （1）.
#pragma once

#include <string>
#include <string_view>

namespace banshi {

// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 21 → 二十一, 100 → 一百.
std::string chinese_numeral(int n);

// Fills a numbering format: {zh} → Chinese numeral, {n} → Arabic.
std::string format_number(std::string_view format, int n);

}  // namespace banshi
