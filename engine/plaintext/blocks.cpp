#include "plaintext/blocks.h"

#include "util/utf8.h"

namespace banshi::plaintext {

namespace {

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == U'\u3000' || c == U'\u00A0'; }

}  // namespace

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  int number = 1;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back({line, number++});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

std::string_view trim_start(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t next = i;
    if (!is_space(utf8_next(s, next))) break;
    i = next;
  }
  return s.substr(i);
}

std::string_view trim(std::string_view s) {
  s = trim_start(s);
  // Trailing white space: walk forward, remembering where the last
  // non-space character ended.
  size_t end = 0, i = 0;
  while (i < s.size()) {
    const char32_t c = utf8_next(s, i);
    if (!is_space(c)) end = i;
  }
  return s.substr(0, end);
}

bool is_blank(std::string_view line) { return trim_start(line).empty(); }

std::vector<Block> split_blocks(const std::vector<Line>& lines) {
  // A blank line between two lines of text (not the blank lines before the
  // first or after the last).
  bool any_blank = false, seen_text = false, blank_after_text = false;
  for (const Line& l : lines) {
    if (is_blank(l.text)) {
      blank_after_text = seen_text;
    } else {
      any_blank = any_blank || blank_after_text;
      seen_text = true;
    }
  }
  std::vector<Block> blocks;
  bool open = false;
  for (const Line& l : lines) {
    if (is_blank(l.text)) {
      open = false;
      continue;
    }
    if (!open || !any_blank) {
      blocks.push_back({});
      open = true;
    }
    blocks.back().lines.push_back(l);
  }
  for (Block& b : blocks) b.lines.front().text = trim_start(b.lines.front().text);
  return blocks;
}

}  // namespace banshi::plaintext
