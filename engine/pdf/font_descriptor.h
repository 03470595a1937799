// The values of a PDF FontDescriptor, measured from the font itself, in
// glyph space (1000 units per em).
#pragma once

#include <array>

#include "fonts/font.h"

namespace banshi::pdf {

struct DescriptorMetrics {
  int flags = 0;
  std::array<int, 4> bbox{};  // xMin yMin xMax yMax
  double italic_angle = 0;    // degrees, counter-clockwise
  int ascent = 0, descent = 0, cap_height = 0;
  int stem_v = 0;
};

DescriptorMetrics descriptor_metrics(const Font& font);

}  // namespace banshi::pdf
