// The document's structure: which pages are the form and where the outcome
// begins, the body's size and face, the title, the headings by their
// numbers (and styles), and the paragraphs of the body.
#include <algorithm>
#include <cmath>
#include <map>

#include "audit/analysis.h"
#include "audit/form_keys.h"
#include "audit/numbering.h"
#include "audit/page_parts.h"
#include "audit/sheets.h"
#include "audit/text_lines.h"
#include "para/char_class.h"
#include "util/units.h"

namespace banshi::audit {

Rect Analysis::block(int seq, bool mirror) const {
  const PageGeometry& g = tpl->page;
  const double left = (mirror && seq % 2 == 0) ? g.width - g.binding - g.text_width : g.binding;
  return {left, g.top, left + g.text_width, g.top + g.text_height};
}

std::string Analysis::face_name(const std::string& id) const {
  const FaceFamilies* f = families ? families->face(id) : nullptr;
  return f ? f->name : id;
}

Bold Analysis::bold_of(const Glyph& g) const {
  if (g.stroked && g.filled && g.stroke >= 0.01 * g.size) return Bold::Yes;  // text render mode 2
  if (g.overprint) return Bold::Yes;
  const FontInfo& f = raw->fonts[g.font];
  // An embedded font program says its own weight; its name is only a
  // label (WeasyPrint calls a regular face "FandolFang-Bold" when bold was
  // asked for and none exists, and prints it regular).
  if (f.embedded && !f.type3) return f.program_bold ? Bold::Yes : Bold::No;
  // Otherwise the name is all there is: bold when it says so, else unknown.
  if (f.bold || f.fake_bold || faces[g.font].bold_by_name) return Bold::Yes;
  return Bold::Unknown;
}

namespace {

bool bold_word(const std::string& normalised_rest) {
  for (const char* w : {"bold", "heavy", "black", "w7", "w8", "w9", "粗"})
    if (normalised_rest.find(w) != std::string::npos) return true;
  return false;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// The face most of a line's Han characters (from `from` on) are set in.
std::string line_face(const Analysis& a, const Page& p, const Line& l, size_t from = 0) {
  std::map<std::string, int> n;
  for (size_t k = from; k < l.glyphs.size(); ++k) {
    const Glyph& g = p.glyphs[l.glyphs[k]];
    if (is_han(g.cp)) ++n[a.face_of(g)];
  }
  std::string best;
  int most = 0;
  for (const auto& [face, c] : n)
    if (c > most) most = c, best = face;
  return best;
}

// Whether most of the line's Han characters are bold.
Bold line_bold(const Analysis& a, const Page& p, const Line& l, size_t from, size_t to) {
  int yes = 0, no = 0, unknown = 0;
  for (size_t k = from; k < to && k < l.glyphs.size(); ++k) {
    const Glyph& g = p.glyphs[l.glyphs[k]];
    if (!is_han(g.cp)) continue;
    switch (a.bold_of(g)) {
      case Bold::Yes: ++yes; break;
      case Bold::No: ++no; break;
      case Bold::Unknown: ++unknown; break;
    }
  }
  if (yes > no + unknown) return Bold::Yes;
  if (no > yes + unknown) return Bold::No;
  return yes + no + unknown == 0 ? Bold::No : Bold::Unknown;
}

// ---- the form ------------------------------------------------------------

void find_form(Analysis& a) {
  const auto keys = form_page_keys(*a.tpl);
  for (auto& p : a.pages) p.outcome = true;
  a.outcome_first_page = a.pages.empty() ? 0 : a.pages.front().seq;
  if (keys.empty()) return;

  std::vector<std::u32string> page_text(a.pages.size());
  for (size_t i = 0; i < a.pages.size(); ++i)
    for (const Line& l : a.pages[i].lines) page_text[i] += l.text;

  for (size_t f = 0; f < keys.size(); ++f) {
    FormMatch m;
    m.front = f;
    m.total = static_cast<int>(keys[f].keys.size());
    std::vector<int> weight(a.pages.size(), 0);
    for (const auto& key : keys[f].keys) {
      const std::u32string probe = key.substr(0, 14);
      bool found = false;
      for (size_t i = 0; i < a.pages.size(); ++i) {
        bool exact = false;
        for (const Line& l : a.pages[i].lines) exact = exact || l.text == key;
        if (exact) weight[i] += 2;
        else if (page_text[i].find(probe) != std::u32string::npos) weight[i] += 1;
        else continue;
        found = true;
      }
      m.found += found;
    }
    if (m.total > 0 && 2 * m.found >= m.total) {
      const auto best = std::max_element(weight.begin(), weight.end());
      if (*best > 0) m.page = a.pages[static_cast<size_t>(best - weight.begin())].seq;
    }
    a.form_pages.push_back(m);
  }
  const bool any = std::any_of(a.form_pages.begin(), a.form_pages.end(), [](const FormMatch& m) { return m.page > 0; });
  if (!any) return;
  a.form_found = true;

  // The outcome begins after the last front page's words (the 最终成果
  // divider, on the page the outcome starts on), else on the page after
  // the last form page found.
  const FormMatch& last = a.form_pages.back();
  int first_page = 0;
  size_t first_line = 0;
  if (last.page > 0 && !a.tpl->outcome_new_page) {
    first_page = last.page;
    for (const Page& p : a.pages) {
      if (p.seq != last.page) continue;
      for (size_t k = 0; k < p.lines.size(); ++k)
        for (const auto& key : keys.back().keys)
          if (p.lines[k].text == key || p.lines[k].text.find(key) != std::u32string::npos) first_line = k + 1;
    }
  } else {
    int last_form = 0;
    for (const auto& m : a.form_pages) last_form = std::max(last_form, m.page);
    first_page = last_form + 1;
  }
  a.outcome_first_page = first_page;
  a.outcome_first_line = first_line;
  for (Page& p : a.pages) {
    p.outcome = p.seq >= first_page;
    p.form = p.seq < first_page;
    for (size_t k = 0; k < p.lines.size(); ++k) {
      Line& l = p.lines[k];
      const bool before = p.seq < first_page || (p.seq == first_page && k < first_line);
      if (before && l.role != Role::Folio) l.role = Role::Form;
    }
  }
}

// ---- body, title, headings -----------------------------------------------

void find_body_style(Analysis& a) {
  std::map<std::pair<long, std::string>, size_t> count;
  std::map<long, size_t> sizes;
  for (const Page& p : a.pages) {
    if (!p.outcome) continue;
    for (const Line& l : p.lines) {
      if (l.role != Role::Unknown) continue;
      for (uint32_t i : l.glyphs) {
        const Glyph& g = p.glyphs[i];
        ++sizes[std::lround(g.size * 2)];
        if (is_han(g.cp)) ++count[{std::lround(g.size * 2), a.face_of(g)}];
      }
    }
  }
  size_t most = 0;
  for (const auto& [key, n] : count)
    if (n > most) most = n, a.body_size = static_cast<double>(key.first) / 2, a.body_face = key.second;
  if (most == 0) {
    for (const auto& [key, n] : sizes)
      if (n > most) most = n, a.body_size = static_cast<double>(key) / 2;
  }
  if (a.body_size <= 0) a.body_size = a.tpl->style("body").size;
}

void measure_left(Analysis& a) {
  for (Page& p : a.pages) {
    double left = 1e9;
    for (const Line& l : p.lines) {
      if (l.role != Role::Unknown || std::fabs(l.size - a.body_size) > 1 || l.glyphs.size() < 4) continue;
      left = std::min(left, l.x0);
    }
    p.left = left < 1e9 ? left : 0;
  }
}

double page_left(const Analysis& a, const Page& p) {
  if (p.left > 0) return p.left;
  return a.block(p.seq, false).x0;
}

double indent_of(const Analysis& a) {
  const TextStyle& body = a.tpl->style("body");
  // "2em" is two grid cells at the body size; the measured char pitch
  // (slightly under the size on the GB/T 9704 grid) is not known yet, so
  // the template's own cell: text width ÷ characters a line.
  return body.first_indent.em ? body.first_indent.value * a.tpl->page.char_pitch() : body.first_indent.value;
}

bool centred(const Analysis& a, const Page& p, const Line& l) {
  const double left = page_left(a, p), centre = left + a.tpl->page.text_width / 2;
  return std::fabs((l.x0 + l.x1) / 2 - centre) <= std::max(l.size, 8.0) &&
         l.x0 > left + l.size * 0.9;  // not a full line
}

void find_title(Analysis& a) {
  for (Page& p : a.pages) {
    if (p.seq != a.outcome_first_page) continue;
    size_t k = p.seq == a.outcome_first_page ? a.outcome_first_line : 0;
    while (k < p.lines.size() && p.lines[k].role != Role::Unknown) ++k;
    bool any = false;
    double last_y = 0, title_size = 0;
    for (; k < p.lines.size(); ++k) {
      Line& l = p.lines[k];
      if (l.role != Role::Unknown) continue;
      const bool larger = l.size >= a.body_size + 1.5;
      const bool other_face = line_face(a, p, l) != a.body_face;
      if (!any) {
        if (!(larger || (centred(a, p, l) && other_face))) break;
      } else if (std::fabs(l.size - title_size) > 0.6 || l.y - last_y > 2.2 * l.size) {
        break;
      }
      l.role = Role::Title;
      any = true;
      last_y = l.y;
      title_size = l.size;
    }
    if (!any) return;
    // Centred lines under it: authors, affiliation.
    for (; k < p.lines.size(); ++k) {
      Line& l = p.lines[k];
      if (l.role != Role::Unknown) continue;
      if (!centred(a, p, l) || l.text.rfind(U"摘要", 0) == 0) break;
      l.role = Role::Author;
    }
    return;
  }
}

bool is_list_marker(const std::u32string& t, size_t& len) {
  static const std::u32string bullets = U"•·●○■□◆◇▪-–—*";
  if (!t.empty() && bullets.find(t[0]) != std::u32string::npos) {
    len = 1;
    return true;
  }
  size_t i = 0;
  const bool paren = !t.empty() && (t[0] == U'（' || t[0] == U'(');
  if (paren) ++i;
  const size_t digits_from = i;
  while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || (t[i] >= 0xFF10 && t[i] <= 0xFF19))) ++i;
  if (i == digits_from) return false;
  if (paren) {
    if (i >= t.size() || (t[i] != U'）' && t[i] != U')')) return false;
  } else if (i >= t.size() || (t[i] != '.' && t[i] != U'．' && t[i] != U'、' && t[i] != ')' && t[i] != U'）')) {
    return false;
  }
  len = i + 1;
  return true;
}

// A line that starts with a list marker set apart from its text by a gap
// (an ordinary list: the number, a tab, the item) is not a heading.
bool list_item(const Page& p, const Line& l) {
  size_t len = 0;
  if (!is_list_marker(l.text, len) || len >= l.glyphs.size()) return false;
  const Glyph& last = p.glyphs[l.glyphs[len - 1]];
  const Glyph& next = p.glyphs[l.glyphs[len]];
  return next.x - last.right() >= 0.5 * l.size;
}

// The end of a run-in heading (after its 。) or label (after its ：), or
// where the Han characters change face, weight or size.
size_t run_end(const Analysis& a, const Page& p, const Line& l, size_t from, bool label = false) {
  const Glyph* first = nullptr;
  for (size_t k = from; k < l.glyphs.size(); ++k) {
    const Glyph& g = p.glyphs[l.glyphs[k]];
    if (g.cp == U'。' || (label && (g.cp == U'：' || g.cp == ':'))) return k + 1;
    if (!is_han(g.cp)) continue;
    if (!first) {
      first = &g;
      continue;
    }
    if (a.face_of(g) != a.face_of(*first) || a.bold_of(g) != a.bold_of(*first) || std::fabs(g.size - first->size) > 0.6)
      return k;
  }
  return l.glyphs.size();
}

bool same_style(const Analysis& a, const Page& p, const Line& x, const Line& y) {
  return std::fabs(x.size - y.size) <= 0.6 && line_face(a, p, x) == line_face(a, p, y) &&
         line_bold(a, p, x, 0, x.glyphs.size()) == line_bold(a, p, y, 0, y.glyphs.size());
}

void find_headings(Analysis& a) {
  const double indent = indent_of(a);
  const double width = a.tpl->page.text_width;
  for (Page& p : a.pages) {
    if (!p.outcome) continue;
    const double left = page_left(a, p), right = left + width;
    const Line* prev = nullptr;
    for (size_t k = 0; k < p.lines.size(); ++k) {
      Line& l = p.lines[k];
      if (l.role == Role::Folio || l.role == Role::Footnote || l.role == Role::Form) continue;
      const Line* before = prev;
      prev = &l;
      if (l.role != Role::Unknown) continue;
      const bool prev_ended = !before || before->role != Role::Unknown || before->x1 < right - l.size;
      const bool indented = std::fabs(l.x0 - (left + indent)) <= 0.5 * l.size;
      l.list_item = list_item(p, l);

      // 摘要：/关键词： labels run into their text.
      if (l.text.rfind(U"摘要", 0) == 0 || l.text.rfind(U"关键词", 0) == 0) {
        l.head = run_end(a, p, l, 0, true);
        if (l.head >= l.glyphs.size()) l.head = l.text.rfind(U"摘要", 0) == 0 ? 2 : 3;
        continue;
      }
      if (l.list_item || !(indented || prev_ended)) continue;
      int level = 0;
      size_t numlen = 0;
      for (const NumberingLevel& n : a.tpl->numbering) {
        numlen = match_numbering(n.format, l.text);
        if (numlen > 0) {
          level = n.depth;
          break;
        }
      }
      if (level == 0) continue;
      l.role = Role::Heading;
      l.level = level;
      l.numbered = true;
      l.para_start = true;
      l.head = run_end(a, p, l, numlen);
      // A heading that fills its line and ends without a stop goes on.
      for (size_t m = k + 1; l.head == l.glyphs.size() && m < p.lines.size(); ++m) {
        Line& next = p.lines[m];
        if (next.role != Role::Unknown || l.x1 < right - l.size || !same_style(a, p, l, next)) break;
        if (p.lines[m - 1].glyphs.empty() || l.text.back() == U'。') break;
        next.role = Role::Heading;
        next.level = level;
        next.numbered = true;
        next.head = run_end(a, p, next, 0);
        if (next.head < next.glyphs.size() || next.x1 < right - next.size) break;
      }
    }
  }
}

// A short line of its own in a heading's style (参考文献, 结语) is a
// heading: not ending in a stop, and not followed by more lines in its
// style (which would make it a paragraph, such as a quotation).
void find_plain_headings(Analysis& a) {
  const double width = a.tpl->page.text_width;
  for (Page& p : a.pages) {
    if (!p.outcome) continue;
    const double left = page_left(a, p), right = left + width;
    for (size_t k = 0; k < p.lines.size(); ++k) {
      Line& l = p.lines[k];
      if (l.role != Role::Unknown || l.head > 0 || l.list_item || l.x1 >= right - l.size) continue;
      if (std::fabs(l.size - a.body_size) > 3 || l.glyphs.size() > 30) continue;
      if (std::u32string_view(U"。！？；，、：").find(l.text.back()) != std::u32string_view::npos) continue;
      const Line* next = nullptr;
      for (size_t m = k + 1; m < p.lines.size() && !next; ++m)
        if (p.lines[m].role == Role::Unknown) next = &p.lines[m];
      if (next && next->y - l.y < 2 * l.size && same_style(a, p, l, *next)) continue;
      const std::string face = line_face(a, p, l);
      const Bold bold = line_bold(a, p, l, 0, l.glyphs.size());
      if (face == a.body_face && bold != Bold::Yes) continue;
      for (const NumberingLevel& n : a.tpl->numbering) {
        const TextStyle& s = a.tpl->style(n.style);
        if (s.face != face || std::fabs(s.size - l.size) > 0.6 || (s.bold != (bold == Bold::Yes))) continue;
        l.role = Role::Heading;
        l.level = n.depth;
        l.para_start = true;
        l.head = l.glyphs.size();
        break;
      }
    }
  }
}

// ---- paragraphs ------------------------------------------------------------

struct StreamItem {
  Page* page;
  Line* line;
};

bool body_like(const Line& l) {
  return l.role == Role::Body || l.role == Role::Quote || (l.role == Role::Heading && l.head < l.glyphs.size());
}

void find_paragraphs(Analysis& a) {
  const double indent = indent_of(a);
  std::vector<StreamItem> stream;
  for (Page& p : a.pages) {
    if (!p.outcome) continue;
    for (Line& l : p.lines) {
      if (l.role == Role::Folio || l.role == Role::Footnote || l.role == Role::Form) continue;
      if (l.role == Role::Unknown) l.role = std::fabs(l.size - a.body_size) <= 1.5 ? Role::Body : Role::Other;
      stream.push_back({&p, &l});
    }
  }
  auto starts = [&](size_t i) {
    const Line& l = *stream[i].line;
    if (l.role == Role::Heading) return l.para_start;  // as the heading search found it
    if (l.list_item) return true;
    if (i == 0 || !body_like(*stream[i - 1].line)) return true;
    const double left = page_left(a, *stream[i].page);
    if (std::fabs(l.x0 - (left + indent)) <= a.settings->analysis("indent-em") * l.size) return true;
    if (!l.text.empty() && l.text[0] == U'[' && std::fabs(l.x0 - left) <= 0.5 * l.size) return true;  // [1] …
    // A line that goes on from the one above starts at the left edge; one
    // set in (a quotation, a list's first line) or in another face starts
    // a paragraph of its own.
    const Line& above = *stream[i - 1].line;
    if (stream[i - 1].page == stream[i].page && l.x0 > left + 0.75 * l.size &&
        std::fabs(l.x0 - above.x0) > 0.5 * l.size && l.x0 - left > 0.75 * l.size)
      return true;
    if (line_face(a, *stream[i].page, l) != line_face(a, *stream[i - 1].page, above)) return true;
    return false;
  };
  for (size_t i = 0; i < stream.size(); ++i) {
    Line& l = *stream[i].line;
    if (!body_like(l)) continue;
    l.para_start = starts(i);
    l.para_end = i + 1 == stream.size() || !body_like(*stream[i + 1].line) || starts(i + 1);
  }

  // 引文: a whole paragraph in the face of the template's quote style.
  const TextStyle* quote = nullptr;
  if (auto it = a.tpl->styles.find("quote"); it != a.tpl->styles.end()) quote = &it->second;
  if (!quote || quote->face == a.body_face) return;
  for (size_t i = 0; i < stream.size();) {
    if (stream[i].line->role != Role::Body || !stream[i].line->para_start) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < stream.size() && stream[j].line->role == Role::Body && !stream[j].line->para_end) ++j;
    if (j == stream.size()) break;
    int quoted = 0, other = 0;
    for (size_t k = i; k <= j; ++k) {
      const std::string face = line_face(a, *stream[k].page, *stream[k].line);
      (face == quote->face ? quoted : other) += 1;
    }
    if (quoted > 0 && other == 0)
      for (size_t k = i; k <= j; ++k) stream[k].line->role = Role::Quote;
    i = j + 1;
  }
}

// The left edge of the text, now that paragraphs are known: where lines
// that go on from the line above start. A page without such lines (a
// heading and a one-line paragraph) takes the edge of its sibling pages
// (odd or even).
void refine_left(Analysis& a) {
  std::vector<double> by_parity[2];
  std::vector<double> lefts(a.pages.size(), 0);
  for (size_t i = 0; i < a.pages.size(); ++i) {
    const Page& p = a.pages[i];
    if (!p.outcome) continue;
    double left = 1e9;
    for (const Line& l : p.lines)
      if ((l.role == Role::Body || l.role == Role::Quote) && !l.para_start && l.glyphs.size() >= 4)
        left = std::min(left, l.x0);
    if (left < 1e9) {
      lefts[i] = left;
      by_parity[p.seq % 2].push_back(left);
    }
  }
  for (size_t i = 0; i < a.pages.size(); ++i) {
    Page& p = a.pages[i];
    if (!p.outcome) continue;
    if (lefts[i] > 0) p.left = lefts[i];
    else if (!by_parity[p.seq % 2].empty()) p.left = median(by_parity[p.seq % 2]);
  }
}

// Even pages bind on the right when their text starts nearer the mirrored
// left edge than the binding one; without even pages, the template says.
void measure_mirroring(Analysis& a) {
  const PageGeometry& g = a.tpl->page;
  const double bound = g.binding, mirror = g.width - g.binding - g.text_width;
  int near_bound = 0, near_mirror = 0;
  for (const Page& p : a.pages) {
    if (!p.outcome || p.seq % 2 != 0 || p.left <= 0) continue;
    (std::fabs(p.left - mirror) < std::fabs(p.left - bound) ? near_mirror : near_bound) += 1;
  }
  a.mirrored = near_mirror == near_bound ? g.mirror : near_mirror > near_bound;
}

void measure_pitches(Analysis& a) {
  // Lines: the distance between a paragraph's consecutive lines.
  // Characters: per body line, the median distance of neighbouring Han
  // characters; over the lines, a low one (the tenth percentile).
  // Justification only ever spreads Han characters (what shrinks is
  // punctuation), and a paragraph's last line is not spread at all, so
  // the least spread lines show the grid's own pitch, whatever Latin text
  // or half-width marks make the others stretch.
  std::vector<double> dy, line_pitches;
  for (const Page& p : a.pages) {
    if (!p.outcome) continue;
    const Line* prev = nullptr;
    for (const Line& l : p.lines) {
      if (l.role != Role::Body) continue;
      if (prev && !prev->para_end && std::fabs(prev->size - l.size) < 0.5) dy.push_back(l.y - prev->y);
      prev = &l;
      if (std::fabs(l.size - a.body_size) > 0.6) continue;
      std::vector<double> here;
      for (size_t k = std::max<size_t>(l.head, 1); k < l.glyphs.size(); ++k) {
        const Glyph& g0 = p.glyphs[l.glyphs[k - 1]];
        const Glyph& g1 = p.glyphs[l.glyphs[k]];
        if (is_han(g0.cp) && is_han(g1.cp)) here.push_back(g1.x - g0.x);
      }
      if (here.size() >= 8) line_pitches.push_back(median(here));
    }
  }
  a.pitch_line = median(dy);
  a.pitch_lines = static_cast<int>(line_pitches.size());
  if (!line_pitches.empty()) {
    std::sort(line_pitches.begin(), line_pitches.end());
    a.pitch_char = line_pitches[line_pitches.size() / 10];
  }
}

}  // namespace

Analysis analyse(const RawDocument& raw, const Template& tpl, const Settings& settings, const FamilyTable& families) {
  Analysis a;
  a.raw = &raw;
  a.tpl = &tpl;
  a.settings = &settings;
  a.families = &families;
  for (const FontInfo& f : raw.fonts) {
    FontFace ff;
    const FamilyMatch m = families.match(f.raw_name);
    if (m.face) ff.face = m.face->id;
    ff.name = f.name;
    ff.bold_by_name = bold_word(m.face ? m.rest : normalise_font_name(f.name));
    a.faces.push_back(std::move(ff));
  }

  const bool sheets = is_a3_sheets(raw, mm(settings.tolerance("page.size", "size-mm")));
  std::vector<Page> pages = cut_pages(raw, sheets);
  for (Page& p : pages) build_lines(p, settings.analysis("baseline-pt"));

  // A first guess at the body size, for telling footnotes from body text.
  std::map<long, size_t> han_sizes;
  for (const Page& p : pages)
    for (const Glyph& g : p.glyphs)
      if (is_han(g.cp) && !g.invisible) ++han_sizes[std::lround(g.size * 2)];
  double guess = tpl.style("body").size;
  size_t most = 0;
  for (const auto& [s, n] : han_sizes)
    if (n > most) most = n, guess = static_cast<double>(s) / 2;

  const PageGeometry& g = tpl.page;
  PartsContext ctx;
  const double min_left = std::min(g.binding, g.width - g.binding - g.text_width);
  ctx.block = {min_left, g.top, g.width - min_left, g.top + g.text_height};
  ctx.body_size = guess;
  ctx.mark_zone = mm(settings.analysis("mark-zone-mm"));
  for (Page& p : pages) find_parts(p, ctx);
  if (sheets) pages = order_halves(std::move(pages), a.booklet);
  a.pages = std::move(pages);

  find_form(a);
  find_body_style(a);
  measure_left(a);
  find_title(a);
  find_headings(a);
  find_plain_headings(a);
  find_paragraphs(a);
  refine_left(a);
  measure_mirroring(a);
  measure_pitches(a);
  return a;
}

}  // namespace banshi::audit
