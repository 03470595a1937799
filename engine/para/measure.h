// What a candidate line can do: its natural width and how far it may
// shrink (punctuation blanks, line-end and line-start marks, Han–Latin
// gaps) or stretch (between characters). Line breaking chooses lines with
// it and justification sets them with it, so the two always agree.
#pragma once

#include <cstdint>
#include <vector>

#include "para/linebreak.h"

namespace banshi {

// How far justification may open a gap before the line counts as loose:
// a quarter em per gap (the rule, after clreq 3.8).
constexpr double kMaxStretchEm = 0.25;
// What justification never exceeds: a line that would need more (a long
// URL leaving few gaps) is left short at the right rather than torn apart.
constexpr double kHardStretchEm = 0.5;

struct LineFit {
  LineRange range;          // without spaces at either end
  double natural = 0;       // width as set before any adjustment
  double end_blank = 0;     // the last mark's trailing blank (GB/T 15834 §5.1.10)
  size_t end_cluster = 0;   // the cluster it belongs to (before any trailing markers)
  double start_blank = 0;   // an opening mark's leading blank at the line start (always removed)
  double inner_shrink = 0;  // punctuation blanks and Han–Latin gaps inside
  int gaps = 0;             // gaps that may stretch
  double em = 16;           // the paragraph's base size
  double max_stretch() const { return gaps * kMaxStretchEm * em; }
};

// Prefix sums over a prepared paragraph, so any line's fit is O(1).
class LineMeasure {
 public:
  LineMeasure(const Prepared& p, double em);
  LineFit fit(LineRange r) const;

 private:
  const Prepared& p_;
  double em_;
  std::vector<double> width_;   // Σ width + gap_after
  std::vector<double> shrink_;  // Σ blank_left + blank_right + half the gap
  std::vector<int> gaps_;       // Σ stretchable gaps after cluster k
  // Spaces at a line's ends are trimmed; these make that O(1): the first
  // non-space cluster at or after i, and one past the last before j.
  std::vector<uint32_t> next_ink_, prev_ink_;
  // The last cluster at or before k that is not a marker glued to the one
  // before it (0 if none): where a line's last mark is, in O(1) even after
  // a run of footnote markers.
  std::vector<uint32_t> unattached_;
};

}  // namespace banshi
