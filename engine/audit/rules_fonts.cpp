// The fonts: embedded as subsets, no Type 3 fonts for text, and text that
// copies out as the characters it shows.
#include <map>
#include <set>

#include "audit/rules.h"

namespace banshi::audit {

namespace {

// Fonts that draw visible glyphs, with the pages they are used on.
std::map<uint16_t, std::vector<int>> fonts_in_use(const Analysis& a) {
  std::map<uint16_t, std::vector<int>> used;
  for (const Page& p : a.pages)
    for (const Glyph& g : p.glyphs)
      if (!g.invisible) {
        auto& pages = used[g.font];
        if (pages.empty() || pages.back() != p.seq) pages.push_back(p.seq);
      }
  return used;
}

}  // namespace

Finding rule_fonts_embedded(const Analysis& a) {
  const char* id = "fonts.embedded";
  const auto used = fonts_in_use(a);
  std::vector<int> pages;
  std::vector<Text> details;
  std::set<std::string> named;
  int checked = 0;
  for (const auto& [font, on] : used) {
    const FontInfo& f = a.raw->fonts[font];
    if (f.type3) continue;  // fonts.type3's matter
    ++checked;
    const char* what = !f.embedded ? "audit.fonts.embedded.missing"
                       : !f.subset ? "audit.fonts.embedded.whole"
                                   : nullptr;
    if (!what || !named.insert(f.name + what).second) continue;
    pages.insert(pages.end(), on.begin(), on.end());
    details.push_back(Text(what).arg("font", f.name).arg("page_list", [&] {
      std::string s;
      for (int p : on) s += (s.empty() ? "" : ",") + std::to_string(p);
      return s;
    }()));
  }
  if (checked == 0) return make(id, Verdict::NotApplicable, Text("audit.fonts.none"));
  if (details.empty())
    return make(id, Verdict::Pass, Text("audit.fonts.embedded.pass").arg("count", std::to_string(checked)));
  Finding f =
      make(id, Verdict::Fail, Text("audit.fonts.embedded.fail").arg("count", std::to_string(details.size())), pages);
  f.details = std::move(details);
  return f;
}

Finding rule_fonts_type3(const Analysis& a) {
  const char* id = "fonts.type3";
  std::map<uint16_t, std::pair<int, std::vector<int>>> t3;  // font → glyphs, pages
  for (const Page& p : a.pages)
    for (const Glyph& g : p.glyphs) {
      if (g.invisible || !a.raw->fonts[g.font].type3) continue;
      auto& [n, pages] = t3[g.font];
      ++n;
      if (pages.empty() || pages.back() != p.seq) pages.push_back(p.seq);
    }
  if (t3.empty()) return make(id, Verdict::Pass, Text("audit.fonts.type3.pass"));
  std::vector<int> pages;
  std::vector<Text> details;
  for (const auto& [font, use] : t3) {
    pages.insert(pages.end(), use.second.begin(), use.second.end());
    details.push_back(
        Text("audit.fonts.type3.font").arg("font", a.raw->fonts[font].name).arg("glyphs", std::to_string(use.first)));
  }
  Finding f = make(id, Verdict::Fail, Text("audit.fonts.type3.fail").arg("count", std::to_string(t3.size())), pages);
  f.details = std::move(details);
  return f;
}

Finding rule_text_extractable(const Analysis& a) {
  const char* id = "text.extractable";
  const double max = tol(a, id, "unmapped-max");
  auto unmapped = [](char32_t c) {
    return c == 0xFFFD || c == 0 || (c < 0x20 && c != '\t') || (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000;
  };
  long total = 0, bad = 0;
  std::vector<int> pages;
  std::vector<Text> details;
  for (const Page& p : a.pages) {
    long n = 0;
    for (const Glyph& g : p.glyphs) {
      ++total;
      n += unmapped(g.cp);
    }
    if (n == 0) continue;
    bad += n;
    pages.push_back(p.seq);
    if (details.size() < 10)
      details.push_back(
          Text("audit.text.extractable.page").arg("page", std::to_string(p.seq)).arg("count", std::to_string(n)));
  }
  if (total == 0) return make(id, Verdict::Fail, Text("audit.text.extractable.none"));
  if (static_cast<double>(bad) <= max)
    return make(id, Verdict::Pass, Text("audit.text.extractable.pass").arg("glyphs", std::to_string(total)));
  Finding f =
      make(id, Verdict::Fail,
           Text("audit.text.extractable.fail").arg("count", std::to_string(bad)).arg("glyphs", std::to_string(total)),
           pages);
  f.details = std::move(details);
  return f;
}

}  // namespace banshi::audit
