// Step 1 of paragraph layout — collect: a paragraph's inline content as one
// UTF-8 string with style spans over it. Later steps (prepare, linebreak,
// justify, finalize) work on byte offsets into this string.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fonts/font_set.h"

namespace banshi {

// How one span of a paragraph is drawn.
struct SpanStyle {
  const ResolvedFace* face = nullptr;
  double size = 16;
  bool bold = false;           // synthetic bold (fill + stroke)
  double baseline_shift = 0;   // pt, up (superscript markers, <sup>/<sub>)
  bool emphasis_dots = false;  // <em>: 着重号 under each Han character
  std::string link;            // <a href>: the URI
  // A footnote marker or citation: glued to the character before it (never
  // starts a line) and reported with the line that holds it.
  bool attached = false;
  int footnote = -1;  // note index this marker refers to, or -1
  // A marker standing for a range of notes (the "-4" of ¹⁻⁴) refers to
  // every note from `footnote` through this index.
  int footnote_through = -1;
  // The span takes at least this width (pt): list labels and note numbers
  // in a hanging indent, so the text after them starts at one place.
  double box_width = 0;
};

struct Span {
  size_t begin = 0, end = 0;  // byte range in CollectedText::text
  size_t style = 0;           // index into CollectedText::styles
};

// Where a piece of the text was written in the report (0: not known —
// numbers, labels and markers the engine adds).
struct SourcePos {
  int line = 0, column = 0;
};

struct CollectedText {
  std::string text;
  std::vector<SpanStyle> styles;
  std::vector<Span> spans;
  std::vector<size_t> forced_breaks;  // byte offsets of <br/>
  // Byte offsets where a piece written at a known place starts, for
  // messages about the text (a character no font has).
  std::vector<std::pair<size_t, SourcePos>> sources;

  // Appends text with a style (consecutive equal styles share a span),
  // written at `from` in the report when known.
  void push(std::string_view s, const SpanStyle& style, SourcePos from = {});
  void push_break() { forced_breaks.push_back(text.size()); }
  bool empty() const { return text.empty(); }
  // Where the piece holding byte `at` was written ({0, 0} if not known).
  SourcePos source_at(size_t at) const;
};

}  // namespace banshi
