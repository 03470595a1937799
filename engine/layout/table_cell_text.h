// The text of table cells, set by the body's paragraph pipeline: collected
// once (collecting registers the cell's footnotes, so it must not happen
// twice), measured for the column width algorithm, then composed at the
// width its columns got.
#pragma once

#include <vector>

#include "layout/table.h"
#include "layout/table_grid.h"

namespace banshi {

// How a paragraph of a template style is set off the body's flow: the
// style's alignment and indents, on the character grid only when the

struct CellText {
  CollectedText text;
  ParagraphSpec spec;   // measure set by set_cell_text
  double size = 14;     // the style's font size: where the baseline sits
  double pitch = 20;    // line pitch (pt)
  bool header = false;  // a <th>: a label, centred however it wraps
  std::vector<ComposedLine> lines;

  double height() const { return static_cast<double>(lines.size()) * pitch; }
};

// Collects a cell's content in the `table` style, or `table-header` for
// <th>. An empty slot gives an empty text.
CellText collect_cell(const GridCell& cell, TableEnv& env);

struct TextWidths {
  double min = 0;  // widest piece no line may break inside
  double max = 0;  // the whole text on one line (the widest line with <br/>)
};

// Measures with the real shaper. The minimum is at least two characters
// of the style (or the whole text when shorter): Chinese may break between
// any two characters, but a column one character wide reads badly.
TextWidths measure_cell(const CellText& cell, ParagraphComposer& composer);

// Composes the text into lines of `measure` pt. A value centred in its
// cell that wraps is set justified instead (its last line to the left):
// centred lines of different lengths read as a ragged block.
void set_cell_text(CellText& cell, double measure, ParagraphComposer& composer);

}  // namespace banshi
