// How a template style sets a paragraph: measure, indents in grid cells,
// the grid cell itself, alignment.
#pragma once

#include "para/prepare.h"
#include "style/template.h"

namespace banshi {

// The spec for a paragraph of `style` across the template's text width.
// An em of a style on the grid at the body size is one grid cell, so
// "2em" indents exactly two characters.
ParagraphSpec paragraph_spec(const TextStyle& style, const Template& tmpl);

}  // namespace banshi
