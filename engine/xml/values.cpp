#include "xml/values.h"

#include <charconv>

#include "util/units.h"
#include "xml/whitespace.h"

namespace banshi::xml {

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

std::optional<Message> check_attribute_value(const AttrSpec& spec, std::string_view value) {
  const Args shown{{"value", value}};
  switch (spec.type) {
    case AttrType::Choice:
      for (const auto& c : spec.choices)
        if (c == value) return std::nullopt;
      return Message{
          "attribute.choice",
          {{"value", value}, {"allowed", std::vector<std::string>(spec.choices.begin(), spec.choices.end())}}};
    case AttrType::PositiveInt:
      if (parse_positive_int(value, kMaxSpan)) return std::nullopt;
      return Message{"attribute.positive-int", {{"value", value}, {"max", kMaxSpan}}};
    case AttrType::Length:
      if (parse_width_pt(value)) return std::nullopt;
      return Message{"attribute.length", shown};
    case AttrType::Name: {
      bool ok = !value.empty();
      for (char c : value)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
      if (ok) return std::nullopt;
      return Message{"attribute.name", shown};
    }
    case AttrType::Token:
      if (value.empty()) return Message{"attribute.empty"};
      for (char c : value)
        if (is_ascii_space(c)) return Message{"attribute.spaces", shown};
      return std::nullopt;
    case AttrType::IdList:
      if (split_ids(value).empty()) return Message{"attribute.no-ids"};
      return std::nullopt;
    case AttrType::Text: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Message> check_href(std::string_view href) {
  if (href.size() > kMaxHrefBytes) return Message{"link.too-long", {{"bytes", href.size()}, {"limit", kMaxHrefBytes}}};
  std::string scheme;
  for (char c : href.substr(0, href.find(':'))) scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (href.find(':') == std::string_view::npos || (scheme != "http" && scheme != "https" && scheme != "mailto"))
    return Message{"link.scheme", {{"href", std::string(href)}}};
  return std::nullopt;
}

}  // namespace banshi::xml
