// The help text: plain text wrapped for a terminal.
#include <string>

#include "manual/manual.h"

namespace banshi::manual {

namespace {

constexpr size_t kWidth = 79;

// Terminal columns of a UTF-8 string: East Asian wide characters take two.
size_t columns(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    size_t len = 1;
    if (c >= 0xF0) len = 4, cp = c & 0x07;
    else if (c >= 0xE0) len = 3, cp = c & 0x0F;
    else if (c >= 0xC0) len = 2, cp = c & 0x1F;
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if ((c & 0xC0) == 0x80) continue;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    n += wide ? 2 : 1;
  }
  return n;
}

// Words of `text` filled into lines of kWidth columns, the first after
// `first` (already on the line), the rest indented by `indent` spaces.
std::string fill(std::string_view text, size_t indent, std::string first = {}) {
  std::string out = first.empty() ? std::string(indent, ' ') : std::move(first);
  size_t col = columns(out);
  bool line_has_word = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    const std::string_view word = text.substr(i, j - i);
    i = j + 1;
    if (word.empty()) continue;
    const size_t w = columns(word);
    if (line_has_word && col + 1 + w > kWidth) {
      out += "\n" + std::string(indent, ' ');
      col = indent;
      line_has_word = false;
    }
    if (line_has_word) {
      out += ' ';
      ++col;
    }
    out += word;
    col += w;
    line_has_word = true;
  }
  return out + "\n";
}

std::string option_usage(const Option& o) {
  std::string s = "[" + (o.alias.empty() ? o.name : o.alias);
  if (!o.value.empty()) s += " " + o.value;
  s += "]";
  if (o.repeat) s += "...";
  return s;
}

// "banshi render REPORT [-o OUT.pdf] …", wrapped under the operands.
std::string synopsis(const Manual& m, const Command& c, size_t indent) {
  const std::string head = std::string(indent, ' ') + m.name + " " + c.name;
  std::string words = c.args;
  for (const Option& o : c.options)
    if (!o.hidden) words += (words.empty() ? "" : " ") + option_usage(o);
  if (words.empty()) return head + "\n";
  // Options wrap as whole brackets: spaces inside one are not break points.
  std::string out = head;
  size_t col = columns(out);
  const size_t cont = std::min<size_t>(columns(head) + 1, 30);
  size_t i = 0;
  while (i < words.size()) {
    size_t j = i;
    int depth = 0;
    while (j < words.size() && (words[j] != ' ' || depth > 0)) {
      if (words[j] == '[') ++depth;
      if (words[j] == ']') --depth;
      ++j;
    }
    const std::string_view w = std::string_view(words).substr(i, j - i);
    i = j + 1;
    if (col + 1 + columns(w) > kWidth && col > cont) {
      out += "\n" + std::string(cont - 1, ' ');
      col = cont - 1;
    }
    out += " ";
    out += w;
    col += 1 + columns(w);
  }
  return out + "\n";
}

std::string option_head(const Option& o) {
  std::string s = o.alias.empty() ? o.name : o.alias + ", " + o.name;
  if (!o.value.empty()) s += " " + o.value;
  return s;
}

}  // namespace

std::string help_text(const Manual& m) {
  std::string out = m.name + " — " + m.title + "\n\n";
  out += fill(plain(m.description.at(1)), 0);
  out += "\nusage:\n";
  for (const Command& c : m.commands) {
    out += synopsis(m, c, 2);
    out += fill(plain(c.summary), 6);
  }
  out += "\n";
  for (const Option& o : m.global) out += fill(plain(o.text), 6, "  " + option_head(o) + "\n      ");
  out += "\nexit status:\n";
  for (const Item& it : m.exit_status)
    out += fill(plain(it.text), 9, "  " + it.term + std::string(it.term.size() < 6 ? 7 - it.term.size() : 1, ' '));
  out += "\n" + fill(m.name + " help COMMAND (or " + m.name + " COMMAND --help) shows a command's options; man " +
                         m.name + " the whole manual: environment, files and limits.",
                     0);
  return out;
}

std::string command_help(const Manual& m, const Command& c) {
  std::string out = "usage:\n" + synopsis(m, c, 2) + "\n" + fill(plain(c.summary), 0);
  for (const Text& p : c.paragraphs) out += "\n" + fill(plain(p), 0);
  std::vector<const Option*> shown;
  for (const Option& o : c.options)
    if (!o.hidden) shown.push_back(&o);
  for (const Option& o : m.global) shown.push_back(&o);
  out += "\noptions:\n";
  for (const Option* o : shown) out += "  " + option_head(*o) + "\n" + fill(plain(o->text), 6);
  return out;
}

}  // namespace banshi::manual
