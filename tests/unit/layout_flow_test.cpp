// The flow takes paragraphs still being composed (compose_ahead.h): what
// it holds once settled is what the same adds give with every paragraph
// composed at once — the same items in the same order, widow, orphan and
// keep-with-next marks included — whichever thread composed what.
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "layout/flow.h"
#include "util/task_pool.h"

namespace banshi {
namespace {

// A paragraph of `n` lines, each told apart by its width.
ComposedParagraph lines(int n, double tag) {
  ComposedParagraph p;
  for (int i = 0; i < n; ++i) {
    ComposedLine l;
    l.width = tag + i;
    p.lines.push_back(l);
  }
  return p;
}

FlowBox box(double height) {
  FlowBox b;
  b.height = height;
  b.caption.resize(1);
  return b;
}

// What one flow holds, item by item, as text to compare.
std::vector<std::string> describe(const Flow& f) {
  std::vector<std::string> out;
  for (const FlowItem& item : f.items) {
    if (const auto* l = std::get_if<FlowLine>(&item))
      out.push_back("line " + std::to_string(l->line.width) + (l->break_before ? " may-break" : " kept") + " " +
                    l->bookmark + " " + std::to_string(l->size));
    else if (const auto* b = std::get_if<FlowBox>(&item))
      out.push_back("box " + std::to_string(b->height) + (b->break_before ? " may-break" : " kept"));
    else if (const auto* s = std::get_if<FlowSpace>(&item))
      out.push_back("space " + std::to_string(s->slots) + (s->fill ? " fill" : ""));
    else out.push_back("break " + std::get<FlowBreak>(item).name);
  }
  return out;
}

// The same document into `f`; `later` says how a paragraph is handed over.
template <class Later>
void document(Flow& f, Later later) {
  f.add_break(false, FolioMode::Restart, true, "first");
  later(f, lines(1, 100), 22.0, true, "标题");  // a heading: keeps two lines after it
  f.add_space(1);
  later(f, lines(3, 200), 16.0, false, "");      // orphan and widow marks
  f.add_paragraph(lines(2, 300), 0, 16, false);  // composed at once, between later ones
  later(f, lines(1, 400), 16.0, true, "二、");
  f.add_box(box(50));  // kept with the heading
  f.add_fill();
  later(f, lines(5, 500), 16.0, false, "");
  f.add_break(true, FolioMode::Keep, true, "second");
  later(f, lines(2, 600), 12.0, false, "");
}

void at_once(Flow& f, ComposedParagraph p, double size, bool keep, const std::string& bookmark) {
  f.add_paragraph(std::move(p), 0, size, keep, bookmark, 1);
}

TEST(Flow, ParagraphsComposedLaterLandInDocumentOrder) {
  Flow expected;
  document(expected, at_once);
  ASSERT_EQ(expected.items.size(), 19u);

  for (unsigned threads : {0u, 1u, 3u}) {
    TaskPool pool(threads);
    Flow f;
    document(f, [&](Flow& flow, ComposedParagraph p, double size, bool keep, const std::string& bookmark) {
      flow.add_paragraph(pool.submit([p = std::move(p)]() mutable { return std::move(p); }), 100, 0, size, keep,
                         bookmark, 1);
    });
    f.settle();
    EXPECT_EQ(describe(f), describe(expected)) << threads << " threads";
    EXPECT_EQ(f.line_count(), expected.line_count());
    EXPECT_EQ(f.box_height(), expected.box_height());
  }
}

TEST(Flow, WaitingParagraphsAreNotCountedUntilPlaced) {
  TaskPool pool(0);  // nothing runs until the flow asks
  Flow f;
  f.add_paragraph(lines(2, 0), 0, 16, false);
  f.add_paragraph(pool.submit([] { return lines(3, 10); }), 100, 0, 16, false);
  f.add_box(box(40));  // behind the waiting paragraph
  EXPECT_EQ(f.line_count(), 2u);
  EXPECT_EQ(f.box_height(), 0);
  EXPECT_EQ(f.items.size(), 2u);
  f.settle();
  EXPECT_EQ(f.line_count(), 6u);  // 2 + 3 + the box's caption line
  EXPECT_EQ(f.box_height(), 40);
  EXPECT_EQ(f.items.size(), 6u);
}

TEST(Flow, FewParagraphsWaitAtOnce) {
  // The page-count check counts placed lines only: a long run of
  // paragraphs handed over is placed as it goes, not all at the end.
  TaskPool pool(0);
  Flow f;
  for (int k = 0; k < 1000; ++k) f.add_paragraph(pool.submit([k] { return lines(1, k); }), 30, 0, 16, false);
  EXPECT_GE(f.line_count(), 900u);
  f.settle();
  EXPECT_EQ(f.line_count(), 1000u);
  // Long paragraphs: the text waiting is bounded too, whatever their count.
  Flow g;
  for (int k = 0; k < 10; ++k) g.add_paragraph(pool.submit([k] { return lines(40, k); }), 30'000, 0, 16, false);
  EXPECT_GE(g.line_count(), 8u * 40u);  // at most 64 KB of text (two of these) waits
  g.settle();
  EXPECT_EQ(g.line_count(), 400u);
}

}  // namespace
}  // namespace banshi
