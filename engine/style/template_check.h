// The ranges a template's values must keep (templates/README.md lists them):
// checked once the template and what it extends are read, because whether
// an indent leaves room for text depends on the page another element sets.
// A value out of range is an InputError at the element that set it, so a
// template can never make layout put text off the page or drop it.
#pragma once

#include "style/template.h"

namespace banshi {

// The smallest and largest type a style or the folio may set (pt): 八号 is
// 5 pt, and 72 pt (an inch) is far above 初号's 42.
inline constexpr double kMinTypeSize = 5;
inline constexpr double kMaxTypeSize = 72;

// Throws InputError for the first value out of its range.
void check_template_ranges(const Template& t);

}  // namespace banshi
