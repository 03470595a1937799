// The languages banshi speaks. A message is rendered in the language of
// the call that shows it — the terminal's locale for the CLI, the page's
// language for a server — never in a process-wide setting.
#pragma once

#include <optional>
#include <string_view>

namespace banshi {

enum class Lang { En, Zh };

inline constexpr Lang kLangs[] = {Lang::En, Lang::Zh};

// "en", "zh": the names --lang takes and the catalogue files are called.
std::string_view lang_name(Lang lang);

// "zh", "zh_CN.UTF-8", "zh-TW" → Zh; "en", "en_US" → En; anything else → nullopt.
std::optional<Lang> parse_lang(std::string_view name);

// The language of a POSIX locale: the first of LC_ALL, LC_MESSAGES, LANG
// that is set and not empty decides (as setlocale does for messages);
// zh_* is Chinese, every other locale (C, POSIX, en_US, de_DE …) English.
Lang lang_of_locale(const char* lc_all, const char* lc_messages, const char* lang);

// lang_of_locale() of this process's environment.
Lang lang_from_environment();

}  // namespace banshi
