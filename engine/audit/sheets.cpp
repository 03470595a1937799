#include "audit/sheets.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "util/units.h"

namespace banshi::audit {

namespace {

constexpr double kA3Long = mm(420), kA3Short = mm(297);

template <class Shape>
bool in_half(const Shape& r, double mid, int half) {
  const double centre = (r.x0 + r.x1) / 2;
  return half == 1 ? centre < mid : centre >= mid;
}

// The logical page number (1-based) of half `i` of the file (file order:
// sheet 1 front left, front right, back left …) when `n_sides` sheet sides
// are imposed as a saddle-stitched booklet: sheet k front = [P−2k | 2k+1],
// back = [2k+2 | P−2k−1] (layout-rules §6).
int booklet_number(size_t i, size_t n_sides) {
  const size_t side = i / 2, k = side / 2;
  const bool left = i % 2 == 0, front = side % 2 == 0;
  const size_t p = 2 * n_sides;
  if (front) return static_cast<int>(left ? p - 2 * k : 2 * k + 1);
  return static_cast<int>(left ? 2 * k + 2 : p - 2 * k - 1);
}

// Whether the printed numbers agree with the logical numbers `logical`:
// the same offset between them on every numbered half.
bool consistent(const std::vector<Page>& halves, const std::vector<int>& logical, int& numbered) {
  std::optional<long> offset;
  bool same = true;
  numbered = 0;
  for (size_t i = 0; i < halves.size(); ++i) {
    if (!halves[i].folio || !halves[i].folio->number) continue;
    ++numbered;
    const long d = logical[i] - *halves[i].folio->number;
    if (offset && *offset != d) same = false;
    offset = d;
  }
  return same;
}

}  // namespace

bool is_a3_sheets(const RawDocument& raw, double tol) {
  return std::all_of(raw.pages.begin(), raw.pages.end(), [&](const RawPage& p) {
    return std::fabs(p.width - kA3Long) <= tol && std::fabs(p.height - kA3Short) <= tol;
  });
}

std::vector<Page> cut_pages(const RawDocument& raw, bool sheets) {
  std::vector<Page> out;
  for (const RawPage& rp : raw.pages) {
    for (int half = sheets ? 1 : 0; half <= (sheets ? 2 : 0); ++half) {
      Page p;
      p.pdf_page = rp.number;
      p.half = half;
      p.width = sheets ? rp.width / 2 : rp.width;
      p.height = rp.height;
      const double mid = rp.width / 2, shift = half == 2 ? mid : 0;
      for (const Glyph& g : rp.glyphs) {
        if (sheets && (half == 1) != (g.x + g.adv / 2 < mid)) continue;
        Glyph h = g;
        h.x = static_cast<float>(h.x - shift);
        p.glyphs.push_back(h);
      }
      for (const Rule& r : rp.rules) {
        Rule s = r;
        if (sheets) {
          // A rule across the fold is cut there; one on it goes to both.
          if (half == 1 && s.x0 > mid + 0.5) continue;
          if (half == 2 && s.x1 < mid - 0.5) continue;
          s.x0 = std::max(s.x0, half == 2 ? mid : 0.0) - shift;
          s.x1 = std::min(s.x1, half == 1 ? mid : rp.width) - shift;
        }
        p.rules.push_back(s);
      }
      auto boxes = [&](const std::vector<Rect>& from, std::vector<Rect>& to) {
        for (const Rect& r : from) {
          if (sheets && !in_half(r, mid, half)) continue;
          to.push_back({r.x0 - shift, r.y0, r.x1 - shift, r.y1});
        }
      };
      boxes(rp.areas, p.areas);
      boxes(rp.curves, p.curves);
      boxes(rp.images, p.images);
      out.push_back(std::move(p));
    }
  }
  for (size_t i = 0; i < out.size(); ++i) out[i].seq = static_cast<int>(i + 1);
  return out;
}

std::vector<Page> order_halves(std::vector<Page> halves, Booklet& booklet) {
  booklet.sheets = true;
  const size_t n = halves.size();
  std::vector<int> reading(n), folded(n);
  for (size_t i = 0; i < n; ++i) reading[i] = static_cast<int>(i + 1);
  const size_t sides = n / 2;
  const bool can_fold = sides % 2 == 0;
  if (can_fold)
    for (size_t i = 0; i < n; ++i) folded[i] = booklet_number(i, sides);

  int numbered = 0;
  const std::vector<int>* chosen = &reading;
  if (can_fold && consistent(halves, folded, numbered)) {
    booklet.order = numbered > 0 ? Booklet::Order::Booklet : Booklet::Order::Unknown;
    chosen = &folded;
  } else if (consistent(halves, reading, numbered)) {
    booklet.order = Booklet::Order::Reading;
  } else {
    booklet.order = Booklet::Order::Neither;
    if (can_fold) chosen = &folded;
  }
  consistent(halves, *chosen, booklet.numbered);
  if (!can_fold) booklet.odd_sheets.push_back(static_cast<int>(sides));
  for (size_t i = 0; i < n; ++i) halves[i].seq = (*chosen)[i];
  if (can_fold)
    for (size_t i = 0; i + 1 < n; i += 2)
      booklet.sides.push_back({halves[i].pdf_page, halves[i].seq, halves[i + 1].seq, folded[i], folded[i + 1]});
  std::sort(halves.begin(), halves.end(), [](const Page& a, const Page& b) { return a.seq < b.seq; });
  return halves;
}

}  // namespace banshi::audit
