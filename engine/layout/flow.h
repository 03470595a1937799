// The vertical list: the document as a sequence of lines, boxes (table
// rows, figures), blank grid lines and page breaks, each already composed.
// Pagination (paginate.h) decides where pages end; this file only says
// where they *may* end.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "para/collect.h"
#include "para/compose.h"
#include "style/template.h"
#include "util/task_pool.h"

namespace banshi {

// Where a line's baseline sits below its top, in ems of its type size: the
// ideographic em box runs from 0.88 em above the baseline to 0.12 below.
inline constexpr double kBaselineRatio = 0.88;

// Between a caption's number (表1, 图1) and its words: a full-width space,
// as Chinese captions are set.
inline constexpr const char* kCaptionLabelSpace = "\u3000";

// One line of text. Lines sit on the page grid: a line starts on the next
// grid line at or below the current position, so the grid never drifts.
struct FlowLine {
  ComposedLine line;
  double x = 0;              // measure's left edge from the text block's left edge
  double size = 16;          // the style's font size: the baseline sits 0.88 em below the line's top
  bool break_before = true;  // may a page end just before this line?
  std::string bookmark;      // outline title, empty for none
  int bookmark_level = 0;
};

struct FlowBox;

// Cuts a box where a page ends inside it: a table's rows, which continue
// on the next page rather than leave the room above them empty.
class BoxSplitter {
 public:
  virtual ~BoxSplitter() = default;
  // The box's first part, at most `room` high, into `head` and the rest
  // into `tail` (which may have a splitter of its own); false when no cut
  // leaves enough on both sides — the box then moves on whole.
  virtual bool split(double room, FlowBox& head, FlowBox& tail) const = 0;
};

// Something drawn as a unit: a table row, a figure. Its items are relative
// to the box's top-left corner (x from the text block's left edge).
struct FlowBox {
  std::vector<PageItem> items;
  std::vector<LinkArea> links;
  double height = 0;         // pt
  bool break_before = true;  // may a page end just before this box?
  // A figure may float: when it does not fit, the text after it fills the
  // page and the figure goes to the top of the next one.
  bool floating = false;
  std::vector<int> footnotes;  // notes whose markers are inside the box
  // Drawn at the top of a page that this box starts (a table's header rows
  // repeated on a continuation page); shared by all rows of one table.
  std::shared_ptr<const FlowBox> repeat_header;
  // Drawn at the box's bottom edge when the flow goes on to the next page
  // right after it: a table's outer frame rule, closing the part of the
  // table on this page (the box's own bottom rule is an inner one).
  std::shared_ptr<const FlowBox> page_foot;
  // Where the box may be cut across pages (null: never).
  std::shared_ptr<const BoxSplitter> splitter;
  // Lines that belong to the box and travel with it (a figure's caption).
  std::vector<FlowLine> caption;
  // Blank grid lines after the caption, so the text does not run on from
  // it (the caption style's lines-after); dropped at a page's foot.
  int lines_after = 0;
  std::string bookmark;
  int bookmark_level = 0;
};

// Blank grid lines (before/after headings and titles); dropped at a page top.
// A fill takes whatever room the page has left once what follows it (up to
// the next page break) is set: a cover's foot sits at the page's foot.
struct FlowSpace {
  int slots = 1;
  bool fill = false;
};

enum class FolioMode { Keep, None, Restart };

// Starts a new page; `recto` pads with a blank page so the next page is
// odd-numbered; `folio` changes the numbering from there on.
struct FlowBreak {
  bool recto = false;
  FolioMode folio = FolioMode::Keep;
  // false: only the numbering changes, from the current page on (the
  // outcome following a form's divider on the same page).
  bool new_page = true;
  // The new page's name (a form page's 封面, 声明 …): a bookmark, and the
  // page's label when it prints no number.
  std::string name;
};

using FlowItem = std::variant<FlowLine, FlowBox, FlowSpace, FlowBreak>;

// A footnote: composed once, placed at the foot of the page of its marker.
struct FlowNote {
  std::vector<ComposedLine> lines;
};

struct Flow {
  // Read only once the flow is settled (settle()).
  std::vector<FlowItem> items;
  std::vector<FlowNote> notes;  // indexed like NoteRegistry::notes()

  // Adds a composed paragraph: widow/orphan control (a paragraph's first
  // or last line never alone on a page) and keep-with-next.
  void add_paragraph(ComposedParagraph&& p, double x, double size, bool keep_with_next,
                     const std::string& bookmark = {}, int level = 0);
  // The same for a paragraph still being composed (compose_ahead.h) from
  // `text_bytes` of text: it and everything added after it join `items` in
  // order as it is ready.
  void add_paragraph(Task<ComposedParagraph>&& p, size_t text_bytes, double x, double size, bool keep_with_next,
                     const std::string& bookmark = {}, int level = 0);
  void add_box(FlowBox&& box);
  void add_space(int slots);
  void add_fill();
  void add_break(bool recto, FolioMode folio = FolioMode::Keep, bool new_page = true, std::string name = {});
  // Waits for every paragraph still being composed and adds what follows
  // it: `items` is then complete.
  void settle();

  // What the flow holds so far, for a lower bound on its pages: every line
  // takes at least one grid line, every box its height (paragraphs still
  // being composed not counted).
  size_t line_count() const { return line_count_; }
  double box_height() const { return box_height_; }

 private:
  struct LaterParagraph {
    Task<ComposedParagraph> lines;
    size_t text_bytes = 0;
    double x = 0, size = 16;
    bool keep_with_next = false;
    std::string bookmark;
    int level = 0;
  };
  using Pending = std::variant<LaterParagraph, FlowBox, FlowSpace, FlowBreak>;
  // How much may wait to be composed: enough to keep the pool busy, little
  // enough that the page-count check (block_walk.cpp) still refuses a
  // hostile report early — 64 KB of text is about 28 pages of 3号, so the
  // check runs at most that far behind the walk (and one paragraph, as
  // before) — and the texts held stay small.
  static constexpr size_t kMaxLater = 64;
  static constexpr size_t kMaxLaterBytes = 64 * 1024;

  void place(ComposedParagraph&& p, double x, double size, bool keep_with_next, const std::string& bookmark, int level);
  void place(Pending&& op);
  // Places `op` now, or queues it behind the paragraphs still composed.
  void add(Pending&& op);
  // Adds pending operations in order until at most `keep` paragraphs wait.
  void settle_to(size_t keep);

  std::deque<Pending> pending_;  // in order, from the first paragraph not yet placed
  size_t later_ = 0;             // paragraphs among them
  size_t later_bytes_ = 0;       // and their text
  size_t line_count_ = 0;
  double box_height_ = 0;
  int keep_lines_ = 0;  // lines after a heading that must stay with it
};

// Puts a composed line's runs, marks and links into `items` and `links`,
// its origin (left edge of the measure, baseline) at (x, baseline).
void place_line(const ComposedLine& line, double x, double baseline, std::vector<PageItem>& items,
                std::vector<LinkArea>& links);

}  // namespace banshi
