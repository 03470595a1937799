// The audit's words: what it says about a rule and what it measured, kept
// as a message code with named arguments until it is shown, then put in
// English or Chinese from the message catalogue (i18n/messages/*.txt, the
// audit.* codes).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "i18n/lang.h"

namespace banshi::audit {

using banshi::Lang;

struct Text {
  std::string code;  // a catalogue code, audit.*
  std::vector<std::pair<std::string, std::string>> args;

  Text() = default;
  Text(std::string c, std::vector<std::pair<std::string, std::string>> a = {})
      : code(std::move(c)), args(std::move(a)) {}
  Text& arg(std::string name, std::string value) {
    args.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  // An argument that is itself a message ("audit.word.bold"), put in the
  // same language as the text; an empty code is an empty argument.
  Text& word(std::string name, std::string_view message) {
    args.emplace_back(std::move(name), message.empty() ? std::string() : "@" + std::string(message));
    return *this;
  }
};

// The text of `t` in `lang`, arguments filled in; a code the catalogue
// lacks shows as itself, so nothing is lost. A word() argument is its
// message in the same language; page_list ("1,2,3,5") is written as
// ranges, 1–3, 5 / 1–3、5.
std::string render(const Text& t, Lang lang);
// The one-line description of a rule ("Margins of the text block").
std::string rule_title(std::string_view rule, Lang lang);
// Whether the catalogue has `code` (for the tests).
bool has_text(std::string_view code);

// Figures as the messages show them: 28.0, 0.46.
std::string fixed(double v, int decimals = 1);
// 1, 2, 3, 5 → "1–3", "5".
std::vector<std::string> page_ranges(const std::vector<int>& pages);

}  // namespace banshi::audit
