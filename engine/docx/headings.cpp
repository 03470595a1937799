#include "docx/headings.h"

#include "docx/inline_edit.h"
#include "util/utf8.h"
#include "xml/heading_number.h"

namespace banshi::docx {

namespace {

using model::InlineKind;
using model::Inlines;

// A typed heading is a short line: headings in the samples run to 30
// characters; 60 leaves room and stays far from a body paragraph.
constexpr size_t kMaxHeadingChars = 60;
// A run-in heading's own words ("培育新型人才") before its full stop.
constexpr size_t kMaxRunInChars = 40;

bool is_chinese_numeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百零〇").find(c) != std::u32string_view::npos;
}

bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

// Ends like a sentence, not like a heading.
bool ends_sentence(std::string_view text) {
  size_t i = text.size();
  while (i > 0) {
    size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t k = start;
    const char32_t c = utf8_next(text, k);
    if (is_blank(c)) {
      i = start;
      continue;
    }
    return std::u32string_view(U"。；;！？!?，,、").find(c) != std::u32string_view::npos;
  }
  return false;
}

// Every visible character of `in` is inside a <b>.
bool all_bold(const Inlines& in, bool bold = false) {
  for (const auto& n : in) {
    switch (n.kind) {
      case InlineKind::Text: {
        if (bold) break;
        size_t i = 0;
        while (i < n.text.size())
          if (!is_blank(utf8_next(n.text, i))) return false;
        break;
      }
      case InlineKind::Footnote:
      case InlineKind::Cite:
      case InlineKind::LineBreak: break;
      default:
        if (!all_bold(n.children, bold || n.kind == InlineKind::Bold)) return false;
    }
  }
  return true;
}

bool any_text(const Inlines& in) {
  const std::string t = visible_text(in);
  size_t i = 0;
  while (i < t.size())
    if (!is_blank(utf8_next(t, i))) return true;
  return false;
}

// Characters of `number` plus the blanks that follow it in `text`.
size_t number_chars(std::string_view text, std::string_view number) {
  size_t n = char_count(number);
  size_t i = number.size();
  while (i < text.size()) {
    size_t j = i;
    if (!is_blank(utf8_next(text, j))) break;
    i = j;
    ++n;
  }
  return n;
}

// The first full stop (。 ． . ：) after `from` characters, within the run-in
// limit: its character offset, or 0.
size_t sentence_end(std::string_view text, size_t from) {
  size_t i = 0, n = 0;
  while (i < text.size() && n <= from + kMaxRunInChars) {
    const char32_t c = utf8_next(text, i);
    if (n > from && (c == U'。' || c == U'：' || c == U':')) return n;
    ++n;
  }
  return 0;
}

}  // namespace

bool is_heading_face(std::string_view font) {
  std::string f;
  for (char c : font) f += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (std::string_view k : {"黑体", "楷体", "simhei", "heiti", "kaiti", "stkaiti", "stheiti", "微软雅黑", "yahei"})
    if (f.find(k) != std::string::npos) return true;
  return false;
}

std::optional<std::string> typed_number(std::string_view text) {
  if (auto n = xml::leading_heading_number(text)) return n;
  // 第一章 第二节 第三部分 第4章
  if (!text.starts_with("第")) return std::nullopt;
  size_t i = std::string_view("第").size(), count = 0;
  while (i < text.size()) {
    size_t j = i;
    const char32_t c = utf8_next(text, j);
    if (!is_chinese_numeral(c) && !(c >= '0' && c <= '9')) break;
    i = j;
    ++count;
  }
  if (count == 0) return std::nullopt;
  for (std::string_view unit : {"章", "节", "部分", "篇"})
    if (text.substr(i).starts_with(unit)) return std::string(text.substr(0, i + unit.size()));
  return std::nullopt;
}

int scheme_depth(std::string_view number) {
  if (number.empty()) return 0;
  if (number.starts_with("第")) return number.ends_with("节") ? 2 : 1;
  size_t i = 0;
  char32_t first = utf8_next(number, i);
  const bool paren = first == U'（' || first == U'(';
  if (paren) first = i < number.size() ? utf8_next(number, i) : 0;
  const bool chinese = is_chinese_numeral(first);
  if (paren) return chinese ? 2 : 4;
  return chinese ? 1 : 3;
}

HeadingGuess guess_heading(const Para& p, const Inlines& content) {
  HeadingGuess g;
  const std::string text = visible_text(content);
  if (auto n = typed_number(text)) {
    g.typed = *n;
    g.typed_chars = number_chars(text, *n);
    g.typed_depth = scheme_depth(*n);
  }
  if (p.number && !p.number->bullet && !p.number->label.empty()) {
    g.generated = p.number->label;
    if (auto n = typed_number(p.number->label)) g.generated_depth = scheme_depth(*n);
  }

  // 1. and 2.: outline levels, the paragraph's own before its style's.
  if (p.props.outline_level) {
    const int lvl = *p.props.outline_level;
    if (lvl >= 9) return g;  // explicitly body text
    if (lvl >= 0) {
      g.level = lvl + 1;
      g.evidence = p.direct_outline ? HeadingEvidence::ParagraphOutline : HeadingEvidence::StyleOutline;
      return g;
    }
  }
  // 3. the style's name.
  if (p.role == StyleRole::Heading && p.style_heading_level > 0) {
    g.level = p.style_heading_level;
    g.evidence = HeadingEvidence::StyleName;
    return g;
  }

  const size_t chars = char_count(text);
  const bool short_line = chars > 0 && chars <= kMaxHeadingChars && !ends_sentence(text);
  const bool bold = all_bold(content);
  const bool face = is_heading_face(p.font);
  const bool formatted = bold || face;

  // A run-in heading: number, a short bold phrase up to its full stop, then
  // the paragraph in ordinary type.
  auto run_in = [&](size_t number_len, int depth, HeadingEvidence evidence, const std::string& number) {
    const size_t end = sentence_end(text, number_len);
    if (end == 0 || end <= number_len) return false;
    auto [head, rest] = split_at(content, end + 1);
    if (!all_bold(head) || all_bold(rest) || !any_text(rest)) return false;
    g.level = depth;
    g.evidence = evidence;
    g.run_in = true;
    g.heading_chars = end;
    g.body_from = end + 1;
    g.note = Message{"docx.heading-run-in", {{"number", number}}};
    return true;
  };

  // 4. Word's automatic numbering in the heading scheme.
  if (g.generated_depth > 0) {
    if (short_line && (formatted || g.generated_depth <= 2)) {
      g.level = g.generated_depth;
      g.evidence = HeadingEvidence::Numbering;
      g.note = Message{"docx.heading-numbered", {{"number", g.generated}}};
      return g;
    }
    if (run_in(0, g.generated_depth, HeadingEvidence::Numbering, g.generated)) return g;
  }
  // 5. a typed number with the formatting of a heading.
  if (g.typed_depth > 0) {
    const size_t rest = chars - std::min(chars, g.typed_chars);
    if (short_line && rest > 0 && (formatted || (g.typed_depth <= 2 && chars <= 30))) {
      g.level = g.typed_depth;
      g.evidence = HeadingEvidence::TypedNumber;
      g.note = bold   ? Message{"docx.heading-typed-bold", {{"number", g.typed}}}
               : face ? Message{"docx.heading-typed-face", {{"number", g.typed}, {"font", p.font}}}
                      : Message{"docx.heading-typed-line", {{"number", g.typed}}};
      return g;
    }
    if (run_in(g.typed_chars, g.typed_depth, HeadingEvidence::TypedNumber, g.typed)) return g;
  }
  return g;
}

}  // namespace banshi::docx
