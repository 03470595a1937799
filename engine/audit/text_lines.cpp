// Glyphs into lines: the glyphs that share a baseline, left to right, with
// the smaller raised or lowered ones (note markers, exponents) attached to
// the line they belong to rather than made lines of their own.
#include "audit/text_lines.h"

#include <algorithm>
#include <cmath>

#include "audit/analysis.h"
#include "para/char_class.h"
#include "util/utf8.h"

namespace banshi::audit {

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3FFFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

bool is_space(char32_t c) { return c == ' ' || c == 0xA0 || c == 0x3000 || c == '\t' || (c >= 0x2000 && c <= 0x200B); }

double ink_left(const Glyph& g) {
  if (is_wide(g.cp) && char_class(g.cp) == CharClass::Opening) return g.x + 0.5 * g.size;
  return g.x;
}

double ink_right(const Glyph& g) {
  const CharClass c = char_class(g.cp);
  // ，。、）” of a GB font have their ink in the left half, ending short of
  // the middle: a line-end mark set half-width (or hanging) is not past
  // the edge.
  if (is_wide(g.cp) && (c == CharClass::Stop || c == CharClass::Closing))
    return g.x + std::min<double>(g.adv, 0.45 * g.size);
  return g.x + g.adv;
}

std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) utf8_append(out, c);
  return out;
}

namespace {

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

struct Cluster {
  std::vector<uint32_t> glyphs;
  double y = 0, size = 0, x0 = 0, x1 = 0;
  bool script = false;
};

void measure(const std::vector<Glyph>& glyphs, Cluster& c) {
  std::vector<double> ys, sizes;
  c.x0 = 1e9;
  c.x1 = -1e9;
  for (uint32_t i : c.glyphs) {
    ys.push_back(glyphs[i].y);
    sizes.push_back(glyphs[i].size);
    c.x0 = std::min(c.x0, static_cast<double>(glyphs[i].x));
    c.x1 = std::max(c.x1, glyphs[i].right());
  }
  c.y = median(ys);
  c.size = median(sizes);
}

}  // namespace

void build_lines(Page& page, double baseline_tol) {
  const auto& g = page.glyphs;
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < g.size(); ++i) {
    if (g[i].invisible || is_space(g[i].cp) || g[i].size <= 0.5f) continue;
    if (!g[i].upright) {
      page.tilted.push_back(i);
      continue;
    }
    order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return g[a].y < g[b].y; });

  // Baselines closer than the tolerance are one line.
  std::vector<Cluster> clusters;
  for (uint32_t i : order) {
    if (clusters.empty() || g[i].y - g[clusters.back().glyphs.back()].y > baseline_tol) clusters.emplace_back();
    clusters.back().glyphs.push_back(i);
  }
  for (auto& c : clusters) measure(g, c);

  // A cluster of small glyphs close above or below a larger line, within
  // its width, is that line's superscripts or subscripts.
  for (size_t k = 0; k < clusters.size(); ++k) {
    Cluster& c = clusters[k];
    Cluster* best = nullptr;
    for (size_t m = 0; m < clusters.size(); ++m) {
      Cluster& d = clusters[m];
      // A note's number may be raised without being smaller (WeasyPrint's
      // ::footnote-marker): a few digits at the start of a line count too.
      const bool number_at_start =
          c.glyphs.size() <= 3 && c.x1 <= d.x0 + 0.5 * d.size &&
          std::all_of(c.glyphs.begin(), c.glyphs.end(), [&](uint32_t i) { return g[i].cp >= '0' && g[i].cp <= '9'; });
      if (m == k || d.script || (c.size > 0.9 * d.size && !number_at_start)) continue;
      const double dy = c.y - d.y;
      // Raised (or lowered) by a good part of the line's em, and smaller.
      if (dy < -0.6 * d.size || dy > 0.35 * d.size || std::fabs(dy) < std::max(baseline_tol, 0.15 * d.size)) continue;
      // A note's number may hang left of its text by a few em.
      if (c.x0 < d.x0 - 3 * d.size || c.x1 > d.x1 + 2 * d.size) continue;
      if (!best || std::fabs(dy) < std::fabs(c.y - best->y)) best = &d;
    }
    if (best) c.script = true;
  }

  for (auto& c : clusters) {
    if (c.script) continue;
    Line line;
    line.glyphs = c.glyphs;
    std::sort(line.glyphs.begin(), line.glyphs.end(), [&](uint32_t a, uint32_t b) { return g[a].x < g[b].x; });
    line.y = c.y;
    line.size = c.size;
    page.lines.push_back(std::move(line));
  }
  for (auto& c : clusters) {
    if (!c.script) continue;
    // Attach to the nearest line above or below that spans it.
    Line* best = nullptr;
    for (auto& l : page.lines) {
      const double lx0 = g[l.glyphs.front()].x;
      if (c.size > 0.9 * l.size && !(c.glyphs.size() <= 3 && c.x1 <= lx0 + 0.5 * l.size)) continue;
      const double dy = c.y - l.y;
      if (dy < -0.6 * l.size || dy > 0.35 * l.size) continue;
      const double lx1 = g[l.glyphs.back()].right();
      if (c.x0 < lx0 - 3 * l.size || c.x1 > lx1 + 2 * l.size) continue;
      if (!best || std::fabs(dy) < std::fabs(c.y - best->y)) best = &l;
    }
    if (!best) continue;
    best->scripts.insert(best->scripts.end(), c.glyphs.begin(), c.glyphs.end());
  }
  for (auto& l : page.lines) {
    std::sort(l.scripts.begin(), l.scripts.end(), [&](uint32_t a, uint32_t b) { return g[a].x < g[b].x; });
    l.x0 = ink_left(g[l.glyphs.front()]);
    l.x1 = ink_right(g[l.glyphs.back()]);
    for (uint32_t i : l.glyphs) l.text += g[i].cp;
  }
  std::sort(page.lines.begin(), page.lines.end(), [](const Line& a, const Line& b) { return a.y < b.y; });
}

}  // namespace banshi::audit
