// Messages are data: i18n/messages/en.txt and i18n/messages/zh.txt hold one line per
// message, `code = text`, and are compiled into the binary. Code names a
// message by its stable English code ("field.missing"); the text is looked
// up in the language of the call. See util/diag.h for how to add one.
#pragma once

#include <concepts>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "i18n/lang.h"

namespace banshi {

namespace i18n_detail {

// "area.what-is-wrong": lowercase ASCII letters, digits and '-', in at
// least two parts separated by dots.
constexpr bool is_code_shaped(std::string_view code) {
  bool dot = false, part = false;
  for (char c : code) {
    if (c == '.') {
      if (!part) return false;
      dot = true;
      part = false;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
      part = true;
    } else {
      return false;
    }
  }
  return dot && part;
}

// Deliberately not constexpr: a MessageCode written with another shape
// calls it while the compiler evaluates the constructor, and the build
// stops naming this function.
void message_code_must_look_like_area_dot_what(std::string_view code);

}  // namespace i18n_detail

// A message code, always written as a string literal where the message is
// reported ("field.missing"), so i18n_catalogue_test finds every code the
// engine uses in its sources and fails for one i18n/messages/*.txt lacks.
class MessageCode {
 public:
  consteval MessageCode(const char* code) : code_(code) {  // NOLINT(google-explicit-constructor): written as a literal
    if (!i18n_detail::is_code_shaped(code_)) i18n_detail::message_code_must_look_like_area_dot_what(code_);
  }
  // The code of a catalogued message named at run time (test data, a
  // client's request); nullopt for a code the catalogue lacks.
  static std::optional<MessageCode> find(std::string_view code);

  constexpr std::string_view str() const { return code_; }
  friend constexpr bool operator==(MessageCode a, MessageCode b) { return a.code_ == b.code_; }

 private:
  struct Checked {};
  constexpr MessageCode(Checked, std::string_view code) : code_(code) {}
  std::string_view code_;
};

struct Message;

// A text that data gives in each language (a field's format, its help).
struct Localized {
  std::string en, zh;
  const std::string& in(Lang lang) const { return lang == Lang::Zh ? zh : en; }
};

// One named argument of a message: {name} in the catalogue's text is
// replaced by its value. Numbers are written in digits; a list is joined
// as the language joins lists (a, b, c / a、b、c; {name|or}: a, b or c /
// a、b 或 c); a Message is put in words in the same language (a reason
// inside a warning).
struct Arg {
  std::string name;
  std::string value;
  std::vector<std::string> items;
  bool is_list = false;
  std::shared_ptr<const Message> nested;
  std::shared_ptr<const std::vector<Message>> nested_items;  // a list of messages
  std::shared_ptr<const Localized> localized;

  Arg(std::string_view n, std::string_view v) : name(n), value(v) {}
  Arg(std::string_view n, const char* v) : name(n), value(v) {}
  Arg(std::string_view n, const std::string& v) : name(n), value(v) {}
  template <class T>
  requires(std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> && !std::same_as<T, char32_t>)
      Arg(std::string_view n, T v)
      : name(n), value(std::to_string(v)) {}
  Arg(std::string_view n, std::vector<std::string> list) : name(n), items(std::move(list)), is_list(true) {}
  Arg(std::string_view n, std::span<const std::string_view> list)
      : name(n), items(list.begin(), list.end()), is_list(true) {}
  Arg(std::string_view n, std::initializer_list<std::string_view> list)
      : name(n), items(list.begin(), list.end()), is_list(true) {}
  Arg(std::string_view n, Message m);
  Arg(std::string_view n, Localized text) : name(n), localized(std::make_shared<const Localized>(std::move(text))) {}
  Arg(std::string_view n, std::vector<Message> list);
  // The value in `lang`: the text, the joined list, the nested message.
  std::string text(Lang lang, std::string_view style = {}) const;
};

// The arguments of one message: {{"value", v}, {"limit", 8000}}.
class Args {
 public:
  Args() = default;
  Args(std::initializer_list<Arg> args) : items_(args) {}

  void add(Arg a) { items_.push_back(std::move(a)); }
  const Arg* find(std::string_view name) const;
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Arg> items_;
};

// A code with its arguments: what a check found, before it is put in words.
struct Message {
  Message(MessageCode c, Args a = {}) : code(c), args(std::move(a)) {}  // NOLINT: {"code", {args}}

  MessageCode code;
  Args args;

  // The catalogue's text for `lang` with the arguments filled in.
  std::string text(Lang lang) const;
};

// The catalogue's text of `code` in `lang`, {arguments} not filled in.
std::string_view message_template(MessageCode code, Lang lang);

// message_template() with the arguments filled in. An argument the text
// names but `args` lacks stays visible as {name}.
std::string render_message(MessageCode code, const Args& args, Lang lang);

// A catalogue as read from its file, for the completeness test.
struct CatalogueEntry {
  std::string_view code;
  std::string_view text;
  int line = 0;
};
struct Catalogue {
  std::vector<CatalogueEntry> entries;  // in file order
  std::vector<std::string> problems;    // "zh.txt:12: no \" = \" on the line", duplicates
};
const Catalogue& catalogue(Lang lang);

// The {argument} names a catalogue text uses, in order of appearance.
std::vector<std::string> placeholders(std::string_view text);

}  // namespace banshi
