// The vertical list: the document as a sequence of lines, blank grid lines
// and page breaks, each line already composed. Pagination (paginate.h)
// decides where pages end; this file only says where they *may* end.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "para/compose.h"
#include "style/template.h"

namespace banshi {

struct FlowLine {
  ComposedLine line;
  double x = 0;         // measure's left edge from the text block's left edge
  double size = 16;     // the style's font size: the baseline sits 0.88 em below the line's top
  int slots = 1;        // grid lines taken
  bool break_before = true;  // may a page end just before this line?
  std::string bookmark;      // outline title, empty for none
  int bookmark_level = 0;
};

// Blank grid lines (before/after headings and titles); dropped at a page top.
struct FlowSpace {
  int slots = 1;
};

enum class FolioMode { Keep, None, Restart };

// Starts a new page; `recto` pads with a blank page so the next page is
// odd-numbered; `folio` changes the numbering from there on.
struct FlowBreak {
  bool recto = false;
  FolioMode folio = FolioMode::Keep;
};

using FlowItem = std::variant<FlowLine, FlowSpace, FlowBreak>;

// Footnotes: composed once, placed at the foot of the page of their marker.
struct FlowNote {
  std::vector<ComposedLine> lines;
};

struct Flow {
  std::vector<FlowItem> items;
  std::vector<FlowNote> notes;  // indexed like NoteRegistry::notes()

  // Adds a composed paragraph: widow/orphan control (a paragraph's first
  // or last line never alone on a page) and keep-with-next.
  void add_paragraph(ComposedParagraph&& p, double x, double size, bool keep_with_next,
                     const std::string& bookmark = {}, int level = 0);
  void add_space(int slots);
  void add_break(bool recto, FolioMode folio = FolioMode::Keep);

 private:
  int keep_lines_ = 0;  // lines after a heading that must stay with it
};

}  // namespace banshi
