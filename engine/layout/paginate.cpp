#include "layout/paginate.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace banshi {

namespace {

constexpr double kEps = 1e-6;

// Lines [first, end) of one note at one page's foot: indices into the
// note's composed lines, so a note continued over many pages is cut, not
// copied or composed again for each of them.
struct NotePart {
  int note = 0;
  size_t first = 0, end = 0;
  bool continued = false;  // the rest of a note begun on an earlier page
  size_t size() const { return end - first; }
};

struct Placed {
  size_t item;                      // index into flow.items
  double top;                       // from the text block's top
  const FlowBox* header = nullptr;  // a repeated table header drawn instead of the item
  const FlowBox* piece = nullptr;   // the part of a cut box on this page, drawn instead of the item
};

// What became of an item the paginator tried to place.
enum class Placing { Placed, Split, NoRoom };

// A box is cut across pages only when moving it whole would leave more
// than this share of the text block empty; below it, it moves on.
constexpr double kSplitRoom = 0.25;

struct PageDraft {
  std::vector<Placed> placed;
  std::vector<NotePart> notes;
  bool blank = false;
  int folio = 0;      // printed number, 0 = none
  std::string name;   // a form page's name (FlowBreak::name): its bookmark
  std::string label;  // its label in a viewer when it prints no number: the
                      // name, kept by the pages a named page runs over to
  bool has_body() const { return !placed.empty(); }
};

// Is flow item i on the page?
bool placed_here(const PageDraft& d, size_t i) {
  return std::any_of(d.placed.begin(), d.placed.end(), [i](const Placed& pl) { return pl.item == i && !pl.header; });
}

void emit_line(Page& page, const ComposedLine& line, double x0, double baseline) {
  place_line(line, x0, baseline, page.items, page.links);
}

void emit_box(Page& page, const FlowBox& box, double x0, double y0) {
  for (const PageItem& item : box.items) {
    PageItem t = item;
    translate(t, x0, y0);
    page.items.push_back(std::move(t));
  }
  for (const LinkArea& l : box.links) {
    LinkArea t = l;
    t.x += x0;
    t.y += y0;
    page.links.push_back(std::move(t));
  }
}

class Paginator {
 public:
  Paginator(const Flow& flow, const PaginateParams& params)
      : flow_(flow), p_(params), g_(params.tmpl->page), pitch_(g_.line_pitch()) {
    note_page_.assign(flow.notes.size(), 0);
  }

  Pagination run();

 private:
  const FlowLine* line_at(size_t i) const { return std::get_if<FlowLine>(&flow_.items[i]); }
  const FlowBox* box_at(size_t i) const { return std::get_if<FlowBox>(&flow_.items[i]); }
  // The box item i is now: the rest of it when it was cut at a page's end.
  const FlowBox* box_now(size_t i) const { return pending_ && i == pending_item_ ? pending_ : box_at(i); }
  bool breakable_before(size_t i) const {
    if (pending_ && i == pending_item_) return true;  // the rest of a cut box starts a page
    if (const auto* l = line_at(i)) return l->break_before;
    if (const auto* b = box_at(i)) return b->break_before;
    return true;
  }
  const std::vector<int>& notes_of(size_t i) const {
    static const std::vector<int> none;
    if (const auto* l = line_at(i)) return l->line.footnotes;
    if (const auto* b = box_now(i)) return b->footnotes;
    return none;
  }
  const std::vector<int>& notes_of(const Placed& pl) const {
    return pl.piece ? pl.piece->footnotes : notes_of(pl.item);
  }

  size_t note_lines(const std::vector<NotePart>& parts) const {
    size_t n = 0;
    for (const auto& p : parts) n += p.size();
    return n;
  }
  const std::vector<ComposedLine>& lines_of(int note) const { return flow_.notes[static_cast<size_t>(note)].lines; }
  // A note whole, as its marker's page first gets it.
  NotePart whole(int note) const { return {note, 0, lines_of(note).size(), false}; }
  // Room left for the body when `lines` note lines are at the foot.
  double body_room(size_t lines) const {
    if (lines == 0) return g_.text_height;
    return g_.text_height - 2 * p_.notes.rule_gap - static_cast<double>(lines) * p_.notes.pitch;
  }
  // The grid line at or below `y` (a line's top snaps down to the next
  // grid line), then `lines_after` pitches further. The one place the grid
  // snap is written: the same expression everywhere keeps the same
  // rounding, so a line measured while paginating is drawn where measured.
  double on_grid(double y, double lines_after = 0) const {
    return (std::ceil(y / pitch_ - kEps) + lines_after) * pitch_;
  }
  // Bottom of a line starting at `y`: it takes the grid line it snaps to.
  double line_bottom(double y) const { return on_grid(y, 1); }
  double box_bottom(const FlowBox& b, double y) const {
    double bottom = y + b.height;
    for (size_t k = 0; k < b.caption.size(); ++k) bottom = line_bottom(bottom);
    // The blank lines after a caption count only while the page has room
    // for them: at its foot they are dropped, as blank lines are at a top.
    const double after = static_cast<double>(b.lines_after) * pitch_;
    return bottom + after <= g_.text_height + kEps ? bottom + after : bottom;
  }

  void start_page(bool blank = false);
  // The cases of run(), one per kind of flow item:
  // a page break (or a folio change without one);
  void page_break(const FlowBreak& br);
  // a fill: what follows, to the next page break, is pushed to the page's foot;
  void fill_to_foot(size_t i);
  // blank lines (none at a page's top);
  void blank_lines(const FlowSpace& sp);
  // a figure, which waits for the next page when it does not fit;
  void place_float(size_t i);
  // an item that does not fit: ends the page at the best break before it
  // and returns the item to go on from.
  size_t end_page_before(size_t i);
  // Pages for figures and note lines still waiting, then the trailing
  // empty page dropped.
  void finish();
  // `notes_wait`: the item's notes go behind those still waiting for the
  // next pages instead of on this one.
  // `piece`: the part of a cut box placed (its notes are the piece's).
  void commit(size_t i, const FlowBox* header, double bottom, std::vector<NotePart>&& parts, bool notes_wait = false,
              const FlowBox* piece = nullptr);
  // Tries to put item i on the current page: placed, cut with its first
  // part placed (the rest pending for the next page), or no room.
  Placing try_place(size_t i);
  // Cuts box item i where the page ends, when that leaves its first part
  // here; true when it did.
  bool try_split(size_t i, const FlowBox& box, const FlowBox* header, bool waiting);
  // Moves the note lines that do not fit under a body reaching `bottom`
  // from `parts` to the following pages (split notes marked continued).
  void carry_overflow(std::vector<NotePart>& parts, double bottom);
  void place_carried_notes();
  void place_deferred_floats();
  void render(PageSequence& out) const;
  void render_page(const PageDraft& d, size_t index, Page& page, PageSequence& out) const;

  const Flow& flow_;
  const PaginateParams& p_;
  const PageGeometry& g_;
  const double pitch_;
  std::vector<PageDraft> drafts_;
  std::vector<size_t> note_page_;
  double y_ = 0;                 // body height used on the current page
  std::deque<size_t> floats_;    // figures waiting for the next page
  std::vector<NotePart> carry_;  // note lines continued on the next page
  bool numbering_ = true;
  int next_folio_ = 1;
  // Parts of boxes cut across pages (a deque: the pages point into it).
  std::deque<FlowBox> pieces_;
  const FlowBox* pending_ = nullptr;  // the rest of item pending_item_, for the next page
  size_t pending_item_ = 0;
};

void Paginator::start_page(bool blank) {
  drafts_.emplace_back();
  drafts_.back().blank = blank;
  if (!blank && drafts_.size() > 1) drafts_.back().label = drafts_[drafts_.size() - 2].label;
  if (numbering_ && !blank) drafts_.back().folio = next_folio_++;
  y_ = 0;
  if (!blank) {
    place_carried_notes();
    place_deferred_floats();
  }
}

void Paginator::place_carried_notes() {
  PageDraft& d = drafts_.back();
  const auto limit = static_cast<size_t>(
      std::max(1.0, std::floor((g_.text_height * p_.notes.max_carry - 2 * p_.notes.rule_gap) / p_.notes.pitch)));
  std::vector<NotePart> still;
  size_t used = 0;
  for (auto& part : carry_) {
    if (used >= limit) {
      still.push_back(std::move(part));
      continue;
    }
    const size_t take = std::min(part.size(), limit - used);
    used += take;
    if (take < part.size()) {
      // Still too long: the rest goes on, marked continued again.
      still.push_back({part.note, part.first + take, part.end, true});
      part.end = part.first + take;
    }
    d.notes.push_back(std::move(part));
  }
  carry_ = std::move(still);
}

void Paginator::place_deferred_floats() {
  while (!floats_.empty()) {
    const size_t i = floats_.front();
    const FlowBox& b = *box_at(i);
    const double bottom = box_bottom(b, y_);
    if (bottom > body_room(note_lines(drafts_.back().notes)) + kEps && drafts_.back().has_body()) return;
    drafts_.back().placed.push_back({i, y_});
    y_ = bottom;
    floats_.pop_front();
  }
}

// Puts item i (after a repeated table header, if any) on the current page.
void Paginator::commit(size_t i, const FlowBox* header, double bottom, std::vector<NotePart>&& parts, bool notes_wait,
                       const FlowBox* piece) {
  PageDraft& d = drafts_.back();
  if (header) d.placed.push_back({i, y_, header});
  d.placed.push_back({i, header ? y_ + header->height : y_, nullptr, piece});
  if (piece && piece == pending_) pending_ = nullptr;  // the rest of a cut box, placed
  d.notes = std::move(parts);
  y_ = bottom;
  for (int n : notes_of(d.placed.back())) {
    note_page_[static_cast<size_t>(n)] = drafts_.size() - 1;
    if (notes_wait) carry_.push_back(whole(n));
  }
}

Placing Paginator::try_place(size_t i) {
  PageDraft& d = drafts_.back();
  const bool fresh = !d.has_body();
  const FlowBox* box = box_now(i);
  // The rest of a box cut at the previous page's end: placed as a piece.
  const FlowBox* piece = box && box != box_at(i) ? box : nullptr;
  // A table row that starts a page brings its table's header along; so
  // does the rest of a cut row, even under a figure that waited for the page.
  const FlowBox* header = nullptr;
  double y = y_;
  if (box && box->repeat_header && (fresh || piece) && i > 0) {
    header = box->repeat_header.get();
    y += header->height;
  }
  const double bottom = line_at(i) ? line_bottom(y) : box_bottom(*box, y);

  // The notes this item brings, whole if they fit; else the last one split
  // (its first lines here, the rest at the next page's foot). Notes still
  // waiting from earlier pages go first: this item's wait behind them.
  const bool waiting = !carry_.empty();
  std::vector<NotePart> parts = d.notes;
  if (!waiting)
    for (int n : notes_of(i)) parts.push_back(whole(n));
  const size_t all = note_lines(parts);
  // A box taller than the room left is cut (a table's rows) rather than
  // moved whole, or on a fresh page taller than the page.
  const bool fits = bottom <= body_room(all) + kEps;
  if (!fits && box && box->splitter && try_split(i, *box, header, waiting)) return Placing::Split;
  if (fits || (fresh && notes_of(i).empty())) {
    commit(i, header, bottom, std::move(parts), waiting, piece);
    return Placing::Placed;
  }
  if (!waiting && !notes_of(i).empty()) {
    NotePart& last = parts.back();
    const size_t others = all - last.size();
    // Lines that may not be parted from this one (the rest of a short
    // paragraph, lines kept with a heading) need room on this page too.
    double need = bottom;
    for (size_t k = i + 1; k < flow_.items.size() && line_at(k) && !line_at(k)->break_before; ++k)
      need = line_bottom(need);
    // The most lines of the last note that fit with the item, leaving at
    // least two for the next page (a continued note of one line looks
    // lost); a fresh page takes at least the first line so nothing stalls.
    size_t fit = 0;
    while (fit + 2 < last.size() && need <= body_room(others + fit + 1) + kEps) ++fit;
    if (fit == 0 && fresh && bottom <= body_room(others + 1) + kEps) fit = 1;
    if (fit > 0 && fit < last.size()) {
      carry_.insert(carry_.begin(), NotePart{last.note, last.first + fit, last.end, true});
      last.end = last.first + fit;
      // The lines kept with this one still fit: the note took only the
      // room they leave.
      commit(i, header, bottom, std::move(parts), false, piece);
      return Placing::Placed;
    }
  }
  if (fresh) {
    // Taller than an empty page: place it anyway rather than loop forever
    // (tables split their rows and figures are scaled, so this is rare).
    // Its notes take what room the page has and go on at the next pages'
    // foot: 44 notes on one line would otherwise run off the page's top.
    carry_overflow(parts, bottom);
    commit(i, header, bottom, std::move(parts), waiting, piece);
    return Placing::Placed;
  }
  return Placing::NoRoom;
}

bool Paginator::try_split(size_t i, const FlowBox& box, const FlowBox* header, bool waiting) {
  const PageDraft& d = drafts_.back();
  const double top = y_ + (header ? header->height : 0);
  double room = body_room(note_lines(d.notes)) - top;
  if (d.has_body() && room < kSplitRoom * g_.text_height) return false;
  // The first part's notes take room at the foot too: cut higher until
  // the part and its notes fit (notes waiting from earlier pages go first,
  // and this part's wait behind them).
  for (int tries = 0; tries < 8 && room > kEps; ++tries) {
    FlowBox head, tail;
    if (!box.splitter->split(room, head, tail)) return false;
    std::vector<NotePart> parts = d.notes;
    if (!waiting)
      for (int n : head.footnotes) parts.push_back(whole(n));
    const double bottom = top + head.height;
    const double over = bottom - body_room(note_lines(parts));
    if (over > kEps) {
      room -= over;
      continue;
    }
    head.break_before = box.break_before;
    head.repeat_header = box.repeat_header;
    const FlowBox& placed = pieces_.emplace_back(std::move(head));
    commit(i, header, bottom, std::move(parts), waiting, &placed);
    pending_ = &pieces_.emplace_back(std::move(tail));
    pending_item_ = i;
    return true;
  }
  return false;
}

void Paginator::carry_overflow(std::vector<NotePart>& parts, double bottom) {
  size_t room = 0;  // note lines that fit under the body
  const size_t all = note_lines(parts);
  while (room < all && bottom <= body_room(room + 1) + kEps) ++room;
  if (room == all) return;
  std::vector<NotePart> kept, carried;
  size_t used = 0;
  for (NotePart& part : parts) {
    const size_t take = std::min(part.size(), room - used);
    used += take;
    if (take == part.size()) {
      kept.push_back(part);
      continue;
    }
    if (take > 0) {
      kept.push_back({part.note, part.first, part.first + take, part.continued});
      carried.push_back({part.note, part.first + take, part.end, true});
    } else {
      carried.push_back(part);
    }
  }
  parts = std::move(kept);
  // Before anything already waiting: these notes came first.
  carry_.insert(carry_.begin(), carried.begin(), carried.end());
}

Pagination Paginator::run() {
  const auto& items = flow_.items;
  start_page();
  size_t i = 0;
  while (i < items.size()) {
    if (const auto* br = std::get_if<FlowBreak>(&items[i])) {
      page_break(*br);
    } else if (const auto* sp = std::get_if<FlowSpace>(&items[i])) {
      if (sp->fill) fill_to_foot(i);
      else blank_lines(*sp);
    } else if (const auto* b = box_at(i); b && b->floating) {
      place_float(i);
    } else {
      switch (try_place(i)) {
        case Placing::Placed: break;
        case Placing::Split:  // the rest of item i goes on the next page
          start_page();
          continue;
        case Placing::NoRoom: i = end_page_before(i); continue;
      }
    }
    ++i;
  }
  finish();
  Pagination out;
  render(out.pages);
  out.note_page = note_page_;
  return out;
}

void Paginator::page_break(const FlowBreak& br) {
  if (br.folio == FolioMode::None) numbering_ = false;
  if (br.folio == FolioMode::Restart) {
    numbering_ = true;
    next_folio_ = 1;
  }
  PageDraft& page = drafts_.back();
  if (!br.new_page) {
    if (br.folio != FolioMode::Keep) page.folio = numbering_ ? next_folio_++ : 0;
    return;
  }
  if (page.has_body() || !page.notes.empty()) {
    start_page();
  } else if (br.folio != FolioMode::Keep) {
    page.folio = numbering_ ? next_folio_++ : 0;  // the empty page we are on
  }
  if (br.recto && drafts_.size() % 2 == 0) {
    // The page we are on is a verso: it stays blank and takes no number,
    // so the recto after it gets the number it would have had.
    PageDraft& blank = drafts_.back();
    blank.blank = true;
    if (blank.folio > 0) next_folio_ = blank.folio;
    blank.folio = 0;
    start_page();
  }
  drafts_.back().name = br.name;
  drafts_.back().label = br.name;
}

void Paginator::fill_to_foot(size_t i) {
  // Push what follows (to the next page break) to the page's foot, if it
  // fits there; a fill never starts a new page.
  const auto& items = flow_.items;
  double following = 0;
  for (size_t k = i + 1; k < items.size() && !std::holds_alternative<FlowBreak>(items[k]); ++k) {
    if (const auto* s2 = std::get_if<FlowSpace>(&items[k])) following += s2->slots * pitch_;
    else if (line_at(k)) following += pitch_;
    else if (const auto* b = box_at(k))
      following += b->height + static_cast<double>(b->caption.size() + static_cast<size_t>(b->lines_after)) * pitch_;
  }
  const double room = body_room(note_lines(drafts_.back().notes));
  const double top = std::floor((room - following) / pitch_ + kEps) * pitch_;
  if (top > y_) y_ = top;
}

void Paginator::blank_lines(const FlowSpace& sp) {
  if (!drafts_.back().has_body()) return;  // no blank lines at a page top
  y_ = on_grid(y_) + sp.slots * pitch_;
}

void Paginator::place_float(size_t i) {
  // A figure that does not fit waits for the next page; text flows on.
  if (!floats_.empty() || try_place(i) != Placing::Placed) floats_.push_back(i);
}

size_t Paginator::end_page_before(size_t i) {
  // End the page before the last item that allows a break there
  // (keep-with-next, widows and orphans), unless that leaves the page less
  // than half full — then break here anyway.
  PageDraft* page = &drafts_.back();
  const size_t placed = page->placed.size();
  // Moving placed[k..] to the next page: allowed where the first item
  // moved allows a break before it and no repeated header is left behind
  // without its row.
  // The part of a cut box stays where it is: the rest of it is already on
  // the page before.
  auto cut_ok = [&](size_t k) {
    if (k == placed) return breakable_before(i);
    return !page->placed[k - 1].header && !page->placed[k].piece && breakable_before(page->placed[k].item);
  };
  size_t k = placed;
  while (k > 0 && !cut_ok(k)) --k;
  if (k > 0 && k < placed && page->placed[k].top * 2 >= body_room(note_lines(page->notes))) {
    i = page->placed[k].item;
    // A note split by a moved item starts again with it on the next page.
    for (size_t m = k; m < placed; ++m)
      for (int n : notes_of(page->placed[m]))
        std::erase_if(carry_, [n](const NotePart& part) { return part.note == n; });
    page->placed.resize(k);
    // Notes of the items moved away go with them; carried notes and those
    // of the items that stay keep their lines here.
    std::vector<bool> stays(flow_.notes.size(), false);
    for (const auto& pl : page->placed)
      if (!pl.header)
        for (int n : notes_of(pl)) stays[static_cast<size_t>(n)] = true;
    std::erase_if(page->notes,
                  [&](const NotePart& part) { return !part.continued && !stays[static_cast<size_t>(part.note)]; });
  }
  start_page();
  return i;
}

void Paginator::finish() {
  while (!floats_.empty() || !carry_.empty()) {
    // Figures or note lines still waiting: more pages for them.
    start_page();
  }
  // A trailing empty page (the document ended with a break) is dropped.
  while (drafts_.size() > 1 && !drafts_.back().has_body() && drafts_.back().notes.empty() && !drafts_.back().blank)
    drafts_.pop_back();
}

void Paginator::render_page(const PageDraft& d, size_t pi, Page& page, PageSequence& out) const {
  const int physical = static_cast<int>(pi) + 1;
  const double left = g_.text_left(physical);
  // A named form page comes first in the outline, before any heading on it;
  // without a printed number, its name is what a viewer shows as its label.
  if (!d.name.empty()) out.outline.push_back({d.name, 1, pi, g_.top});
  if (!d.blank) page.label = d.label;
  for (const Placed& pl : d.placed) {
    if (pl.header) {
      emit_box(page, *pl.header, left, g_.top + pl.top);
      continue;
    }
    if (const auto* fl = line_at(pl.item)) {
      const double top = g_.top + on_grid(pl.top);
      emit_line(page, fl->line, left + fl->x, top + kBaselineRatio * fl->size);
      if (!fl->bookmark.empty()) out.outline.push_back({fl->bookmark, fl->bookmark_level, pi, top});
    } else if (const auto* b = pl.piece ? pl.piece : box_at(pl.item)) {
      emit_box(page, *b, left, g_.top + pl.top);
      double y = pl.top + b->height;
      if (b->page_foot && !placed_here(d, pl.item + 1)) emit_box(page, *b->page_foot, left, g_.top + y);
      for (const FlowLine& cl : b->caption) {
        const double top = on_grid(y);
        emit_line(page, cl.line, left + cl.x, g_.top + top + kBaselineRatio * cl.size);
        y = top + pitch_;
      }
      if (!b->bookmark.empty()) out.outline.push_back({b->bookmark, b->bookmark_level, pi, g_.top + pl.top});
    }
  }
  if (!d.notes.empty()) {
    const size_t n = note_lines(d.notes);
    const double bottom = g_.top + g_.text_height;
    double y = bottom - static_cast<double>(n) * p_.notes.pitch;
    const double rule_y = y - p_.notes.rule_gap;
    // A page whose notes begin with a continued one gets a full-width rule
    // (the convention for a split note); otherwise a quarter of the width.
    const double rule_len = d.notes.front().continued ? g_.text_width : g_.text_width / 4;
    page.items.emplace_back(Line{left, rule_y, left + rule_len, rule_y, p_.notes.rule_width});
    const double baseline = kBaselineRatio * p_.notes.size + (p_.notes.pitch - p_.notes.size) / 2;
    for (const NotePart& part : d.notes) {
      // A continued note: 续 in the hanging indent where its number stood.
      if (part.continued && part.size() > 0) emit_line(page, p_.continued_mark, left, y + baseline);
      const auto& lines = lines_of(part.note);
      for (size_t k = part.first; k < part.end; ++k) {
        emit_line(page, lines[k], left, y + baseline);
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
}

void Paginator::render(PageSequence& out) const {
  for (size_t pi = 0; pi < drafts_.size(); ++pi) {
    const PageDraft& d = drafts_[pi];
    Page page;
    page.width = g_.width;
    page.height = g_.height;
    page.blank = d.blank;
    render_page(d, pi, page, out);
    out.pages.push_back(std::move(page));
  }
}

}  // namespace

Pagination paginate(const Flow& flow, const PaginateParams& params) { return Paginator(flow, params).run(); }

}  // namespace banshi
