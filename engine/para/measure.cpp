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

LineMeasure::LineMeasure(const Prepared& p, double em) : em_(em) {
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
  gap_after_.resize(n);
  blank_left_.resize(n);
  blank_right_.resize(n);
  opening_.resize(n);
  closing_.resize(n);
  for (size_t k = 0; k < n; ++k) {
    gap_after_[k] = cs[k].gap_after;
    blank_left_[k] = cs[k].blank_left;
    blank_right_[k] = cs[k].blank_right;
    opening_[k] = opening_mark(cs[k]);
    closing_[k] = closing_mark(cs[k]);
  }
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

}  // namespace banshi
