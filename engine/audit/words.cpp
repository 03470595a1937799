#include "audit/words.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "audit/settings.h"
#include "i18n/message.h"

namespace banshi::audit {

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : v);
  return buf;
}

std::vector<std::string> page_ranges(const std::vector<int>& pages) {
  std::vector<std::string> out;
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    out.push_back(std::to_string(pages[i]) + (j > i ? "–" + std::to_string(pages[j]) : ""));
    i = j + 1;
  }
  return out;
}

std::string render(const Text& t, Lang lang) {
  const auto code = MessageCode::find(t.code);
  if (!code) return t.code;
  Args args;
  for (const auto& [name, value] : t.args) {
    if (name == "page_list") {
      // "1,2,3,5" → the items "1–3", "5", joined as the language joins lists.
      std::vector<int> pages;
      for (size_t p = 0; p < value.size();) {
        int n = 0;
        auto [end, ec] = std::from_chars(value.data() + p, value.data() + value.size(), n);
        if (ec != std::errc()) break;
        pages.push_back(n);
        p = static_cast<size_t>(end - value.data()) + 1;
      }
      args.add(Arg(name, page_ranges(pages)));
    } else if (!value.empty() && value[0] == '@') {
      args.add(Arg(name, render(Text(value.substr(1)), lang)));  // a word in the same language
    } else {
      args.add(Arg(name, value));
    }
  }
  return render_message(*code, args, lang);
}

std::string rule_title(std::string_view rule, Lang lang) {
  return render(Text("audit.rule." + std::string(rule)), lang);
}

bool has_text(std::string_view code) { return MessageCode::find(code).has_value(); }

}  // namespace banshi::audit
