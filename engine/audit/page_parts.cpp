#include "audit/page_parts.h"

#include <algorithm>
#include <cmath>

namespace banshi::audit {

namespace {

bool overlaps(const Rect& a, const Rect& b, double slack = 0) {
  return a.x0 < b.x1 + slack && b.x0 < a.x1 + slack && a.y0 < b.y1 + slack && b.y0 < a.y1 + slack;
}

Rect bounds(const Rule& r) { return {r.x0, r.y0 - r.thickness / 2, r.x1, r.y1 + r.thickness / 2}; }

bool inside(const Rect& outer, double x, double y, double slack) {
  return x >= outer.x0 - slack && x <= outer.x1 + slack && y >= outer.y0 - slack && y <= outer.y1 + slack;
}

// A mark at the paper's edge (fold mark, crop mark): within `zone` of an
// edge and clear of the text block.
bool is_mark(const Rect& r, const Page& page, const Rect& block, double zone) {
  const bool near_edge = r.y1 <= zone || r.y0 >= page.height - zone || r.x1 <= zone || r.x0 >= page.width - zone;
  return near_edge && !overlaps(r, block, 2);
}

void drop_marks(Page& page, const PartsContext& ctx) {
  std::vector<Rule> rules;
  for (const Rule& r : page.rules) {
    if (is_mark(bounds(r), page, ctx.block, ctx.mark_zone)) page.mark.push_back(true);
    else rules.push_back(r);
  }
  page.rules = std::move(rules);
  for (auto* list : {&page.areas, &page.curves}) {
    std::vector<Rect> kept;
    for (const Rect& r : *list) {
      if (is_mark(r, page, ctx.block, ctx.mark_zone)) page.mark.push_back(true);
      else kept.push_back(r);
    }
    *list = std::move(kept);
  }
}

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
int digit_value(char32_t c) { return c >= 0xFF10 ? static_cast<int>(c - 0xFF10) : static_cast<int>(c - '0'); }

// Marks that may surround a page number: dashes of every width, brackets,
// 第…页, Page, slashes.
bool is_folio_decoration(char32_t c) {
  switch (c) {
    case 0x2014:
    case 0x2013:
    case '-':
    case 0xFF0D:
    case 0x2012:
    case 0x2015:
    case 0x2212:
    case '~':
    case 0xFF5E:
    case 0x00B7:
    case 0x2022:
    case '_':
    case '(':
    case ')':
    case 0xFF08:
    case 0xFF09:
    case '[':
    case ']':
    case 0x7B2C:
    case 0x9875:
    case '/':
    case '.':
    case '|': return true;
    default: return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}

void find_folio(Page& page, const PartsContext& ctx) {
  for (size_t k = page.lines.size(); k-- > 0;) {
    Line& l = page.lines[k];
    const bool below = l.em_top() >= ctx.block.y1 - 2, above = l.em_bottom() <= ctx.block.y0 + 2;
    if (!below && !above) continue;
    auto n = folio_number(l.text);
    if (!n) continue;
    Folio f;
    f.line = k;
    f.number = n;
    f.text = l.text;
    f.size = l.size;
    f.x0 = l.x0;
    f.x1 = page.glyphs[l.glyphs.back()].right();
    f.em_top = l.em_top();
    l.role = Role::Folio;
    page.folio = f;
    return;
  }
}

// The footnote separator: a rule from the left part of the block (short,
// as word processors and TeX draw it, or across the block, as CSS does)
// with nothing under it, down to the block's foot, but text smaller than
// the body; not a table's rule (no vertical rule meets it).
void find_notes(Page& page, const PartsContext& ctx) {
  const double width = ctx.block.width();
  const Rule* best = nullptr;
  auto in_grid = [&](const Rule& h) {
    return std::any_of(page.rules.begin(), page.rules.end(), [&](const Rule& v) {
      return v.vertical() && v.x0 >= h.x0 - 1.5 && v.x0 <= h.x1 + 1.5 && v.y0 <= h.y0 + 1.5 && v.y1 >= h.y0 - 1.5;
    });
  };
  // Notes go down to the page number (or the paper's foot): a document
  // with a taller text block than the template's still has its notes.
  const double foot = page.folio ? page.folio->em_top : page.height - ctx.mark_zone;
  for (const Rule& r : page.rules) {
    if (!r.horizontal() || r.length() < 0.08 * width || r.length() > 1.02 * width) continue;
    if (r.y0 < ctx.block.y0 + ctx.body_size || r.y0 > foot) continue;
    if (r.x0 > ctx.block.x0 + 0.3 * width || in_grid(r)) continue;
    int below = 0;
    bool all_small = true;
    for (const Line& l : page.lines) {
      if (l.role != Role::Unknown || l.y < r.y0 || l.em_top() > foot) continue;
      ++below;
      if (l.size > 0.9 * ctx.body_size) all_small = false;
    }
    if (below == 0 || !all_small) continue;
    if (!best || r.y0 < best->y0) best = &r;  // the highest such rule: all notes are under it
  }
  if (!best) return;
  page.note_rule = *best;
  for (Line& l : page.lines)
    if (l.role == Role::Unknown && l.y > best->y0 && l.em_top() <= foot) l.role = Role::Footnote;
}

bool touches(const Rule& a, const Rule& b) {
  const double s = 1.5 + std::max(a.thickness, b.thickness);
  return a.x0 <= b.x1 + s && b.x0 <= a.x1 + s && a.y0 <= b.y1 + s && b.y0 <= a.y1 + s;
}

bool is_caption(const std::u32string& t) {
  size_t i = 0;
  if (t.compare(0, 2, U"续表") == 0) i = 2;
  else if (!t.empty() && (t[0] == U'表' || t[0] == U'图')) i = 1;
  else return false;
  return i < t.size() && is_digit(t[i]);
}

// A full-width line of running text: no table row looks like it.
bool is_running_line(const Page& page, const Line& l, const PartsContext& ctx) {
  if (std::fabs(l.size - ctx.body_size) > 0.6 || l.x1 - l.x0 < 0.85 * ctx.block.width()) return false;
  for (size_t k = 1; k < l.glyphs.size(); ++k) {
    const Glyph& a = page.glyphs[l.glyphs[k - 1]];
    const Glyph& b = page.glyphs[l.glyphs[k]];
    if (b.x - a.right() > 1.5 * l.size) return false;  // a column gap
  }
  return true;
}

void find_tables(Page& page, const PartsContext& ctx) {
  std::vector<const Rule*> rules;
  for (const Rule& r : page.rules) {
    if (page.note_rule && &r == &*page.note_rule) continue;
    if (page.note_rule && r.y0 == page.note_rule->y0 && r.x0 == page.note_rule->x0) continue;
    if (r.length() < 6) continue;
    rules.push_back(&r);
  }
  // Grids: rules that touch, with at least two each way.
  std::vector<int> comp(rules.size(), -1);
  int ncomp = 0;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (comp[i] >= 0) continue;
    std::vector<size_t> stack{i};
    comp[i] = ncomp;
    while (!stack.empty()) {
      const size_t a = stack.back();
      stack.pop_back();
      for (size_t b = 0; b < rules.size(); ++b)
        if (comp[b] < 0 && touches(*rules[a], *rules[b])) {
          comp[b] = ncomp;
          stack.push_back(b);
        }
    }
    ++ncomp;
  }
  std::vector<bool> used(rules.size(), false);
  for (int c = 0; c < ncomp; ++c) {
    int h = 0, v = 0;
    Rect box{1e9, 1e9, -1e9, -1e9};
    for (size_t i = 0; i < rules.size(); ++i) {
      if (comp[i] != c) continue;
      h += rules[i]->horizontal();
      v += rules[i]->vertical();
      const Rect b = bounds(*rules[i]);
      box = {std::min(box.x0, b.x0), std::min(box.y0, b.y0), std::max(box.x1, b.x1), std::max(box.y1, b.y1)};
    }
    if (h >= 2 && v >= 2) {
      page.tables.push_back(box);
      for (size_t i = 0; i < rules.size(); ++i)
        if (comp[i] == c) used[i] = true;
    }
  }
  // Three-line tables (三线表): long horizontal rules of one width, one
  // above the other, with no running text between them.
  std::vector<const Rule*> hs;
  for (size_t i = 0; i < rules.size(); ++i)
    if (!used[i] && rules[i]->horizontal() && rules[i]->length() >= 0.2 * ctx.block.width()) hs.push_back(rules[i]);
  std::sort(hs.begin(), hs.end(), [](const Rule* a, const Rule* b) { return a->y0 < b->y0; });
  std::vector<bool> taken(hs.size(), false);
  for (size_t i = 0; i < hs.size(); ++i) {
    if (taken[i]) continue;
    Rect box = bounds(*hs[i]);
    size_t members = 1;
    for (size_t j = i + 1; j < hs.size(); ++j) {
      if (taken[j] || std::fabs(hs[j]->x0 - hs[i]->x0) > 3 || std::fabs(hs[j]->x1 - hs[i]->x1) > 3) continue;
      bool broken = false;
      for (const Line& l : page.lines) {
        if (l.role != Role::Unknown || l.y < box.y1 || l.y > hs[j]->y0) continue;
        if (is_caption(l.text) || is_running_line(page, l, ctx)) broken = true;
      }
      if (broken) break;
      box.y1 = bounds(*hs[j]).y1;
      taken[j] = true;
      ++members;
    }
    if (members >= 2) page.tables.push_back(box);
  }
  for (Line& l : page.lines) {
    if (l.role != Role::Unknown) continue;
    const double cx = (l.x0 + l.x1) / 2, cy = l.y - 0.3 * l.size;
    for (const Rect& t : page.tables)
      if (inside(t, cx, cy, 1)) l.role = Role::Table;
  }
  // Notes under a table (注：…, 资料来源：…) in a smaller size belong to it.
  for (size_t k = 1; k < page.lines.size(); ++k) {
    Line& l = page.lines[k];
    if (l.role != Role::Unknown || l.size > 0.9 * ctx.body_size) continue;
    const Line& prev = page.lines[k - 1];
    if (prev.role == Role::Table && l.y - prev.y < 3 * l.size) l.role = Role::Table;
  }
}

void find_figures(Page& page, const PartsContext& ctx) {
  std::vector<Rect> boxes;
  auto big = [&](const Rect& r) {
    if (r.width() >= 0.9 * page.width && r.height() >= 0.9 * page.height) return false;  // a page background
    return r.width() >= 6 || r.height() >= 6;
  };
  for (const Rect& r : page.images)
    if (big(r)) boxes.push_back(r);
  for (const auto* list : {&page.areas, &page.curves})
    for (const Rect& r : *list) {
      if (!big(r)) continue;
      bool in_table = false;
      for (const Rect& t : page.tables)
        in_table = in_table || (r.x0 >= t.x0 - 2 && r.x1 <= t.x1 + 2 && r.y0 >= t.y0 - 2 && r.y1 <= t.y1 + 2);
      if (!in_table) boxes.push_back(r);
    }
  // Drawings made of many pieces are one figure: merge boxes that touch.
  bool merged = true;
  while (merged) {
    merged = false;
    for (size_t i = 0; i < boxes.size() && !merged; ++i)
      for (size_t j = i + 1; j < boxes.size() && !merged; ++j)
        if (overlaps(boxes[i], boxes[j], 4)) {
          boxes[i] = {std::min(boxes[i].x0, boxes[j].x0), std::min(boxes[i].y0, boxes[j].y0),
                      std::max(boxes[i].x1, boxes[j].x1), std::max(boxes[i].y1, boxes[j].y1)};
          boxes.erase(boxes.begin() + static_cast<long>(j));
          merged = true;
        }
  }
  page.figures = boxes;
  for (Line& l : page.lines) {
    if (l.role != Role::Unknown) continue;
    const double cx = (l.x0 + l.x1) / 2, cy = l.y - 0.3 * l.size;
    for (const Rect& f : page.figures)
      if (inside(f, cx, cy, 2)) l.role = Role::Figure;
  }
  (void)ctx;
}

void find_captions(Page& page) {
  for (Line& l : page.lines)
    if (l.role == Role::Unknown && is_caption(l.text)) l.role = Role::Caption;
}

}  // namespace

std::optional<long> folio_number(const std::u32string& text) {
  long n = 0;
  int digits = 0;
  bool after = false;
  for (char32_t c : text) {
    if (is_digit(c)) {
      if (after || digits >= 6) return std::nullopt;  // 3/20 keeps the first number only
      n = n * 10 + digit_value(c);
      ++digits;
    } else if (is_folio_decoration(c)) {
      if (digits > 0) after = true;
      if (c == '/' && digits > 0) break;  // "3/20": page 3 of 20
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  return n;
}

void find_parts(Page& page, const PartsContext& ctx) {
  drop_marks(page, ctx);
  find_folio(page, ctx);
  find_notes(page, ctx);
  find_tables(page, ctx);
  find_figures(page, ctx);
  find_captions(page);
}

}  // namespace banshi::audit
