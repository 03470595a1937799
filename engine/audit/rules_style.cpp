// Sizes and faces: the body, the title and the headings by level, against
// the template's styles. Judged on Han characters: digits and Latin
// letters come from a Latin font, as they should.
#include <algorithm>
#include <cmath>
#include <map>

#include "audit/rules.h"

namespace banshi::audit {

namespace {

// What a run of text is set in.
struct Tally {
  std::vector<double> sizes;
  std::map<std::string, int> faces;       // face id ("" unknown) → Han characters
  std::map<std::string, int> font_names;  // fonts the families table does not know
  int han = 0, bold_yes = 0, bold_no = 0, bold_unknown = 0;

  void add(const Analysis& a, const Glyph& g) {
    if (!is_han(g.cp)) return;
    ++han;
    sizes.push_back(g.size);
    const std::string& face = a.face_of(g);
    ++faces[face];
    if (face.empty()) ++font_names[a.faces[g.font].name];
    switch (a.bold_of(g)) {
      case Bold::Yes: ++bold_yes; break;
      case Bold::No: ++bold_no; break;
      case Bold::Unknown: ++bold_unknown; break;
    }
  }
  void add(const Tally& o) {
    sizes.insert(sizes.end(), o.sizes.begin(), o.sizes.end());
    for (const auto& [f, n] : o.faces) faces[f] += n;
    for (const auto& [f, n] : o.font_names) font_names[f] += n;
    han += o.han;
    bold_yes += o.bold_yes;
    bold_no += o.bold_no;
    bold_unknown += o.bold_unknown;
  }
  double median_size() const {
    if (sizes.empty()) return 0;
    std::vector<double> v = sizes;
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
  }
  int in_face(const std::string& f) const {
    auto it = faces.find(f);
    return it == faces.end() ? 0 : it->second;
  }
  // The face most characters are in: its Chinese name, or for a font the
  // table does not know, the font's own name.
  std::string main_face(const Analysis& a) const {
    std::string best;
    int most = 0;
    for (const auto& [f, n] : faces)
      if (n > most) most = n, best = f;
    if (!best.empty()) return a.face_name(best);
    most = 0;
    for (const auto& [name, n] : font_names)
      if (n > most) most = n, best = name;
    return best;
  }
};

// The problems of one run of text (a heading, the title, a page of body)
// against the style it should have.
struct Problems {
  bool size = false, face = false, not_bold = false, bold_unknown = false;
  bool any() const { return size || face || not_bold; }
};

Problems judge(const Analysis& a, const std::string& rule, const TextStyle& want, const Tally& t) {
  Problems p;
  if (t.han == 0) return p;
  const double size_tol = tol(a, rule, "size-pt"), face_tol = tol(a, rule, "other-face-fraction");
  p.size = std::fabs(t.median_size() - want.size) > size_tol;
  p.face = 1.0 - static_cast<double>(t.in_face(want.face)) / t.han > face_tol;
  if (want.bold) {
    if (t.bold_no > t.bold_yes) p.not_bold = true;
    else if (t.bold_yes <= t.bold_no + t.bold_unknown) p.bold_unknown = true;
  }
  return p;
}

void describe(const Analysis& a, const TextStyle& want, const Tally& t, const Problems& pr, int page,
              const std::u32string& text, std::vector<Text>& details) {
  if (details.size() >= 12) return;
  auto add = [&](Text m) {
    m.arg("page", std::to_string(page)).arg("text", excerpt(text));
    details.push_back(std::move(m));
  };
  if (pr.size) add(Text("audit.style.size").arg("size", fixed(t.median_size())).arg("expected", fixed(want.size)));
  if (pr.face) add(Text("audit.style.face").arg("face", t.main_face(a)).arg("expected", a.face_name(want.face)));
  if (pr.not_bold) add(Text("audit.style.not-bold").arg("face", t.main_face(a)));
}

Text style_measured(const Analysis& a, const char* code, const Tally& t, const TextStyle& want, int count) {
  return Text(code)
      .arg("count", std::to_string(count))
      .arg("size", fixed(t.median_size()))
      .arg("face", t.main_face(a))
      .word("bold", t.bold_yes > t.bold_no + t.bold_unknown ? "audit.word.bold" : "")
      .arg("expected_size", fixed(want.size))
      .arg("expected_face", a.face_name(want.face))
      .word("expected_bold", want.bold ? "audit.word.bold" : "");
}

}  // namespace

Finding rule_body_style(const Analysis& a) {
  const std::string id = "body.style";
  const TextStyle& want = a.tpl->style("body");
  Tally all;
  std::map<int, Tally> by_page;
  for (const Page& p : a.pages) {
    if (!p.outcome) continue;
    for (const Line& l : p.lines) {
      if (!(l.role == Role::Body || (l.role == Role::Heading && l.head < l.glyphs.size()))) continue;
      for (size_t k = l.head; k < l.glyphs.size(); ++k) by_page[p.seq].add(a, p.glyphs[l.glyphs[k]]);
    }
  }
  for (const auto& [page, t] : by_page) all.add(t);
  if (all.han == 0) return make(id, Verdict::Fail, Text("audit.body.none"));

  // The whole body against the style, then page by page to say where.
  const Problems whole = judge(a, id, want, all);
  std::vector<int> pages;
  std::vector<Text> details;
  for (const auto& [page, t] : by_page) {
    const Problems pr = judge(a, id, want, t);
    if (!pr.any()) continue;
    pages.push_back(page);
    std::u32string none;
    describe(a, want, t, pr, page, none, details);
  }
  const bool ok = !whole.any() && pages.empty();
  Finding f =
      make(id, ok ? Verdict::Pass : Verdict::Fail, style_measured(a, "audit.body.measured", all, want, all.han), pages);
  f.details = std::move(details);
  return f;
}

Finding rule_title_style(const Analysis& a) {
  const std::string id = "title.style";
  const TextStyle& want = a.tpl->style("title");
  Tally t;
  int page = 0;
  std::u32string text;
  for (const Page& p : a.pages)
    for (const Line& l : p.lines) {
      if (l.role != Role::Title) continue;
      page = p.seq;
      text += l.text;
      for (uint32_t i : l.glyphs) t.add(a, p.glyphs[i]);
    }
  if (page == 0) return make(id, Verdict::Fail, Text("audit.title.none"), {a.outcome_first_page});
  const Problems pr = judge(a, id, want, t);
  Finding f = make(id, pr.any() ? Verdict::Fail : Verdict::Pass,
                   style_measured(a, "audit.title.measured", t, want, 1).arg("text", excerpt(text, 20)),
                   pr.any() ? std::vector<int>{page} : std::vector<int>{});
  describe(a, want, t, pr, page, text, f.details);
  return f;
}

Finding rule_heading_style(const Analysis& a, int level) {
  const std::string id = "heading" + std::to_string(level) + ".style";
  const NumberingLevel* n = a.tpl->level(level);
  if (!n) return make(id, Verdict::NotApplicable, Text("audit.heading.no-level"));
  const TextStyle& want = a.tpl->style(n->style);
  Tally all;
  int count = 0;
  bool unknown = false;
  std::vector<int> pages;
  std::vector<Text> details;
  for (const Page& p : a.pages) {
    for (size_t k = 0; k < p.lines.size(); ++k) {
      const Line& l = p.lines[k];
      if (l.role != Role::Heading || !l.numbered || l.level != level || !l.para_start) continue;
      // The heading and the lines it goes on to.
      Tally t;
      std::u32string text;
      for (size_t m = k; m < p.lines.size(); ++m) {
        const Line& part = p.lines[m];
        if (m > k && (part.role != Role::Heading || part.para_start || part.level != level)) break;
        for (size_t i = 0; i < part.head && i < part.glyphs.size(); ++i) t.add(a, p.glyphs[part.glyphs[i]]);
        text += part.text.substr(0, part.head);
      }
      ++count;
      all.add(t);
      const Problems pr = judge(a, id, want, t);
      unknown = unknown || pr.bold_unknown;
      if (!pr.any()) continue;
      pages.push_back(p.seq);
      describe(a, want, t, pr, p.seq, text, details);
    }
  }
  if (count == 0) return make(id, Verdict::NotApplicable, Text("audit.heading.none"));
  Verdict v = pages.empty() ? Verdict::Pass : Verdict::Fail;
  Text m = style_measured(a, "audit.heading.measured", all, want, count);
  if (v == Verdict::Pass && unknown) {
    v = Verdict::NotApplicable;
    m = style_measured(a, "audit.heading.bold-unknown", all, want, count);
  }
  Finding f = make(id, v, m, pages);
  f.details = std::move(details);
  return f;
}

}  // namespace banshi::audit
