// What a candidate line can do: its natural width and how far it may
// shrink (punctuation blanks, line-end and line-start marks, Han–Latin
// gaps) or stretch (between characters). Line breaking chooses lines with
// it and justification sets them with it, so the two always agree.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "para/linebreak.h"

namespace banshi {

// How far justification may open a gap before the line counts as loose:
// 0.09 em per gap, so no full line's pitch is more than 10 % over the em
// (issue 15; 1.077 em on the 16 pt grid, whose cell is 0.987 em; 1.09 em
// off it) and a gap stays under the tenth of an em at which text
// extraction (poppler) reads a word space.
constexpr double kMaxStretchEm = 0.09;
// What justification never exceeds — a tenth of an em, still within the
// 10 % (a reference's line of Han text after its narrow "[1]" needs about
// 0.098 em): a line that would need more (a long URL or reference run
// leaving few gaps) is left short at the right rather than spaced out — the
// run moves down instead of stretching the line before it.
constexpr double kHardStretchEm = 0.1;

// A word space or a Han–Latin gap opens first, by up to this much (clreq
// 3.8: Western spaces, then the CJK–Western gap, then all gaps): half an em
// at most with the quarter em it has, while Han text keeps its pitch.
constexpr double kFlexStretchEm = 0.25;

// When the gaps between Han characters have opened the tenth of an em and
// the line is still short (an unbreakable run moved down leaves it so), a
// gap beside a punctuation mark, a Latin word or a number opens further, to
// a quarter em in all (clreq 3.8's limit for letter-spacing): a mark's
// side or a word's edge takes the rest, not the pitch of the Han text, and
// the line still reaches the margin (GB/T 9704 6.3, 撑满版心).
constexpr double kBesideStretchEm = 0.25;

struct LineFit {
  LineRange range;          // without spaces at either end
  double natural = 0;       // width as set before any adjustment
  double end_blank = 0;     // the last mark's trailing blank (GB/T 15834 §5.1.10)
  size_t end_cluster = 0;   // the cluster it belongs to (before any trailing markers)
  double start_blank = 0;   // an opening mark's leading blank at the line start (always removed)
  double inner_shrink = 0;  // punctuation blanks and Han–Latin gaps inside
  int gaps = 0;             // gaps that may stretch
  int flex = 0;             // of them, word spaces and Han–Latin gaps (they open first)
  int beside = 0;           // of them, gaps not between two Han characters (they open last)
  double em = 16;           // the paragraph's base size
  double flex_stretch() const { return flex * kFlexStretchEm * em; }
  double max_stretch() const { return flex_stretch() + gaps * kMaxStretchEm * em; }
  double hard_stretch() const { return flex_stretch() + gaps * kHardStretchEm * em; }
  double beside_stretch() const { return beside * (kBesideStretchEm - kHardStretchEm) * em; }
};

// Prefix sums over a prepared paragraph, so any line's fit is O(1).
class LineMeasure {
 public:
  LineMeasure(const Prepared& p, double em);
  LineFit fit(LineRange r) const;
  // The paragraph's em: its most common type size.
  double em() const { return em_; }

 private:
  double em_;
  std::vector<double> width_;   // Σ width + gap_after
  std::vector<double> shrink_;  // Σ blank_left + blank_right + half the gap
  std::vector<int> gaps_;       // Σ stretchable gaps after cluster k
  std::vector<int> flex_;       // Σ of them after a space or with a Han–Latin gap
  std::vector<int> beside_;     // Σ of them not between two Han characters
  // Spaces at a line's ends are trimmed; these make that O(1): the first
  // non-space cluster at or after i, and one past the last before j.
  std::vector<uint32_t> next_ink_, prev_ink_;
  // The last cluster at or before k that is not a marker glued to the one
  // before it (0 if none): where a line's last mark is, in O(1) even after
  // a run of footnote markers.
  std::vector<uint32_t> unattached_;
  // The clusters' own figures fit() needs, one array each (a cluster is
  // about a hundred bytes, of which fit() wants these few): the gap after
  // each, the blanks of wide closing and opening marks (the only ones a
  // line's end or start removes).
  std::vector<double> gap_after_, blank_left_, blank_right_;
  std::vector<uint8_t> opening_, closing_;
};

// Inline: the optimal breaker measures every candidate line, a few hundred
// thousand for a 14-page report; it reads only the arrays here, never the
// clusters themselves.
[[gnu::always_inline]] inline LineFit LineMeasure::fit(LineRange r) const {
  LineFit f;
  f.em = em_;
  f.range.begin = std::min<size_t>(next_ink_[r.begin], r.end);
  f.range.end = std::max<size_t>(prev_ink_[r.end], f.range.begin);
  const size_t a = f.range.begin, b = f.range.end;
  if (a >= b) return f;
  const double last_gap = gap_after_[b - 1];
  f.natural = width_[b] - width_[a] - last_gap;
  double shrink = shrink_[b] - shrink_[a] - last_gap / 2;
  // The line's last mark may be followed only by footnote markers glued to
  // it (，¹): its trailing blank still goes, and the markers close up.
  const size_t lk = std::max<size_t>(a, unattached_[b - 1]);
  f.end_cluster = lk;
  if (closing_[lk]) {
    f.end_blank = blank_right_[lk];
    shrink -= blank_right_[lk];
  }
  if (opening_[a] && b - a > 1) {
    f.start_blank = blank_left_[a];
    shrink -= blank_left_[a];
  }
  f.inner_shrink = std::max(0.0, shrink);
  f.gaps = gaps_[b - 1] - gaps_[a];
  f.flex = flex_[b - 1] - flex_[a];
  f.beside = beside_[b - 1] - beside_[a];
  return f;
}

}  // namespace banshi
