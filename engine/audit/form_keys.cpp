#include "audit/form_keys.h"

#include "audit/analysis.h"
#include "util/utf8.h"

namespace banshi::audit {

std::u32string normalised(const std::string& text) {
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = utf8_next(text, i);
    if (!is_space(c)) out += c;
  }
  return out;
}

namespace {

// The longest piece of `text` between placeholders ({project.id}, {box …}).
std::u32string key_of(const std::string& text) {
  std::u32string best, cur;
  const std::u32string t = normalised(text);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == U'{') {
      if (cur.size() > best.size()) best = cur;
      cur.clear();
      const size_t close = t.find(U'}', i);
      if (close == std::u32string::npos) break;
      i = close;
      continue;
    }
    cur += t[i];
  }
  if (cur.size() > best.size()) best = cur;
  // Boxes, colons and the like at the ends are not words.
  while (!best.empty() && !is_han(best.back())) best.pop_back();
  while (!best.empty() && !is_han(best.front())) best.erase(best.begin());
  return best;
}

// `size`: the size the words are printed at; the page is named by its
// largest words (声明, 结项申请书).
void add(FormPageKeys& page, const std::string& text, double size, double& title_size) {
  std::u32string k = key_of(text);
  if (k.size() < 2) return;
  if (page.title.empty() || size > title_size) {
    page.title = k;
    title_size = size;
  }
  page.keys.push_back(std::move(k));
}

double size_of(const Template& tpl, const std::string& style) {
  auto it = tpl.styles.find(style);
  return it == tpl.styles.end() ? 0 : it->second.size;
}

}  // namespace

std::vector<FormPageKeys> form_page_keys(const Template& tpl) {
  std::vector<FormPageKeys> out;
  for (const FrontPage& fp : tpl.front) {
    FormPageKeys page;
    double title_size = 0;
    for (const FormItem& item : fp.items) {
      if (auto* t = std::get_if<FormText>(&item)) add(page, t->text, size_of(tpl, t->style), title_size);
      else if (auto* f = std::get_if<FormFields>(&item))
        for (const auto& field : f->fields) add(page, field.label, size_of(tpl, f->style), title_size);
      else if (auto* b = std::get_if<FormBox>(&item)) {
        for (const auto& p : b->top) add(page, p.text, size_of(tpl, p.style), title_size);
        for (const auto& p : b->bottom) add(page, p.text, size_of(tpl, p.style), title_size);
      } else if (auto* tab = std::get_if<FormTable>(&item)) {
        for (const auto& row : tab->rows)
          for (const auto& cell : row.cells)
            if (cell.header) add(page, cell.text, size_of(tpl, tab->header_style), title_size);
      }
    }
    out.push_back(std::move(page));
  }
  return out;
}

std::vector<std::u32string> cover_field_labels(const Template& tpl) {
  std::vector<std::u32string> out;
  for (const FrontPage& fp : tpl.front)
    for (const FormItem& item : fp.items)
      if (auto* f = std::get_if<FormFields>(&item))
        for (const auto& field : f->fields) out.push_back(normalised(field.label));
  return out;
}

}  // namespace banshi::audit
