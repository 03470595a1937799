// The 结项申请书 form: its pages present and in the template's order, and
// the cover's fields filled in.
#include <algorithm>

#include "audit/form_keys.h"
#include "audit/rules.h"

namespace banshi::audit {

Finding rule_form_pages(const Analysis& a) {
  const char* id = "form.pages";
  const auto keys = form_page_keys(*a.tpl);
  if (keys.empty()) return make(id, Verdict::NotApplicable, Text("audit.form.outcome-only"));
  std::vector<int> bad;
  std::vector<Text> details;
  int found = 0, last_page = 0;
  for (const FormMatch& m : a.form_pages) {
    const std::string title = utf8(keys[m.front].title);
    if (m.page == 0) {
      details.push_back(Text("audit.form.missing").arg("name", title));
      continue;
    }
    ++found;
    if (m.page < last_page) {
      bad.push_back(m.page);
      details.push_back(Text("audit.form.order").arg("name", title).arg("page", std::to_string(m.page)));
    }
    last_page = std::max(last_page, m.page);
  }
  const bool ok = details.empty();
  Text m = Text(ok ? "audit.form.pages.pass" : "audit.form.pages.fail")
               .arg("found", std::to_string(found))
               .arg("total", std::to_string(keys.size()));
  Finding f = make(id, ok ? Verdict::Pass : Verdict::Fail, m, bad);
  f.details = std::move(details);
  return f;
}

Finding rule_form_cover(const Analysis& a) {
  const char* id = "form.cover";
  const auto labels = cover_field_labels(*a.tpl);
  if (labels.empty()) return make(id, Verdict::NotApplicable, Text("audit.form.outcome-only"));
  // The cover: the front page that has the fields.
  size_t cover_front = 0;
  for (size_t i = 0; i < a.tpl->front.size(); ++i)
    for (const auto& item : a.tpl->front[i].items)
      if (std::holds_alternative<FormFields>(item)) cover_front = i;
  int cover = 0;
  for (const FormMatch& m : a.form_pages)
    if (m.front == cover_front) cover = m.page;
  if (cover == 0) return make(id, Verdict::Fail, Text("audit.form.no-cover"));
  const Page* page = nullptr;
  for (const Page& p : a.pages)
    if (p.seq == cover) page = &p;
  std::vector<Text> details;
  int filled = 0;
  for (const auto& label : labels) {
    const Line* line = nullptr;
    size_t at = 0;
    for (const Line& l : page->lines)
      if ((at = l.text.find(label)) != std::u32string::npos) {
        line = &l;
        break;
      }
    if (!line) {
      details.push_back(Text("audit.form.field-missing").arg("field", utf8(label)));
      continue;
    }
    std::u32string value = line->text.substr(at + label.size());
    while (!value.empty() && (value.front() == U'：' || value.front() == ':' || value.front() == '_'))
      value.erase(0, 1);
    // A date not filled in prints its blanks: 年　月　日.
    const bool blank = std::all_of(value.begin(), value.end(),
                                   [](char32_t c) { return c == U'年' || c == U'月' || c == U'日' || c == '_'; });
    if (blank) details.push_back(Text("audit.form.field-empty").arg("field", utf8(label)));
    else ++filled;
  }
  const bool ok = details.empty();
  Finding f = make(id, ok ? Verdict::Pass : Verdict::Fail,
                   Text("audit.form.cover.measured")
                       .arg("filled", std::to_string(filled))
                       .arg("total", std::to_string(labels.size())),
                   ok ? std::vector<int>{} : std::vector<int>{cover});
  f.details = std::move(details);
  return f;
}

}  // namespace banshi::audit
