#include "para/measure.h"

#include <algorithm>
#include <map>

#include "para/line.h"

namespace banshi {

namespace {

bool opening_mark(const Cluster& c) { return c.wide && c.cls == CharClass::Opening; }
bool closing_mark(const Cluster& c) {
  return c.wide && (c.cls == CharClass::Stop || c.cls == CharClass::Closing || c.cls == CharClass::Middle);
}

}  // namespace

LineMeasure::LineMeasure(const Prepared& p, double em) : p_(p), em_(em) {
  const auto& cs = p.clusters;
  const size_t n = cs.size();
  // Stretch is measured in the paragraph's own em — its most common type
  // size (a 12 pt note, not the 16 pt grid; markers and labels aside).
  std::map<double, size_t> sizes;
  for (const Cluster& c : cs)
    if (!c.attached && !c.space) ++sizes[c.em];
  size_t most = 0;
  for (const auto& [size, count] : sizes)
    if (count >= most) {
      most = count;
      em_ = size;
    }
  width_.assign(n + 1, 0);
  shrink_.assign(n + 1, 0);
  gaps_.assign(n + 1, 0);
  flex_.assign(n + 1, 0);
  beside_.assign(n + 1, 0);
  next_ink_.assign(n + 1, static_cast<uint32_t>(n));
  prev_ink_.assign(n + 1, 0);
  for (size_t k = n; k-- > 0;) next_ink_[k] = cs[k].space ? next_ink_[k + 1] : static_cast<uint32_t>(k);
  for (size_t k = 1; k <= n; ++k) prev_ink_[k] = cs[k - 1].space ? prev_ink_[k - 1] : static_cast<uint32_t>(k);
  unattached_.assign(n, 0);
  for (size_t k = 0; k < n; ++k)
    unattached_[k] = cs[k].attached && k > 0 ? unattached_[k - 1] : static_cast<uint32_t>(k);
  for (size_t k = 0; k < n; ++k) {
    width_[k + 1] = width_[k] + cs[k].width + cs[k].gap_after;
    // A Han–Latin gap may close to an eighth of an em: half of it shrinks.
    shrink_[k + 1] = shrink_[k] + cs[k].blank_left + cs[k].blank_right + cs[k].gap_after / 2;
    const bool gap = k + 1 < n && stretchable_gap(cs[k], cs[k + 1]);
    gaps_[k + 1] = gaps_[k] + (gap ? 1 : 0);
    flex_[k + 1] = flex_[k] + (gap && is_flex_gap(cs[k]) ? 1 : 0);
    beside_[k + 1] = beside_[k] + (gap && !between_han(cs[k], cs[k + 1]) ? 1 : 0);
  }
}

LineFit LineMeasure::fit(LineRange r) const {
  LineFit f;
  f.em = em_;
  f.range.begin = std::min<size_t>(next_ink_[r.begin], r.end);
  f.range.end = std::max<size_t>(prev_ink_[r.end], f.range.begin);
  const size_t a = f.range.begin, b = f.range.end;
  if (a >= b) return f;
  const auto& cs = p_.clusters;
  const Cluster& first = cs[a];
  const Cluster& last = cs[b - 1];
  f.natural = width_[b] - width_[a] - last.gap_after;
  double shrink = shrink_[b] - shrink_[a] - last.gap_after / 2;
  // The line's last mark may be followed only by footnote markers glued to
  // it (，¹): its trailing blank still goes, and the markers close up.
  const size_t lk = std::max<size_t>(a, unattached_[b - 1]);
  f.end_cluster = lk;
  if (closing_mark(cs[lk])) {
    f.end_blank = cs[lk].blank_right;
    shrink -= cs[lk].blank_right;
  }
  if (opening_mark(first) && b - a > 1) {
    f.start_blank = first.blank_left;
    shrink -= first.blank_left;
  }
  f.inner_shrink = std::max(0.0, shrink);
  f.gaps = gaps_[b - 1] - gaps_[a];
  f.flex = flex_[b - 1] - flex_[a];
  f.beside = beside_[b - 1] - beside_[a];
  return f;
}

}  // namespace banshi
