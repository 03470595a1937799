// 参考文献: the heading, its entries, and the citations in the text that
// point at them ([3], ［2-4］, a superscript [1]).
#include <array>

#include "docx/inline_edit.h"
#include "docx/structure.h"
#include "util/utf8.h"

namespace banshi::docx {

namespace {

using model::Inline;
using model::InlineKind;
using model::Inlines;

std::string squeezed(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    const char32_t c = utf8_next(s, i);
    if (c != ' ' && c != '\t' && c != 0x3000 && c != 0xA0) utf8_append(out, c);
  }
  return out;
}

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); }
int digit(char32_t c) { return c <= '9' ? static_cast<int>(c - '0') : static_cast<int>(c - U'０'); }
bool is_open(char32_t c) { return c == '[' || c == U'［' || c == U'〔'; }
bool is_close(char32_t c) { return c == ']' || c == U'］' || c == U'〕'; }
bool is_range(char32_t c) { return c == '-' || c == U'–' || c == U'—' || c == U'~' || c == U'～' || c == U'－'; }
bool is_list(char32_t c) { return c == ',' || c == U'，' || c == U'、' || c == U'；' || c == ';'; }

// "1-3,5" (brackets already taken off) → {1,2,3,5}; empty if it is not a
// citation of entries 1..max.
std::vector<int> parse_numbers(std::u32string_view s, int max) {
  std::vector<int> out;
  size_t i = 0;
  auto number = [&](int& n) {
    n = 0;
    size_t digits = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    while (i < s.size() && is_digit(s[i]) && digits < 4) n = n * 10 + digit(s[i++]), ++digits;
    while (i < s.size() && s[i] == ' ') ++i;
    return digits > 0 && n >= 1 && n <= max;
  };
  while (i < s.size() || out.empty()) {
    int a = 0;
    if (!number(a)) return {};
    if (i < s.size() && is_range(s[i])) {
      ++i;
      int b = 0;
      if (!number(b) || b < a || b - a > 50) return {};
      for (int k = a; k <= b; ++k) out.push_back(k);
    } else {
      out.push_back(a);
    }
    if (i == s.size()) break;
    if (!is_list(s[i])) return {};
    ++i;
  }
  return out;
}

Inline cite_of(const std::vector<int>& numbers, model::Pos pos) {
  Inline c;
  c.kind = InlineKind::Cite;
  c.pos = pos;
  for (int k : numbers) c.refs.push_back("r" + std::to_string(k));
  return c;
}

struct Linker {
  int max;
  int count = 0;
  int first_paragraph = 0;

  // [n] in a text: the text split around each citation.
  void in_text(const Inline& t, Inlines& out) {
    std::u32string u;
    for (size_t i = 0; i < t.text.size();) u += utf8_next(t.text, i);
    size_t copied = 0;
    auto flush = [&](size_t to) {
      if (to <= copied) return;
      Inline x = t;
      x.text.clear();
      for (size_t k = copied; k < to; ++k) utf8_append(x.text, u[k]);
      out.push_back(std::move(x));
    };
    for (size_t i = 0; i < u.size(); ++i) {
      if (!is_open(u[i])) continue;
      size_t j = i + 1;
      while (j < u.size() && j - i < 40 && !is_close(u[j])) ++j;
      if (j >= u.size() || !is_close(u[j])) continue;
      const auto numbers = parse_numbers(std::u32string_view(u).substr(i + 1, j - i - 1), max);
      if (numbers.empty()) continue;
      flush(i);
      out.push_back(cite_of(numbers, t.pos));
      note(t.pos);
      copied = j + 1;
      i = j;
    }
    if (copied == 0) {
      out.push_back(t);
      return;
    }
    flush(u.size());
  }

  void note(model::Pos pos) {
    if (count++ == 0) first_paragraph = pos.line;
  }

  // A superscript holding only a bracketed citation: "[1]", "[2,3]". A
  // bare superscript number (m², or a footnote mark typed by hand) is left
  // as it is.
  bool superscript(const Inline& sup, Inlines& out) {
    const std::string t = squeezed(visible_text(sup.children));
    std::u32string u;
    for (size_t i = 0; i < t.size();) u += utf8_next(t, i);
    if (u.size() < 3 || !is_open(u.front()) || !is_close(u.back())) return false;
    const auto numbers = parse_numbers(std::u32string_view(u).substr(1, u.size() - 2), max);
    if (numbers.empty()) return false;
    out.push_back(cite_of(numbers, sup.pos));
    note(sup.pos);
    return true;
  }

  void walk(Inlines& in) {
    Inlines out;
    for (auto& n : in) {
      if (n.kind == InlineKind::Text) {
        in_text(n, out);
      } else if (n.kind == InlineKind::Sup && superscript(n, out)) {
        // replaced by the citation
      } else {
        if (n.kind != InlineKind::Cite && n.kind != InlineKind::LineBreak) walk(n.children);
        out.push_back(std::move(n));
      }
    }
    in = std::move(out);
  }

  void blocks(model::Blocks& bs) {
    for (auto& b : bs) {
      std::visit(
          [&](auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, model::Paragraph>) {
              walk(node.content);
            } else if constexpr (std::is_same_v<T, model::Section>) {
              blocks(node.blocks);
            } else if constexpr (std::is_same_v<T, model::ListBlock>) {
              for (auto& item : node.items) walk(item);
            } else if constexpr (std::is_same_v<T, model::Table>) {
              for (auto& row : node.rows)
                for (auto& cell : row.cells) walk(cell.content);
              walk(node.note);
            } else if constexpr (std::is_same_v<T, model::Quote>) {
              for (auto& p : node.paragraphs) walk(p.content);
            }
          },
          b.node);
    }
  }
};

// [1] ［1］ 1. 1、 （1） (1) 〔1〕 at the start of an entry: its typed number.
size_t entry_number_chars(std::string_view text) {
  std::u32string u;
  for (size_t i = 0; i < text.size() && u.size() < 12;) u += utf8_next(text, i);
  size_t k = 0;
  const bool open = k < u.size() && (is_open(u[k]) || u[k] == U'（' || u[k] == '(');
  if (open) ++k;
  const size_t digits_from = k;
  while (k < u.size() && is_digit(u[k])) ++k;
  if (k == digits_from || k >= u.size()) return 0;
  if (open) {
    if (!(is_close(u[k]) || u[k] == U'）' || u[k] == ')')) return 0;
    ++k;
  } else if (u[k] == '.' || u[k] == U'．' || u[k] == U'、') {
    ++k;
    if (u[k - 1] == '.' && k < u.size() && is_digit(u[k])) return 0;  // 1.5亿
  } else {
    return 0;
  }
  while (k < u.size() && (u[k] == ' ' || u[k] == U'\u3000' || u[k] == '\t')) ++k;
  return k;
}

}  // namespace

bool is_references_heading(std::string_view text) {
  std::string t = squeezed(text);
  for (std::string_view colon : {"：", ":"})
    if (t.ends_with(colon)) t.resize(t.size() - colon.size());
  for (std::string_view open : {"【", "["})
    if (t.starts_with(open)) t.erase(0, open.size());
  for (std::string_view close : {"】", "]"})
    if (t.ends_with(close)) t.resize(t.size() - close.size());
  static constexpr std::array<std::string_view, 9> kNames{"参考文献",   "主要参考文献", "参考资料",
                                                          "参考书目",   "引用文献",     "References",
                                                          "REFERENCES", "Bibliography", "参考文献资料"};
  for (auto n : kNames)
    if (t == n) return true;
  return false;
}

std::vector<model::Reference> read_references(std::vector<Item>& items, size_t heading, size_t end, ImportLog& log) {
  std::vector<model::Reference> refs;
  for (size_t k = heading + 1; k < end; ++k) {
    Item& it = items[k];
    if (!it.para()) {
      log.warn(it.index(), "docx.references-table");
    }
    model::Inlines content = it.content;
    if (Table* t = it.table()) {
      for (auto& row : t->rows)
        for (auto& cell : row.cells)
          for (auto& p : cell.paras)
            for (auto& n : p.content) content.push_back(n);
    }
    if (const size_t skip = entry_number_chars(it.text)) drop_leading(content, skip);
    trim_blanks(content);
    prune(content);
    it.role = Item::Role::Reference;
    if (content.empty()) continue;
    model::Reference r;
    r.id = "r" + std::to_string(refs.size() + 1);
    r.content = std::move(content);
    r.pos = {it.index(), 0};
    refs.push_back(std::move(r));
  }
  log.note(items[heading].index(), "docx.references", {{"count", refs.size()}});
  return refs;
}

void link_citations(model::Outcome& out, ImportLog& log) {
  if (out.references.empty()) return;
  Linker l{static_cast<int>(out.references.size())};
  l.blocks(out.body);
  if (out.abstract) l.walk(*out.abstract);
  if (l.count > 0) log.note(l.first_paragraph, "docx.citations", {{"count", l.count}});
}

}  // namespace banshi::docx
