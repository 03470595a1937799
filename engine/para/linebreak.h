// Step 3 of paragraph layout — linebreak: choose where lines end among the
// break opportunities `prepare` marked.
#pragma once

#include <vector>

#include "para/prepare.h"

namespace banshi {

// Clusters [begin, end) of one line.
struct LineRange {
  size_t begin = 0, end = 0;
};

enum class Breaker {
  Greedy,   // first fit: fill each line as far as it goes
  Optimal,  // total fit over the paragraph (see linebreak.cpp)
};

// The width available to line `index` (0 = first line) of a paragraph.
double line_available(const ParagraphSpec& spec, size_t index);
// Left edge of line `index` relative to the measure's left edge.
double line_start(const ParagraphSpec& spec, size_t index);

// Width of clusters [begin, end) as set, without spaces at either end.
double natural_width(const Prepared& p, LineRange r);

// The first and one-past-last cluster of a line that are not spaces.
LineRange trim_spaces(const Prepared& p, LineRange r);

class LineMeasure;

std::vector<LineRange> break_lines(const Prepared& p, const ParagraphSpec& spec, Breaker breaker);
// The same with the paragraph's LineMeasure made already (of `p` and
// spec.grid_size), as the composer has it for setting the lines.
std::vector<LineRange> break_lines(const Prepared& p, const ParagraphSpec& spec, Breaker breaker,
                                   const LineMeasure& measure);

}  // namespace banshi
