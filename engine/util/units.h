// Lengths and font sizes as templates write them: "37mm", "16pt", "2em",
// and the Chinese 号 sizes ("3号", "小四", "二号").
#pragma once

#include <optional>
#include <string_view>

namespace banshi {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double mm(double v) { return v * kPtPerMm; }

// A length that may be relative to the current font size (em).
struct Length {
  double value = 0;
  bool em = false;  // value is in em when true, points otherwise
  double resolve(double font_size) const { return em ? value * font_size : value; }
};

// "12mm", "3.5cm", "16pt", "1in", "2em", "0" → Length; nullopt if malformed.
std::optional<Length> parse_length(std::string_view s);

// "三号" / "3号" / "小四" / "小4号" / "16pt" / "16" → points; nullopt if unknown.
// The 号 table is the Word/GB/T 40070 one: 初号 42 … 三号 16 … 小五 9.
std::optional<double> parse_font_size(std::string_view s);

}  // namespace banshi
