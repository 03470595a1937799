#include "docx/form_text.h"

#include <cstdio>

#include "util/utf8.h"

namespace banshi::docx {

namespace {

bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }
bool is_colon(char32_t c) { return c == U'：' || c == ':'; }
bool is_fill(char32_t c) { return c == '_' || c == U'＿' || c == U'—' || c == U'…'; }
bool ticks(char32_t c) { return std::u32string_view(U"☑☒✓✔√■▣✗✘×").find(c) != std::u32string_view::npos; }
bool empty_box(char32_t c) { return std::u32string_view(U"☐□▢○").find(c) != std::u32string_view::npos; }

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out += utf8_next(s, i);
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) utf8_append(out, c);
  return out;
}

// Blanks and fill lines off both ends.
std::u32string_view trim(std::u32string_view s) {
  while (!s.empty() && (is_blank(s.front()) || is_fill(s.front()))) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || is_fill(s.back()))) s.remove_suffix(1);
  return s;
}

// Where `key` (a label_key) ends in `s` when `s` starts with it, blanks
// inside the label skipped; npos otherwise. The label must end there: the
// next character is a colon, a blank, a fill line or the end — 项目负责人 is
// not the start of 项目负责人（签字）.
size_t label_end(std::u32string_view s, std::u32string_view key) {
  size_t i = 0, k = 0;
  while (i < s.size() && is_blank(s[i])) ++i;
  while (i < s.size() && k < key.size()) {
    if (is_blank(s[i])) {
      ++i;
      continue;
    }
    if (s[i] != key[k]) return std::u32string_view::npos;
    ++i;
    ++k;
  }
  if (k < key.size()) return std::u32string_view::npos;
  if (i < s.size() && !is_colon(s[i]) && !is_blank(s[i]) && !is_fill(s[i])) return std::u32string_view::npos;
  return i;
}

// The value in `rest`: after a colon and blanks.
std::u32string_view value_of(std::u32string_view rest) {
  rest = trim(rest);
  if (!rest.empty() && is_colon(rest.front())) rest = trim(rest.substr(1));
  return rest;
}

// Tab-separated segments of a paragraph's text (line breaks separate too).
std::vector<std::u32string> segments(std::string_view text) {
  std::vector<std::u32string> out(1);
  for (char32_t c : decode(text)) {
    if (c == '\t' || c == '\n') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

// Is option `word` ticked in `s` (the text after the question)? The first
// occurrence of the word with a box next to it decides: a box after the
// word (是☑), or with `before`, a mark before it (☑是).
std::optional<bool> option_state(std::u32string_view s, std::u32string_view word, bool before) {
  for (size_t at = s.find(word); at != std::u32string_view::npos; at = s.find(word, at + 1)) {
    if (!before) {
      if (auto after = box_after(encode(s.substr(at + word.size())))) return after;
      continue;
    }
    size_t b = at;
    while (b > 0 && is_blank(s[b - 1])) --b;
    if (b > 0 && ticks(s[b - 1])) return true;
    if (b > 0 && empty_box(s[b - 1])) return false;
  }
  return std::nullopt;
}

// Boxes after their words (是☐ 否☑) are how the form is printed; marks
// before the words (√是 否) are read only when no word has a box after it,
// so that in 是√ 否 the mark is 是's, not 否's.
std::optional<FormText::Choice> choose(std::u32string_view rest, std::span<const std::string_view> options, int para) {
  for (const bool before : {false, true}) {
    FormText::Choice c;
    c.paragraph = para;
    int ticked = 0;
    bool any_box = false;
    for (size_t k = 0; k < options.size(); ++k) {
      const auto state = option_state(rest, decode(options[k]), before);
      if (!state) continue;
      any_box = true;
      if (*state) {
        ++ticked;
        c.index = static_cast<int>(k);
      }
    }
    if (!any_box) continue;
    if (ticked > 1) c.index = -2;
    else if (ticked == 0) c.index = -1;
    return c;
  }
  return std::nullopt;
}

}  // namespace

std::string label_key(std::string_view text) {
  std::u32string k;
  for (char32_t c : decode(text))
    if (!is_blank(c)) k += c;
  while (!k.empty() && is_colon(k.back())) k.pop_back();
  return encode(k);
}

std::optional<std::string> form_date(std::string_view text) {
  std::u32string s;
  for (char32_t c : decode(text)) {
    if (c >= U'０' && c <= U'９') c = c - U'０' + '0';
    if (!is_blank(c)) s += c;
  }
  int parts[3] = {0, 0, 0};
  int n = 0;
  size_t i = 0;
  auto number = [&](int max_digits) {
    int v = 0, d = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && d < max_digits)
      v = v * 10 + static_cast<int>(s[i++] - '0'), ++d;
    return d > 0 ? v : -1;
  };
  const int year = number(4);
  if (year < 1000) return std::nullopt;
  parts[n++] = year;
  auto sep = [&](std::u32string_view allowed) {
    if (i < s.size() && allowed.find(s[i]) != std::u32string_view::npos) {
      ++i;
      return true;
    }
    return false;
  };
  while (n < 3 && sep(U"年月.．-/／")) {
    const int v = number(2);
    if (v < 0) break;
    parts[n++] = v;
  }
  sep(U"月日");
  if (i != s.size() || n < 2) return std::nullopt;
  if (parts[1] < 1 || parts[1] > 12 || (n == 3 && (parts[2] < 1 || parts[2] > 31))) return std::nullopt;
  char buf[32];
  if (n == 3) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
  else std::snprintf(buf, sizeof buf, "%04d-%02d", parts[0], parts[1]);
  return std::string(buf);
}

std::optional<bool> box_after(std::string_view text) {
  const std::u32string s = decode(text);
  size_t i = 0;
  while (i < s.size() && is_blank(s[i])) ++i;
  if (i >= s.size()) return std::nullopt;
  if (ticks(s[i])) return true;
  if (empty_box(s[i])) return false;
  if (s[i] == U'（' || s[i] == '(' || s[i] == '[' || s[i] == U'［') {
    ++i;
    while (i < s.size() && is_blank(s[i])) ++i;
    if (i >= s.size()) return std::nullopt;
    if (ticks(s[i]) || s[i] == 'x' || s[i] == 'X' || s[i] == 'v' || s[i] == 'V') return true;
    if (s[i] == U'）' || s[i] == ')' || s[i] == ']' || s[i] == U'］') return false;
  }
  return std::nullopt;
}

std::string cell_text(const Cell& c) {
  std::string out;
  for (const Para& p : c.paras) {
    if (p.text.empty()) continue;
    if (!out.empty()) out += ' ';
    out += p.text;
  }
  return out;
}

int cell_paragraph(const Cell& c, int fallback) { return c.paras.empty() ? fallback : c.paras.front().index; }

FormText::FormText(std::span<const Block> blocks, std::vector<std::string> labels)
    : blocks_(blocks), labels_(std::move(labels)) {}

bool FormText::is_label(std::string_view text) const {
  if (labels_.empty()) return false;
  const std::u32string s = decode(text);
  for (const auto& l : labels_)
    if (label_end(s, decode(l)) != std::u32string_view::npos) return true;
  return false;
}

std::optional<FormValue> FormText::after_label(std::string_view label, const Table* skip_table) const {
  const std::u32string key = decode(label_key(label));
  for (const Block& b : blocks_) {
    if (const Para* p = std::get_if<Para>(&b)) {
      const auto segs = segments(p->text);
      for (size_t k = 0; k < segs.size(); ++k) {
        const size_t end = label_end(segs[k], key);
        if (end == std::u32string_view::npos) continue;
        std::u32string_view v = value_of(std::u32string_view(segs[k]).substr(end));
        for (size_t j = k + 1; v.empty() && j < segs.size() && !is_label(encode(segs[j])); ++j) v = value_of(segs[j]);
        return FormValue{encode(v), p->index};
      }
      continue;
    }
    const Table& t = std::get<Table>(b);
    if (&t == skip_table) continue;
    for (const Row& row : t.rows) {
      for (size_t c = 0; c < row.cells.size(); ++c) {
        const std::u32string text = decode(cell_text(row.cells[c]));
        const size_t end = label_end(text, key);
        if (end == std::u32string_view::npos) continue;
        std::u32string_view v = value_of(std::u32string_view(text).substr(end));
        int para = cell_paragraph(row.cells[c], t.index);
        std::u32string next;
        for (size_t d = c + 1; v.empty() && d < row.cells.size(); ++d) {
          if (is_label(cell_text(row.cells[d]))) break;
          next = decode(cell_text(row.cells[d]));
          v = value_of(next);
          para = cell_paragraph(row.cells[d], para);
        }
        return FormValue{encode(v), para};
      }
    }
  }
  return std::nullopt;
}

std::optional<FormText::Choice> FormText::ticked(std::string_view question,
                                                 std::span<const std::string_view> options) const {
  const std::string key8 = label_key(question);
  const std::u32string key = decode(key8);
  for (const Block& b : blocks_) {
    if (const Para* p = std::get_if<Para>(&b)) {
      std::u32string compact;
      std::vector<size_t> at;  // compact index → index in the decoded text
      const std::u32string text = decode(p->text);
      for (size_t i = 0; i < text.size(); ++i)
        if (!is_blank(text[i])) compact += text[i], at.push_back(i);
      const size_t found = compact.find(key);
      if (found == std::u32string::npos) continue;
      const size_t after = at[found + key.size() - 1] + 1;
      if (auto c = choose(std::u32string_view(text).substr(after), options, p->index)) return c;
      continue;
    }
    const Table& t = std::get<Table>(b);
    for (const Row& row : t.rows) {
      for (size_t c = 0; c < row.cells.size(); ++c) {
        const std::u32string text = decode(cell_text(row.cells[c]));
        const size_t end = label_end(text, key);
        if (end == std::u32string_view::npos) continue;
        std::u32string rest(text.substr(end));
        int para = cell_paragraph(row.cells[c], t.index);
        for (size_t d = c + 1; d < row.cells.size(); ++d) {
          rest += U' ';
          rest += decode(cell_text(row.cells[d]));
          if (d == c + 1) para = cell_paragraph(row.cells[d], para);
        }
        if (auto ch = choose(rest, options, para)) return ch;
      }
    }
  }
  return std::nullopt;
}

const Table* FormText::table_with(std::string_view label) const {
  const std::string key = label_key(label);
  for (const Block& b : blocks_) {
    const Table* t = std::get_if<Table>(&b);
    if (!t) continue;
    for (const Row& row : t->rows)
      for (const Cell& c : row.cells)
        if (label_key(cell_text(c)) == key) return t;
  }
  return nullptr;
}

}  // namespace banshi::docx
