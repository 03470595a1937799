// The page: its size, the order of a booklet's halves, the text block's
// margins, and nothing outside the block but the page number.
#include <algorithm>
#include <cmath>
#include <map>

#include "audit/note_markers.h"
#include "audit/rules.h"
#include "para/char_class.h"
#include "util/units.h"

namespace banshi::audit {

namespace {

// The lines a block is measured on: running text set on the grid.
bool grid_text(const Line& l) {
  return l.role == Role::Body || l.role == Role::Heading || l.role == Role::Quote || l.role == Role::Title ||
         l.role == Role::Author;
}

// Whether page `seq`'s first line of text carries a note marker whose note
// is at that page's foot. A marker as footnotes.page reads it, not any
// raised small figure: an exponent (m², 10⁴) or a citation ([2]) on that
// line is no reason for the page before to end short.
bool opens_with_marker(const Analysis& a, int seq) {
  for (const Page& p : a.pages) {
    if (p.seq != seq) continue;
    if (!p.note_rule) return false;
    for (const Line& l : p.lines) {
      if (!grid_text(l)) continue;
      if (l.y >= p.note_rule->y0) return false;
      std::vector<Marker> markers;
      find_markers(p, l, markers);
      for (const Marker& m : markers)
        for (const Line& n : p.lines)
          if (n.role == Role::Footnote && note_number(p, n, m.number - 1) == m.number) return true;
      return false;
    }
    return false;
  }
  return false;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

// The most common value, to a point: where most full lines end is the
// block's right edge, whether the text is justified or a few lines fall
// short of it (that is body.justified's matter, not the margins').
double most_common(const std::vector<double>& v) {
  std::map<long, int> bins;
  for (double x : v) ++bins[std::lround(x)];
  long best = 0;
  int most = -1;
  for (const auto& [b, n] : bins) {
    const int around = n + (bins.count(b - 1) ? bins.at(b - 1) : 0) + (bins.count(b + 1) ? bins.at(b + 1) : 0);
    if (around > most) most = around, best = b;
  }
  std::vector<double> near;
  for (double x : v)
    if (std::abs(std::lround(x) - best) <= 1) near.push_back(x);
  return median(near);
}

Finding rule_page_size(const Analysis& a) {
  const char* id = "page.size";
  const double t = mm(tol(a, id, "size-mm"));
  const double w = a.tpl->page.width, h = a.tpl->page.height;
  if (a.booklet.sheets) {
    const RawPage& p = a.raw->pages.front();
    return make(id, Verdict::Pass,
                Text("audit.page.size.sheets")
                    .arg("sheets", std::to_string(a.raw->pages.size()))
                    .arg("count", std::to_string(a.pages.size()))
                    .arg("w", mm_text(p.width))
                    .arg("h", mm_text(p.height)));
  }
  Finding f;
  std::vector<int> bad;
  for (const RawPage& p : a.raw->pages) {
    if (std::fabs(p.width - w) <= t && std::fabs(p.height - h) <= t) continue;
    bad.push_back(p.number);
    f.details.push_back(Text("audit.page.size.page")
                            .arg("page", std::to_string(p.number))
                            .arg("w", mm_text(p.width))
                            .arg("h", mm_text(p.height)));
  }
  const RawPage& first = a.raw->pages.front();
  if (bad.empty())
    return make(id, Verdict::Pass,
                Text("audit.page.size.a4")
                    .arg("count", std::to_string(a.raw->pages.size()))
                    .arg("w", mm_text(first.width))
                    .arg("h", mm_text(first.height)));
  Finding out = make(
      id, Verdict::Fail,
      Text("audit.page.size.fail").arg("count", std::to_string(bad.size())).arg("w", mm_text(w)).arg("h", mm_text(h)),
      bad);
  out.details = std::move(f.details);
  return out;
}

Finding rule_booklet_order(const Analysis& a) {
  const char* id = "booklet.order";
  const Booklet& b = a.booklet;
  if (!b.sheets) return make(id, Verdict::NotApplicable, Text("audit.booklet.order.a4"));
  if (!b.odd_sheets.empty())
    return make(id, Verdict::Fail, Text("audit.booklet.order.odd").arg("sides", std::to_string(b.odd_sheets.front())));
  switch (b.order) {
    case Booklet::Order::Booklet:
      return make(id, Verdict::Pass, Text("audit.booklet.order.pass").arg("numbered", std::to_string(b.numbered)));
    case Booklet::Order::Unknown: return make(id, Verdict::NotApplicable, Text("audit.booklet.order.unnumbered"));
    case Booklet::Order::Reading:
    case Booklet::Order::Neither: break;
  }
  Finding f = make(id, Verdict::Fail,
                   b.order == Booklet::Order::Reading
                       ? Text("audit.booklet.order.reading").arg("numbered", std::to_string(b.numbered))
                       : Text("audit.booklet.order.neither"));
  // The first sides that hold other pages than a folded booklet needs.
  for (const Booklet::Side& s : b.sides) {
    if (s.left == s.fold_left && s.right == s.fold_right) continue;
    if (f.details.size() >= 4) break;
    f.details.push_back(Text("audit.booklet.order.side")
                            .arg("sheet", std::to_string((s.pdf_page + 1) / 2))
                            .word("side", s.pdf_page % 2 == 1 ? "audit.word.front" : "audit.word.back")
                            .arg("left", std::to_string(s.left))
                            .arg("right", std::to_string(s.right))
                            .arg("fold_left", std::to_string(s.fold_left))
                            .arg("fold_right", std::to_string(s.fold_right)));
    f.pages.push_back(s.left);
    f.pages.push_back(s.right);
  }
  f.pages = unique_pages(f.pages);
  return f;
}

Finding rule_margins(const Analysis& a) {
  const char* id = "margins";
  const double t = mm(tol(a, id, "margin-mm"));
  const PageGeometry& g = a.tpl->page;
  const bool mirror = mirrored(a);
  const double leading = std::max(0.0, g.line_pitch() - a.tpl->style("body").size);
  std::vector<int> bad;
  std::vector<Text> details;
  std::vector<double> lefts_odd, rights_odd, tops;
  int measured = 0;
  for (const Page& p : a.pages) {
    if (!p.outcome) continue;
    const Rect want = a.block(p.seq, mirror);
    std::vector<double> rights;
    const double left = p.left > 0 ? p.left : 1e9;
    const Line* first = nullptr;
    const Line* last = nullptr;
    // The top is measured when the page begins with running text (or
    // the 最终成果 divider above the title), not with a table or figure.
    const Line* top_line = nullptr;
    for (const Line& l : p.lines)
      if (l.role != Role::Folio && l.role != Role::Footnote) {
        top_line = &l;
        break;
      }
    for (const Rect& r : p.tables)
      if (top_line && r.y0 < top_line->y) top_line = nullptr;
    for (const Rect& r : p.figures)
      if (top_line && r.y0 < top_line->y) top_line = nullptr;
    if (top_line && !grid_text(*top_line) && top_line->role != Role::Form) top_line = nullptr;
    for (const Line& l : p.lines) {
      if (!grid_text(l)) continue;
      if (!first) first = &l;
      last = &l;
      if ((l.role == Role::Body || l.role == Role::Quote) && !l.para_end) rights.push_back(l.x1);
    }
    if (!first) continue;
    ++measured;
    auto report = [&](const char* what, double value, double expected) {
      bad.push_back(p.seq);
      details.push_back(Text(what)
                            .arg("page", std::to_string(p.seq))
                            .arg("value", mm_text(value))
                            .arg("expected", mm_text(expected)));
    };
    if (left < 1e9) {
      if (p.seq % 2 == 1) lefts_odd.push_back(left);
      if (std::fabs(left - want.x0) > t) report("audit.margins.left", left, want.x0);
    }
    if (!rights.empty()) {
      const double right = most_common(rights);
      if (p.seq % 2 == 1) rights_odd.push_back(p.width - right);
      if (std::fabs(right - want.x1) > t) report("audit.margins.right", p.width - right, p.width - want.x1);
    }
    // The first line's em box may sit anywhere in its grid line.
    if (top_line) {
      const double top = top_line->em_top();
      tops.push_back(top);
      if (top < want.y0 - t || top > want.y0 + leading + t) report("audit.margins.top", top, want.y0);
    }
    // A page the text ran off (its last paragraph goes on overleaf) is
    // full: its last line must reach the foot of the block — or the line
    // above it, when the paragraph's last lines were kept together on the
    // next page (no widow). One line more may be left when the next page
    // opens with a line carrying a note marker: a note sits on its marker's
    // page, so that line went over with its note when the two (and the
    // separator) did not fit here, as Word and TeX set notes.
    if (last && last->role == Role::Body && !last->para_end && !p.note_rule && p.tables.empty() && p.figures.empty()) {
      const double bottom = last->em_bottom();
      const double moved = opens_with_marker(a, p.seq + 1) ? g.line_pitch() : 0;
      if (bottom < want.y1 - leading - g.line_pitch() - moved - t || bottom > want.y1 + t)
        report("audit.margins.bottom", p.height - bottom, p.height - want.y1);
    }
  }
  if (measured == 0) return make(id, Verdict::NotApplicable, Text("audit.margins.none"));
  Text m = Text(mirror ? "audit.margins.measured.mirrored" : "audit.margins.measured.plain")
               .arg("top", tops.empty() ? "—" : mm_text(median(tops)))
               .arg("left", lefts_odd.empty() ? "—" : mm_text(median(lefts_odd)))
               .arg("right", rights_odd.empty() ? "—" : mm_text(median(rights_odd)))
               .arg("count", std::to_string(measured));
  Finding f = make(id, bad.empty() ? Verdict::Pass : Verdict::Fail, m, bad);
  f.details = std::move(details);
  return f;
}

Finding rule_block_outside(const Analysis& a) {
  const char* id = "block.outside";
  const double t = mm(tol(a, id, "outside-mm"));
  const double leading = std::max(0.0, a.tpl->page.line_pitch() - a.tpl->style("body").size);
  std::vector<int> bad;
  std::vector<Text> details;
  int checked = 0;
  for (const Page& p : a.pages) {
    if (!p.outcome) continue;
    ++checked;
    // The block as this page sets it: at its measured left edge, from its
    // first line of running text down to its last (or its notes) — a text
    // block of another size is the margins' matter; what is outside it
    // (running heads, marginal notes, rules and images in the margins) is
    // this rule's.
    Rect b = page_block(a, p);
    for (const Line& l : p.lines) {
      if (l.role == Role::Body || l.role == Role::Heading || l.role == Role::Title || l.role == Role::Quote) {
        b.y0 = std::min(b.y0, l.em_top());
        b.y1 = std::max(b.y1, l.em_bottom());
      } else if (l.role == Role::Footnote) {
        b.y1 = std::max(b.y1, l.em_bottom());
      }
    }
    b = {b.x0 - t, b.y0 - t, b.x1 + t, b.y1 + leading + t};
    auto out_of = [&](const Rect& r) { return r.x0 < b.x0 || r.x1 > b.x1 || r.y0 < b.y0 || r.y1 > b.y1; };
    int items = 0;
    auto note = [&](Text text) {
      if (items++ == 0) bad.push_back(p.seq);
      if (items <= 3) details.push_back(std::move(text.arg("page", std::to_string(p.seq))));
    };
    for (const Line& l : p.lines) {
      if (l.role == Role::Folio) continue;
      const Rect r{l.x0, l.em_top(), l.x1, l.em_bottom()};
      if (!out_of(r)) continue;
      // Only its last mark past the right edge: hanging punctuation.
      const Glyph& last = p.glyphs[l.glyphs.back()];
      const bool hangs = l.glyphs.size() > 1 && r.x1 > b.x1 && !out_of({r.x0, r.y0, last.x, r.y1}) &&
                         is_wide(last.cp) && no_line_start(last.cp);
      note(Text(hangs ? "audit.block.outside.hanging" : "audit.block.outside.text")
               .arg("text", excerpt(hangs ? l.text.substr(l.text.size() > 8 ? l.text.size() - 8 : 0) : l.text)));
    }
    for (uint32_t i : p.tilted) {
      const Glyph& g = p.glyphs[i];
      if (g.x < b.x0 || g.x > b.x1 || g.y < b.y0 || g.y > b.y1) {
        note(Text("audit.block.outside.text").arg("text", utf8(std::u32string(1, g.cp))));
        break;
      }
    }
    for (const Rule& r : p.rules)
      if (out_of({r.x0, r.y0, r.x1, r.y1})) note(Text("audit.block.outside.rule"));
    for (const Rect& r : p.images)
      if (out_of(r)) note(Text("audit.block.outside.image"));
    for (const auto* list : {&p.areas, &p.curves})
      for (const Rect& r : *list)
        if ((r.width() > 2 || r.height() > 2) && out_of(r)) note(Text("audit.block.outside.drawing"));
  }
  if (checked == 0) return make(id, Verdict::NotApplicable, Text("audit.margins.none"));
  if (bad.empty())
    return make(id, Verdict::Pass, Text("audit.block.outside.pass").arg("count", std::to_string(checked)));
  Finding f = make(id, Verdict::Fail, Text("audit.block.outside.fail").arg("count", std::to_string(bad.size())), bad);
  f.details = std::move(details);
  return f;
}

}  // namespace banshi::audit
