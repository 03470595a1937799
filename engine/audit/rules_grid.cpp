// The grid and the composition of lines: 22 lines a page, 28 characters a
// line, full lines justified, and no line that starts or ends with a mark
// that may not stand there.
#include <algorithm>
#include <cmath>

#include "audit/rules.h"
#include "para/char_class.h"

namespace banshi::audit {

namespace {

bool grid_line(const Line& l) {
  return l.role == Role::Body || l.role == Role::Heading || l.role == Role::Quote || l.role == Role::Title ||
         l.role == Role::Author;
}

}  // namespace

Finding rule_grid_lines(const Analysis& a) {
  const char* id = "grid.lines";
  const PageGeometry& g = a.tpl->page;
  const double t = tol(a, id, "lines");
  if (a.pitch_line <= 0) return make(id, Verdict::NotApplicable, Text("audit.grid.lines.none"));
  const double per_page = g.text_height / a.pitch_line;
  const double leading = std::max(0.0, g.line_pitch() - a.tpl->style("body").size);
  std::vector<int> bad;
  std::vector<Text> details;
  int full = 0;
  // Full pages: only grid text, the last line at the foot of the block.
  for (const Page& p : a.pages) {
    if (!p.outcome || p.note_rule || !p.tables.empty() || !p.figures.empty()) continue;
    const Line* first = nullptr;
    const Line* last = nullptr;
    bool only_grid = true;
    for (const Line& l : p.lines) {
      if (l.role == Role::Folio) continue;
      if (!grid_line(l)) only_grid = false;
      if (!first) first = &l;
      last = &l;
    }
    if (!first || !only_grid || first == last) continue;
    const Rect b = a.block(p.seq, mirrored(a));
    if (last->em_bottom() < b.y1 - leading - a.pitch_line * 0.5) continue;
    ++full;
    const double count = (last->y - first->y) / a.pitch_line + 1;
    if (std::fabs(count - g.lines) > t) {
      bad.push_back(p.seq);
      if (details.size() < 12)
        details.push_back(Text("audit.grid.lines.page").arg("page", std::to_string(p.seq)).arg("lines", fixed(count)));
    }
  }
  const bool pitch_ok = std::fabs(per_page - g.lines) <= t;
  Text m = Text("audit.grid.lines.measured")
               .arg("lines", fixed(per_page))
               .arg("pitch", fixed(a.pitch_line, 2))
               .arg("full", std::to_string(full))
               .arg("expected", std::to_string(g.lines));
  Finding f = make(id, pitch_ok && bad.empty() ? Verdict::Pass : Verdict::Fail, m, bad);
  f.details = std::move(details);
  return f;
}

Finding rule_grid_chars(const Analysis& a) {
  const char* id = "grid.chars";
  const PageGeometry& g = a.tpl->page;
  if (a.pitch_char <= 0) return make(id, Verdict::NotApplicable, Text("audit.grid.chars.none"));
  const double per_line = g.text_width / a.pitch_char;
  const bool ok = std::fabs(per_line - g.chars) <= tol(a, id, "chars");
  return make(id, ok ? Verdict::Pass : Verdict::Fail,
              Text("audit.grid.chars.measured")
                  .arg("chars", fixed(per_line))
                  .arg("pitch", fixed(a.pitch_char, 2))
                  .arg("lines", std::to_string(a.pitch_lines))
                  .arg("expected", std::to_string(g.chars)));
}

Finding rule_body_justified(const Analysis& a) {
  const char* id = "body.justified";
  const double tolerance = tol(a, id, "edge-pt"), max_fraction = tol(a, id, "ragged-max-fraction");
  int full = 0, ragged = 0;
  std::vector<int> pages;
  std::vector<Text> details;
  auto full_line = [](const Line& l) {
    return (l.role == Role::Body || l.role == Role::Quote || (l.role == Role::Heading && l.head < l.glyphs.size())) &&
           !l.para_end;
  };
  auto line_end = [](const Page& p, const Line& l) {
    // A full-width mark at the end may be set half-width (its ink ends
    // at the edge) or whole (its box does): either is justified.
    double end = std::max(l.x1, p.glyphs[l.glyphs.back()].right());
    for (uint32_t s : l.scripts) end = std::max(end, p.glyphs[s].right());
    return end;
  };
  for (const Page& p : a.pages) {
    if (!p.outcome) continue;
    // The edge the page's lines are justified to: where most of them end
    // (a text block of another width is the margins' matter).
    std::vector<double> ends;
    for (const Line& l : p.lines)
      if (full_line(l)) ends.push_back(line_end(p, l));
    if (ends.empty()) continue;
    const double edge = most_common(ends);
    for (const Line& l : p.lines) {
      if (!full_line(l)) continue;
      ++full;
      const double end = line_end(p, l);
      if (end >= edge - tolerance) continue;
      ++ragged;
      pages.push_back(p.seq);
      if (details.size() < 12)
        details.push_back(Text("audit.justified.line")
                              .arg("page", std::to_string(p.seq))
                              .arg("short", fixed(edge - end))
                              .arg("text", excerpt(l.text)));
    }
  }
  if (full == 0) return make(id, Verdict::NotApplicable, Text("audit.justified.none"));
  const bool ok = ragged <= max_fraction * full;
  Finding f = make(id, ok ? Verdict::Pass : Verdict::Fail,
                   Text(ok ? "audit.justified.pass" : "audit.justified.fail")
                       .arg("full", std::to_string(full))
                       .arg("ragged", std::to_string(ragged)),
                   ok ? std::vector<int>{} : pages);
  if (!ok) f.details = std::move(details);
  return f;
}

Finding rule_linebreak(const Analysis& a, bool start) {
  const char* id = start ? "linebreak.start" : "linebreak.end";
  int lines = 0, faults = 0;
  std::vector<int> pages;
  std::vector<Text> details;
  for (const Page& p : a.pages) {
    if (!p.outcome) continue;
    for (const Line& l : p.lines) {
      switch (l.role) {
        case Role::Body:
        case Role::Quote:
        case Role::Heading:
        case Role::Footnote:
        case Role::Caption:
        case Role::Title:
        case Role::Author: break;
        default: continue;
      }
      ++lines;
      const char32_t c = start ? l.text.front() : l.text.back();
      // Full-width marks only: a URL's "." or "/" at a line start is the
      // URL's own break, not a line-breaking fault.
      if (!is_wide(c) || !(start ? no_line_start(c) : no_line_end(c))) continue;
      ++faults;
      pages.push_back(p.seq);
      if (details.size() < 12)
        details.push_back(Text(start ? "audit.linebreak.start.line" : "audit.linebreak.end.line")
                              .arg("page", std::to_string(p.seq))
                              .arg("mark", utf8(std::u32string(1, c)))
                              .arg("text", start
                                               ? excerpt(l.text)
                                               : excerpt(l.text.substr(l.text.size() > 12 ? l.text.size() - 12 : 0))));
    }
  }
  if (lines == 0) return make(id, Verdict::NotApplicable, Text("audit.linebreak.none"));
  if (pages.empty()) return make(id, Verdict::Pass, Text("audit.linebreak.pass").arg("lines", std::to_string(lines)));
  Finding f =
      make(id, Verdict::Fail,
           Text(start ? "audit.linebreak.start.fail" : "audit.linebreak.end.fail").arg("count", std::to_string(faults)),
           pages);
  f.details = std::move(details);
  return f;
}

}  // namespace banshi::audit
