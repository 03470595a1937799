// Step 4 of paragraph layout — line: set one line's clusters at their final
// horizontal positions: justification, alignment, the shrinking of
// punctuation blanks when a line is too full.
#pragma once

#include <vector>

#include "para/linebreak.h"

namespace banshi {

struct LineLayout {
  LineRange range;          // the line's clusters without spaces at its ends
  std::vector<double> x;    // left edge of each cluster of `range`, from the measure's left edge
  std::vector<double> w;    // width each cluster is set at
  std::vector<double> pen;  // glyph origin of each cluster relative to x (blanks removed on its left move it)
  double left = 0;          // where the line starts
  double width = 0;         // set width of the line
};

class LineMeasure;

// Sets line `index` of a paragraph; `last` is the paragraph's last line
// (not justified). `measure` is the paragraph's (built once: it holds
// prefix sums over the whole paragraph).
LineLayout set_line(const Prepared& p, const LineMeasure& measure, LineRange range, const ParagraphSpec& spec,
                    size_t index, bool last);

// Whether extra space may go between clusters a and a+1 (between CJK
// characters and at spaces, never inside a Latin word, —— or ……, or before a
// marker).
bool stretchable_gap(const Cluster& a, const Cluster& b);
// Whether the gap after `a` is a word space or a Han–Latin gap, which open
// before the gaps between Han characters do.
inline bool is_flex_gap(const Cluster& a) { return a.space || a.gap_after > 0; }
// Whether the gap is between two Han characters (full-width letters and
// kana alike): the gaps whose opening shows as loose Chinese text.
inline bool between_han(const Cluster& a, const Cluster& b) {
  return a.cls == CharClass::Ideographic && b.cls == CharClass::Ideographic && a.gap_after == 0;
}

}  // namespace banshi
