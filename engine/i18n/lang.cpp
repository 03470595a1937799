#include "i18n/lang.h"

#include <cstdlib>

namespace banshi {

std::string_view lang_name(Lang lang) { return lang == Lang::Zh ? "zh" : "en"; }

std::optional<Lang> parse_lang(std::string_view name) {
  // Only the language part counts: zh_CN.UTF-8, zh-Hans, zh_TW@euro.
  const std::string_view base = name.substr(0, name.find_first_of("_-.@"));
  if (base == "zh") return Lang::Zh;
  if (base == "en") return Lang::En;
  return std::nullopt;
}

Lang lang_of_locale(const char* lc_all, const char* lc_messages, const char* lang) {
  for (const char* v : {lc_all, lc_messages, lang})
    if (v && *v) return parse_lang(v).value_or(Lang::En);
  return Lang::En;
}

Lang lang_from_environment() {
  return lang_of_locale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
}

}  // namespace banshi
