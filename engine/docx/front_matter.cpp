// The start of the outcome: its title (the Title style, or a first line set
// apart — centred, large or bold), a subtitle (——…), the author lines
// (课题负责人：胡明), 摘要 and 关键词.
#include <array>

#include "docx/inline_edit.h"
#include "docx/structure.h"
#include "util/utf8.h"

namespace banshi::docx {

namespace {

using R = Item::Role;

bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

bool is_cjk_ideograph(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == U'·'; }

// The characters a label takes at the start of `text` — brackets, the label
// itself with any blanks inside it ("摘 要"), a colon and blanks after — or
// 0 when `text` does not start with one of `labels`.
size_t label_prefix(std::string_view text, std::initializer_list<std::u32string_view> labels) {
  std::u32string chars;
  for (size_t i = 0; i < text.size() && chars.size() < 40;) chars += utf8_next(text, i);
  size_t k = 0;
  auto skip_blanks = [&] {
    while (k < chars.size() && is_blank(chars[k])) ++k;
  };
  skip_blanks();
  const bool bracket =
      k < chars.size() && std::u32string_view(U"【[〔［(（").find(chars[k]) != std::u32string_view::npos;
  if (bracket) ++k;
  skip_blanks();
  for (const auto& label : labels) {
    size_t j = k, m = 0;
    while (j < chars.size() && m < label.size()) {
      if (is_blank(chars[j])) {
        ++j;
        continue;
      }
      if (chars[j] != label[m]) break;
      ++j;
      ++m;
    }
    if (m != label.size()) continue;
    size_t e = j;
    while (e < chars.size() && is_blank(chars[e])) ++e;
    if (bracket) {
      if (e >= chars.size() || std::u32string_view(U"】]〕］)）").find(chars[e]) == std::u32string_view::npos) continue;
      ++e;
    }
    while (e < chars.size() && is_blank(chars[e])) ++e;
    if (e < chars.size() && (chars[e] == U'：' || chars[e] == U':')) ++e;
    else if (!bracket && e == j && e < chars.size()) continue;  // "摘要了…" is not a label
    while (e < chars.size() && is_blank(chars[e])) ++e;
    return e;
  }
  return 0;
}

bool ends_sentence(std::string_view text) {
  return text.ends_with("。") || text.ends_with("；") || text.ends_with("！") || text.ends_with("？");
}

// Splits names or keywords at 、，,；; (or at blanks when there is none of those).
std::vector<std::string> split_list(std::string_view text) {
  std::u32string_view seps = U"、，,；;";
  bool has_sep = false;
  for (size_t i = 0; i < text.size();)
    if (seps.find(utf8_next(text, i)) != std::u32string_view::npos) has_sep = true;
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    while (!cur.empty() && cur.back() == ' ') cur.pop_back();
    if (cur.ends_with("。")) cur.resize(cur.size() - 3);
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < text.size();) {
    const char32_t c = utf8_next(text, i);
    if (seps.find(c) != std::u32string_view::npos || (!has_sep && is_blank(c))) {
      flush();
    } else if (is_blank(c)) {
      if (!cur.empty()) cur += ' ';
    } else {
      utf8_append(cur, c);
    }
  }
  flush();
  return out;
}

// A person's name: two to four ideographs (a few more for names with ·).
bool looks_like_name(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n)
    if (!is_cjk_ideograph(utf8_next(s, i))) return false;
  return n >= 2 && n <= 8;
}

constexpr std::array<std::string_view, 17> kRoleWords{"负责人", "主持人", "参与者", "参与人",   "参与人员", "成员",
                                                      "组员",   "作者",   "执笔",   "执笔人",   "撰稿",     "撰稿人",
                                                      "组长",   "副组长", "课题组", "研究人员", "著"};

// "课题负责人：胡明" → role and names; a line of names alone → "" and names.
bool parse_author_line(std::string_view text, bool centred, std::vector<model::Author>& out, model::Pos pos) {
  const size_t colon = std::min(text.find("："), text.find(":"));
  if (colon != std::string_view::npos && utf8_count(text.substr(0, colon)) <= 10) {
    std::string role(text.substr(0, colon));
    while (!role.empty() && role.back() == ' ') role.pop_back();
    bool known = false;
    for (auto w : kRoleWords) known = known || role.ends_with(w);
    if (!known) return false;
    const auto names = split_list(text.substr(colon + (text.substr(colon).starts_with("：") ? 3 : 1)));
    if (names.empty()) return false;
    for (const auto& n : names) out.push_back({role, n, pos});
    return true;
  }
  if (!centred) return false;
  const auto names = split_list(text);
  if (names.empty() || names.size() > 12) return false;
  for (const auto& n : names)
    if (!looks_like_name(n)) return false;
  for (const auto& n : names) out.push_back({"", n, pos});
  return true;
}

// （中共巴中市委党校，四川 巴中 636000）: where the authors work.
bool looks_like_affiliation(std::string_view text, bool centred) {
  if (!centred || utf8_count(text) > 60) return false;
  const bool parens =
      (text.starts_with("（") && text.ends_with("）")) || (text.starts_with("(") && text.ends_with(")"));
  for (std::string_view w : {"大学", "学院", "党校", "研究院", "研究所", "研究中心", "委员会", "单位", "学校", "政府"})
    if (text.find(w) != std::string_view::npos) return true;
  return parens;
}

std::string strip_parens(std::string s) {
  for (std::string_view open : {"（", "("})
    if (s.starts_with(open)) s.erase(0, open.size());
  for (std::string_view close : {"）", ")"})
    if (s.ends_with(close)) s.resize(s.size() - close.size());
  return s;
}

}  // namespace

size_t read_front_matter(std::vector<Item>& items, model::Outcome& out, const StructureInput& in) {
  size_t i = 0;
  const size_t n = items.size();

  // ---- the title
  bool titled = false;
  if (i < n && items[i].para()) {
    Item& it = items[i];
    const Para& p = *it.para();
    const size_t chars = utf8_count(it.text);
    const bool centred = p.props.align == Align::Center;
    const bool large = p.max_half_points >= 36;  // 18 pt and up: larger than any body text
    const bool numbered = typed_number(it.text).has_value() || (p.number && !p.number->label.empty());
    if (p.role == StyleRole::Title) {
      titled = true;
    } else if (chars > 0 && chars <= 80 && !ends_sentence(it.text) && !numbered && !is_references_heading(it.text)) {
      titled = true;
      if (centred) in.log.note(p.index, "docx.title-centred");
      else if (large) in.log.note(p.index, "docx.title-large");
      else if (p.all_bold && p.role != StyleRole::Heading) in.log.note(p.index, "docx.title-bold");
      else titled = false;
    }
    if (titled) {
      out.title = unwrap(it.content, model::InlineKind::Bold);
      out.title_pos = {p.index, 0};
      it.role = R::Title;
      ++i;
    }
  }
  if (!titled) {
    model::Inline t;
    t.kind = model::InlineKind::Text;
    t.text = in.fallback_title;
    out.title = {std::move(t)};
    in.log.warn(0, "docx.no-title", {{"title", in.fallback_title}});
  }

  // ---- a subtitle: ——以巴中为例
  if (titled && i < n && items[i].para()) {
    Item& it = items[i];
    const Para& p = *it.para();
    if (p.role == StyleRole::Subtitle || ((it.text.starts_with("——") || it.text.starts_with("—")) &&
                                          p.props.align == Align::Center && utf8_count(it.text) <= 60)) {
      model::Inline br;
      br.kind = model::InlineKind::LineBreak;
      br.pos = {p.index, 0};
      out.title.push_back(std::move(br));
      for (auto& x : unwrap(it.content, model::InlineKind::Bold)) out.title.push_back(std::move(x));
      in.log.note(p.index, "docx.subtitle");
      it.role = R::Subtitle;
      ++i;
    }
  }

  // ---- author lines and where they work
  for (int lines = 0; i < n && items[i].para() && lines < 8; ++lines) {
    Item& it = items[i];
    const Para& p = *it.para();
    const bool centred = p.props.align == Align::Center || p.props.align == Align::Right;
    if (utf8_count(it.text) > 60 || ends_sentence(it.text)) break;
    const model::Pos pos{p.index, 0};
    if (parse_author_line(it.text, centred, out.authors, pos)) {
      in.log.note(p.index, "docx.author-line");
    } else if (!out.authors.empty() && looks_like_affiliation(it.text, centred)) {
      out.authors.push_back({"单位", strip_parens(it.text), pos});
      in.log.note(p.index, "docx.affiliation");
    } else {
      break;
    }
    it.role = R::Author;
    ++i;
  }

  // ---- 摘要 and 关键词, in either order
  for (int rounds = 0; i < n && items[i].para() && rounds < 4; ++rounds) {
    Item& it = items[i];
    const Para& p = *it.para();
    if (const size_t k = label_prefix(it.text, {U"内容摘要", U"内容提要", U"摘要", U"提要"}); k > 0 && !out.abstract) {
      model::Inlines text = it.content;
      drop_leading(text, k);
      trim_blanks(text);
      it.role = R::Abstract;
      out.abstract_pos = {p.index, 0};
      ++i;
      if (text.empty()) {
        // The label on a line of its own: the abstract is what follows, up
        // to 关键词 or a heading.
        while (i < n && items[i].para() && !label_prefix(items[i].text, {U"关键词", U"关键字", U"主题词"}) &&
               !typed_number(items[i].text) && items[i].para()->role != StyleRole::Heading &&
               items[i].para()->props.outline_level.value_or(9) >= 9) {
          if (!text.empty()) {
            model::Inline br;
            br.kind = model::InlineKind::LineBreak;
            br.pos = {items[i].index(), 0};
            text.push_back(std::move(br));
          }
          for (auto& x : items[i].content) text.push_back(x);
          items[i].role = R::Abstract;
          ++i;
        }
      }
      out.abstract = std::move(text);
      in.log.note(p.index, "docx.abstract");
      continue;
    }
    if (const size_t k = label_prefix(it.text, {U"关键词", U"关键字", U"主题词"}); k > 0 && out.keywords.empty()) {
      size_t bytes = 0;
      for (size_t c = 0; c < k && bytes < it.text.size(); ++c) utf8_next(it.text, bytes);
      out.keywords = split_list(it.text.substr(bytes));
      out.keywords_pos = {p.index, 0};
      it.role = R::Keywords;
      in.log.note(p.index, "docx.keywords", {{"count", out.keywords.size()}});
      ++i;
      continue;
    }
    break;
  }
  return i;
}

}  // namespace banshi::docx
