// The audit's words: what it says about a rule and what it measured, kept
// as a message code with named arguments until it is shown, then put in
// English or Chinese. The texts are in words.cpp, one table, in the
// `code = text {argument}` form of the message catalogue (messages/*.txt)
// they will move into.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace banshi::audit {

enum class Lang { En, Zh };

// Chinese when the locale (LC_ALL, LC_MESSAGES, LANG: the first set) is zh_*.
Lang lang_from_environment();

struct Text {
  std::string code;  // "audit.margins.pass"
  std::vector<std::pair<std::string, std::string>> args;

  Text() = default;
  Text(std::string c, std::vector<std::pair<std::string, std::string>> a = {})
      : code(std::move(c)), args(std::move(a)) {}
  Text& arg(std::string name, std::string value) {
    args.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// The text of `t` in `lang`, arguments filled in; an unknown code shows as
// itself so nothing is lost.
std::string render(const Text& t, Lang lang);
// The one-line description of a rule ("Margins of the text block").
std::string rule_title(std::string_view rule, Lang lang);
// Codes whose English or Chinese text is empty (for the tests).
std::vector<std::string> missing_texts();
// Whether `code` has texts.
bool has_text(std::string_view code);

// Figures as the messages show them: 28.0, 0.46.
std::string fixed(double v, int decimals = 1);
// "3, 5, 7–9" / "3、5、7–9".
std::string page_list(const std::vector<int>& pages, Lang lang);

}  // namespace banshi::audit
