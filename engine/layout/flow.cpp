#include "layout/flow.h"

namespace banshi {

void Flow::add_paragraph(ComposedParagraph&& p, double x, double size, bool keep_with_next, const std::string& bookmark,
                         int level) {
  if (pending_.empty()) return place(std::move(p), x, size, keep_with_next, bookmark, level);
  add_paragraph(TaskPool::deferred([p = std::move(p)]() mutable { return std::move(p); }), 0, x, size, keep_with_next,
                bookmark, level);
}

void Flow::add_paragraph(Task<ComposedParagraph>&& p, size_t text_bytes, double x, double size, bool keep_with_next,
                         const std::string& bookmark, int level) {
  pending_.emplace_back(LaterParagraph{std::move(p), text_bytes, x, size, keep_with_next, bookmark, level});
  ++later_;
  later_bytes_ += text_bytes;
  while (later_ > kMaxLater || (later_bytes_ > kMaxLaterBytes && later_ > 1)) settle_to(later_ - 1);
}

void Flow::add_box(FlowBox&& box) { add(std::move(box)); }

void Flow::add_space(int slots) {
  if (slots > 0) add(FlowSpace{slots});
}

void Flow::add_fill() { add(FlowSpace{0, true}); }

void Flow::add_break(bool recto, FolioMode folio, bool new_page, std::string name) {
  add(FlowBreak{recto, folio, new_page, std::move(name)});
}

void Flow::add(Pending&& op) {
  if (pending_.empty()) place(std::move(op));
  else pending_.push_back(std::move(op));
}

void Flow::settle() { settle_to(0); }

void Flow::settle_to(size_t keep) {
  while (!pending_.empty() && later_ > keep) {
    Pending op = std::move(pending_.front());
    pending_.pop_front();
    place(std::move(op));
  }
  // What follows the last paragraph placed needs no waiting.
  while (!pending_.empty() && !std::holds_alternative<LaterParagraph>(pending_.front())) {
    Pending op = std::move(pending_.front());
    pending_.pop_front();
    place(std::move(op));
  }
}

void Flow::place(Pending&& op) {
  if (auto* p = std::get_if<LaterParagraph>(&op)) {
    --later_;
    later_bytes_ -= p->text_bytes;
    place(p->lines.get(), p->x, p->size, p->keep_with_next, p->bookmark, p->level);
  } else if (auto* box = std::get_if<FlowBox>(&op)) {
    if (keep_lines_ > 0) {
      box->break_before = false;
      keep_lines_ = 0;  // a heading stays with the box after it
    }
    box_height_ += box->height;
    line_count_ += box->caption.size();
    items.emplace_back(std::move(*box));
  } else if (auto* space = std::get_if<FlowSpace>(&op)) {
    items.emplace_back(*space);
  } else {
    keep_lines_ = 0;
    items.emplace_back(std::move(std::get<FlowBreak>(op)));
  }
}

void Flow::place(ComposedParagraph&& p, double x, double size, bool keep_with_next, const std::string& bookmark,
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
