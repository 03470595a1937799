#include "xml/values.h"

#include <charconv>

#include "util/units.h"
#include "xml/messages.h"
#include "xml/whitespace.h"

namespace banshi::xml {

namespace {

std::optional<int> digits(std::string_view s, size_t count) {
  if (s.size() != count) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string two_digits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// Report dates are recent; a year outside this range is a typo ("0225").
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

}  // namespace

std::variant<model::Date, std::string> parse_date(std::string_view s, bool allow_month_only) {
  const std::string form = allow_month_only ? "YYYY-MM or YYYY-MM-DD (e.g. 1979-12)" : "YYYY-MM-DD (e.g. 2025-10-15)";
  const std::string shown = "\"" + std::string(s) + "\"";
  if (s.empty()) return "is empty; write a date as " + form;
  model::Date d;
  std::optional<int> y, m, day;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    y = digits(s.substr(0, 4), 4);
    m = digits(s.substr(5, 2), 2);
    day = digits(s.substr(8, 2), 2);
  } else if (allow_month_only && s.size() == 7 && s[4] == '-') {
    y = digits(s.substr(0, 4), 4);
    m = digits(s.substr(5, 2), 2);
    day = 0;
  }
  if (!y || !m || !day) return shown + " is not a date in the form " + form;
  if (*y < kMinYear || *y > kMaxYear)
    return shown + " is not a valid date: the year must be between " + std::to_string(kMinYear) + " and " +
           std::to_string(kMaxYear);
  if (*m < 1 || *m > 12) return shown + " is not a valid date: there is no month " + two_digits(*m);
  if (*day != 0 && (*day < 1 || *day > days_in_month(*y, *m)))
    return shown + " is not a valid date: " + std::to_string(*y) + "-" + two_digits(*m) + " has " +
           std::to_string(days_in_month(*y, *m)) + " days";
  d.year = *y;
  d.month = *m;
  d.day = *day;
  return d;
}

std::optional<int> parse_positive_int(std::string_view s, int max) {
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || s[0] == '-' || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  if (v < 1 || v > max) return std::nullopt;
  return v;
}

std::optional<double> parse_width_pt(std::string_view s) {
  const auto len = parse_length(s);
  if (!len || len->em || !(len->value > 0)) return std::nullopt;
  return len->value;
}

std::vector<std::string> split_ids(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    const size_t start = i;
    while (i < s.size() && !is_ascii_space(s[i])) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

bool yes(std::string_view value) { return value == "yes"; }

std::string allowed_values(const AttrSpec& spec) { return "allowed values: " + join(spec.choices); }

std::optional<std::string> check_attribute_value(const AttrSpec& spec, std::string_view value) {
  const std::string shown = "is \"" + std::string(value) + "\"";
  switch (spec.type) {
    case AttrType::Choice:
      for (const auto& c : spec.choices)
        if (c == value) return std::nullopt;
      return shown + "; " + allowed_values(spec);
    case AttrType::PositiveInt:
      if (parse_positive_int(value, kMaxSpan)) return std::nullopt;
      return shown + "; it must be a whole number from 1 to " + std::to_string(kMaxSpan);
    case AttrType::Length:
      if (parse_width_pt(value)) return std::nullopt;
      return shown + "; write a length such as 120mm, 8cm or 300pt";
    case AttrType::Name: {
      bool ok = !value.empty();
      for (char c : value)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
      if (ok) return std::nullopt;
      return shown + "; use only letters, digits, - and _";
    }
    case AttrType::Token:
      if (value.empty()) return std::string("is empty");
      for (char c : value)
        if (is_ascii_space(c)) return shown + "; it must not contain spaces";
      return std::nullopt;
    case AttrType::IdList:
      if (split_ids(value).empty()) return std::string("is empty; list reference ids, e.g. ref=\"r1 r2\"");
      return std::nullopt;
    case AttrType::Text: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> check_href(std::string_view href) {
  if (href.size() > kMaxHrefBytes)
    return "href holds " + std::to_string(href.size()) + " bytes; a link address may hold at most " +
           std::to_string(kMaxHrefBytes);
  std::string scheme;
  for (char c : href.substr(0, href.find(':'))) scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (href.find(':') == std::string_view::npos || (scheme != "http" && scheme != "https" && scheme != "mailto"))
    return "href=\"" + std::string(href) +
           "\" is not a web address; links must start with http://, https:// or mailto:";
  return std::nullopt;
}

}  // namespace banshi::xml
