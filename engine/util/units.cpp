#include "util/units.h"

#include <charconv>
#include <string>

namespace banshi {

namespace {

std::optional<double> parse_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<Length> parse_length(std::string_view s) {
  struct Unit {
    std::string_view suffix;
    double factor;
    bool em;
  };
  static constexpr Unit kUnits[] = {
      {"mm", 72.0 / 25.4, false}, {"cm", 720.0 / 25.4, false}, {"pt", 1.0, false},
      {"in", 72.0, false},        {"em", 1.0, true},
  };
  for (const auto& u : kUnits) {
    if (ends_with(s, u.suffix)) {
      auto v = parse_number(s.substr(0, s.size() - u.suffix.size()));
      if (!v) return std::nullopt;
      return Length{*v * u.factor, u.em};
    }
  }
  auto v = parse_number(s);
  if (v && *v == 0) return Length{0, false};
  return std::nullopt;
}

std::optional<double> parse_font_size(std::string_view s) {
  struct Hao {
    std::string_view name;
    double pt;
  };
  // Word / GB/T 40070-2021 sizes; both Chinese and Arabic numerals.
  static constexpr Hao kSizes[] = {
      {"初号", 42},   {"小初", 36},   {"一号", 26},  {"1号", 26},   {"小一", 24},  {"小1号", 24},
      {"二号", 22},   {"2号", 22},    {"小二", 18},  {"小2号", 18}, {"三号", 16},  {"3号", 16},
      {"小三", 15},   {"小3号", 15},  {"四号", 14},  {"4号", 14},   {"小四", 12},  {"小4号", 12},
      {"五号", 10.5}, {"5号", 10.5},  {"小五", 9},   {"小5号", 9},  {"六号", 7.5}, {"6号", 7.5},
      {"小六", 6.5},  {"小6号", 6.5}, {"七号", 5.5}, {"7号", 5.5},  {"八号", 5},   {"8号", 5},
  };
  for (const auto& h : kSizes)
    if (s == h.name) return h.pt;
  if (ends_with(s, "pt")) s.remove_suffix(2);
  auto v = parse_number(s);
  if (v && *v > 0) return v;
  return std::nullopt;
}

}  // namespace banshi
