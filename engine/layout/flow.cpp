#include "layout/flow.h"

namespace banshi {

void Flow::add_paragraph(ComposedParagraph&& p, double x, double size, bool keep_with_next, const std::string& bookmark,
                         int level) {
  const size_t n = p.lines.size();
  line_count_ += n;
  for (size_t i = 0; i < n; ++i) {
    FlowLine fl;
    fl.line = std::move(p.lines[i]);
    fl.x = x;
    fl.size = size;
    // Orphan: no break after a paragraph's first line; widow: none before
    // its last.
    const bool orphan = n >= 2 && i == 1;
    const bool widow = n >= 2 && i + 1 == n && i > 0;
    fl.break_before = !(orphan || widow);
    if (keep_lines_ > 0) {
      fl.break_before = false;
      --keep_lines_;
    }
    if (i == 0 && !bookmark.empty()) {
      fl.bookmark = bookmark;
      fl.bookmark_level = level;
    }
    items.emplace_back(std::move(fl));
  }
  // A heading keeps itself and two lines of what follows on one page.
  if (keep_with_next) keep_lines_ = 2;
}

void Flow::add_box(FlowBox&& box) {
  if (keep_lines_ > 0) {
    box.break_before = false;
    keep_lines_ = 0;  // a heading stays with the box after it
  }
  box_height_ += box.height;
  line_count_ += box.caption.size();
  items.emplace_back(std::move(box));
}

void Flow::add_space(int slots) {
  if (slots > 0) items.emplace_back(FlowSpace{slots});
}

void Flow::add_break(bool recto, FolioMode folio, bool new_page, std::string name) {
  keep_lines_ = 0;
  items.emplace_back(FlowBreak{recto, folio, new_page, std::move(name)});
}

void place_line(const ComposedLine& line, double x, double baseline, std::vector<PageItem>& items,
                std::vector<LinkArea>& links) {
  for (const TextRun& r : line.runs) {
    PageItem t = r;
    translate(t, x, baseline);
    items.push_back(std::move(t));
  }
  for (const Rect& m : line.marks) {
    PageItem t = m;
    translate(t, x, baseline);
    items.push_back(std::move(t));
  }
  for (const Line& l : line.strokes) {
    PageItem t = l;
    translate(t, x, baseline);
    items.push_back(std::move(t));
  }
  for (LinkArea l : line.links) {
    l.x += x;
    l.y += baseline;
    links.push_back(std::move(l));
  }
}

}  // namespace banshi
