// Step 5 of paragraph layout — finalize: turn set lines into positioned
// glyph runs (the display list's TextRun), plus what the page builder needs
// to know about each line: its extent, the footnotes whose markers it
// holds, its links.
#pragma once

#include <vector>

#include "page/display_list.h"
#include "para/line.h"

namespace banshi {

struct ComposedLine {
  // Runs with x from the measure's left edge and y from the baseline (up
  // is negative, as on the page); the page builder translates them.
  std::vector<TextRun> runs;
  std::vector<Rect> marks;              // emphasis dots and other drawn marks
  std::vector<Line> strokes;            // the ticks of check boxes
  std::vector<LinkArea> links;          // same coordinates as runs
  std::vector<int> footnotes;           // note indices whose markers are on this line
  double left = 0, width = 0;           // set extent
  double ascent = 0, descent = 0;       // pt above / below the baseline
  size_t text_begin = 0, text_end = 0;  // bytes of the paragraph text
};

ComposedLine finalize_line(const Prepared& p, const LineLayout& line);

// Moves everything on a line right by dx.
void shift_line(ComposedLine& line, double dx);

}  // namespace banshi
