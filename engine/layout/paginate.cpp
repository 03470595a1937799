#include "layout/paginate.h"

#include <algorithm>
#include <cmath>

namespace banshi {

namespace {

// The em box's top sits on the grid line; its baseline 0.88 em below
// (the ideographic em box of CJK fonts runs from -0.12 em to 0.88 em).
constexpr double kBaselineRatio = 0.88;

struct Placed {
  size_t item;  // index into flow.items
  int slot;     // first grid line on the page
};

struct PageDraft {
  std::vector<Placed> lines;
  std::vector<int> notes;  // note indices whose text is at this page's foot
  bool blank = false;
  int folio = 0;  // printed number, 0 = none
};

// Translates a composed line to page coordinates and appends it.
void emit_line(Page& page, const ComposedLine& line, double x0, double baseline) {
  for (const TextRun& r : line.runs) {
    TextRun t = r;
    for (auto& g : t.glyphs) {
      g.x += x0;
      g.y += baseline;
    }
    page.items.emplace_back(std::move(t));
  }
  for (const Rect& m : line.marks) {
    Rect t = m;
    t.x += x0;
    t.y += baseline;
    page.items.emplace_back(t);
  }
  for (const LinkArea& l : line.links) {
    LinkArea t = l;
    t.x += x0;
    t.y += baseline;
    page.links.push_back(std::move(t));
  }
}

class Paginator {
 public:
  Paginator(const Flow& flow, const PaginateParams& params)
      : flow_(flow), p_(params), g_(params.tmpl->page), pitch_(g_.line_pitch()) {}

  PageSequence run();

 private:
  int note_lines(const std::vector<int>& notes) const {
    int n = 0;
    for (int i : notes) n += static_cast<int>(flow_.notes[static_cast<size_t>(i)].lines.size());
    return n;
  }
  // Grid lines left for the body when these notes are at the foot.
  int capacity(const std::vector<int>& notes) const {
    const int n = note_lines(notes);
    if (n == 0) return g_.lines;
    const double area = 2 * p_.notes.rule_gap + n * p_.notes.pitch;
    return std::max(0, static_cast<int>(std::floor((g_.text_height - area) / pitch_ + 1e-6)));
  }
  void start_page(bool blank = false) {
    drafts_.emplace_back();
    drafts_.back().blank = blank;
    if (numbering_ && !blank) drafts_.back().folio = next_folio_++;
  }
  void render(PageSequence& out) const;

  const Flow& flow_;
  const PaginateParams& p_;
  const PageGeometry& g_;
  const double pitch_;
  std::vector<PageDraft> drafts_;
  bool numbering_ = true;
  int next_folio_ = 1;
};

PageSequence Paginator::run() {
  const auto& items = flow_.items;
  size_t i = 0;
  bool fresh = true;  // the current draft has nothing yet
  start_page();
  int slot = 0;
  while (i < items.size()) {
    PageDraft* page = &drafts_.back();
    if (const auto* br = std::get_if<FlowBreak>(&items[i])) {
      ++i;
      if (br->folio == FolioMode::None) numbering_ = false;
      if (br->folio == FolioMode::Restart) {
        numbering_ = true;
        next_folio_ = 1;
      }
      if (!page->lines.empty()) {
        start_page();
      } else if (br->folio != FolioMode::Keep) {
        page->folio = numbering_ ? next_folio_++ : 0;  // the empty page we are on
      }
      if (br->recto && drafts_.size() % 2 == 0) {
        // The page we are on is a verso: it stays blank and takes no number,
        // so the recto after it gets the number it would have had.
        PageDraft& blank = drafts_.back();
        blank.blank = true;
        if (blank.folio > 0) next_folio_ = blank.folio;
        blank.folio = 0;
        start_page();
      }
      slot = 0;
      fresh = true;
      continue;
    }
    if (const auto* sp = std::get_if<FlowSpace>(&items[i])) {
      ++i;
      if (slot == 0) continue;  // no blank lines at a page top
      slot += sp->slots;
      continue;
    }
    const auto& line = std::get<FlowLine>(items[i]);
    std::vector<int> notes = page->notes;
    for (int n : line.line.footnotes) notes.push_back(n);
    if (slot + line.slots <= capacity(notes) || (fresh && page->lines.empty())) {
      page->lines.push_back({i, slot});
      page->notes = std::move(notes);
      slot += line.slots;
      fresh = false;
      ++i;
      continue;
    }
    // The line does not fit: end the page before the last line that
    // allows a break there (keep-with-next, widows and orphans), unless
    // that leaves the page less than half full — then break here anyway.
    const size_t placed = page->lines.size();
    auto allows = [&](size_t k) {
      return k == placed ? line.break_before : std::get<FlowLine>(items[page->lines[k].item]).break_before;
    };
    size_t k = placed;
    while (k > 0 && !allows(k)) --k;
    if (k > 0 && k < placed && page->lines[k].slot * 2 >= capacity(page->notes)) {
      i = page->lines[k].item;
      page->lines.resize(k);
      page->notes.clear();
      for (const auto& pl : page->lines)
        for (int n : std::get<FlowLine>(items[pl.item]).line.footnotes) page->notes.push_back(n);
    }
    start_page();
    slot = 0;
    fresh = true;
  }
  // A trailing empty page (document ended with a break) is dropped.
  while (drafts_.size() > 1 && drafts_.back().lines.empty() && !drafts_.back().blank) drafts_.pop_back();
  PageSequence out;
  render(out);
  return out;
}

void Paginator::render(PageSequence& out) const {
  const auto& items = flow_.items;
  for (size_t pi = 0; pi < drafts_.size(); ++pi) {
    const PageDraft& d = drafts_[pi];
    Page page;
    page.width = g_.width;
    page.height = g_.height;
    page.blank = d.blank;
    const int physical = static_cast<int>(pi) + 1;
    const double left = g_.text_left(physical);
    for (const Placed& pl : d.lines) {
      const auto& fl = std::get<FlowLine>(items[pl.item]);
      const double top = g_.top + pl.slot * pitch_;
      const double baseline = top + kBaselineRatio * fl.size;
      emit_line(page, fl.line, left + fl.x, baseline);
      if (!fl.bookmark.empty())
        out.outline.push_back({fl.bookmark, fl.bookmark_level, pi, top});
    }
    if (!d.notes.empty()) {
      const int n = note_lines(d.notes);
      const double bottom = g_.top + g_.text_height;
      double y = bottom - n * p_.notes.pitch;
      const double rule_y = y - p_.notes.rule_gap;
      page.items.emplace_back(Line{left, rule_y, left + g_.text_width / 4, rule_y, p_.notes.rule_width});
      for (int ni : d.notes) {
        for (const ComposedLine& nl : flow_.notes[static_cast<size_t>(ni)].lines) {
          emit_line(page, nl, left, y + kBaselineRatio * p_.notes.size + (p_.notes.pitch - p_.notes.size) / 2);
          y += p_.notes.pitch;
        }
      }
    }
    if (d.folio > 0 && p_.tmpl->folio.enabled && p_.folio) {
      const ComposedLine folio = p_.folio(d.folio);
      const FolioStyle& fs = p_.tmpl->folio;
      const double inset = fs.inset.resolve(fs.size);
      const bool recto = physical % 2 == 1 || !g_.mirror;
      const double x = recto ? left + g_.text_width - inset - folio.width - folio.left : left + inset - folio.left;
      const double top = g_.top + g_.text_height + fs.below;
      emit_line(page, folio, x, top + kBaselineRatio * fs.size);
      page.label = std::to_string(d.folio);
    }
    out.pages.push_back(std::move(page));
  }
}

}  // namespace

PageSequence paginate(const Flow& flow, const PaginateParams& params) { return Paginator(flow, params).run(); }

}  // namespace banshi
