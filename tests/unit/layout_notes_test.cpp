// Footnotes through the whole layout stage: at the foot of their marker's
// page, numbered through the document or per page with circled numbers,
// and a note longer than a page continued at the next page's foot.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "layout/layout.h"

namespace banshi {
namespace {

namespace fs = std::filesystem;

model::Inline text(const std::string& s) {
  model::Inline i;
  i.text = s;
  return i;
}

model::Inline note(const std::string& s) {
  model::Inline i;
  i.kind = model::InlineKind::Footnote;
  i.children.push_back(text(s));
  return i;
}

const std::string kPara =
    "新质生产力以技术创新为核心，通过对生产要素的创新性组合和产业的深度转型升级，展现出与传统生产力截然不同的先进质态"
    "。";

// A report of `paras` paragraphs, each with `notes_each` short notes.
model::Report report(int paras, int notes_each, const std::string& long_note = {}) {
  model::Report r;
  r.source_file = "test.xml";
  r.template_name = "outcome";
  r.outcome.title.push_back(text("脚注测试"));
  for (int p = 0; p < paras; ++p) {
    model::Paragraph para;
    para.content.push_back(text(kPara));
    for (int n = 0; n < notes_each; ++n)
      para.content.push_back(note("注" + std::to_string(p * notes_each + n + 1) + "：参见《巴中统计年鉴》。"));
    if (p == 1 && !long_note.empty()) para.content.push_back(note(long_note));
    para.content.push_back(text(kPara + kPara));
    r.outcome.body.push_back(model::Block{para});
  }
  return r;
}

// The page's footnote area: note text (12 pt) and note numbers (7.2 pt,
// superscript of 12); body markers are 9.6 pt (superscript of 16).
std::string note_text(const Page& page) {
  std::string s;
  for (const auto& item : page.items)
    if (const auto* run = std::get_if<TextRun>(&item))
      if (run->size == 12 || std::abs(run->size - 7.2) < 0.01) s += run->text;
  return s;
}

// The footnote markers in the body text of a page.
std::vector<std::string> body_markers(const Page& page) {
  std::vector<std::string> out;
  for (const auto& item : page.items)
    if (const auto* run = std::get_if<TextRun>(&item))
      if (std::abs(run->size - 9.6) < 0.01) out.push_back(run->text);
  return out;
}

class LayoutNotes : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diags;
    src_ = fs::path(BANSHI_SOURCE_DIR);
    fonts_ = FontSet::load(src_ / "fonts" / "fontmap.xml", {}, diags);
  }
  fs::path src_;
  std::shared_ptr<const FontSet> fonts_;
};

TEST_F(LayoutNotes, EveryNoteIsAtTheFootOfItsMarkersPage) {
  const Template t = load_template(src_ / "templates" / "outcome");
  Diagnostics diags;
  const PageSequence pages = layout_report(report(12, 2), t, *fonts_, diags);
  ASSERT_GT(pages.pages.size(), 2u);
  int seen = 0, commas = 0;
  for (size_t p = 0; p < pages.pages.size(); ++p) {
    const std::string notes = note_text(pages.pages[p]);
    // Each marker N in the body has its note "N注N：…" at this page's foot.
    for (const std::string& m : body_markers(pages.pages[p])) {
      // Two notes in a row are marked ¹,² (a small comma between them), not ¹².
      if (m == ",") {
        ++commas;
        continue;
      }
      EXPECT_NE(notes.find(m + "注" + m + "："), std::string::npos) << "note " << m << " is not on page " << p + 1;
      ++seen;
    }
  }
  EXPECT_EQ(seen, 24);
  EXPECT_EQ(commas, 12);
}

TEST_F(LayoutNotes, NotesInARowAreMarkedAsARange) {
  // Four notes at the end of one sentence print ¹⁻⁴ (as citations print
  // [1-4]), not "1234", and all four notes are at the page's foot.
  const Template t = load_template(src_ / "templates" / "outcome");
  Diagnostics diags;
  const PageSequence pages = layout_report(report(2, 4), t, *fonts_, diags);
  std::vector<std::string> markers;
  std::string notes;
  for (const Page& page : pages.pages) {
    for (const std::string& m : body_markers(page)) markers.push_back(m);
    notes += note_text(page);
  }
  EXPECT_EQ(markers, (std::vector<std::string>{"1", "-4", "5", "-8"}));
  for (int n = 1; n <= 8; ++n)
    EXPECT_NE(notes.find(std::to_string(n) + "注" + std::to_string(n) + "："), std::string::npos) << "note " << n;
}

TEST_F(LayoutNotes, PerPageCircledNumbersRestartOnEachPage) {
  // A template extending the outcome with per-page circled markers.
  const fs::path dir = fs::temp_directory_path() / ("banshi-circled-" + std::to_string(::getpid()));
  fs::create_directories(dir / "circled");
  fs::remove(dir / "outcome");
  fs::create_directory_symlink(src_ / "templates" / "outcome", dir / "outcome");
  std::ofstream(dir / "circled" / "template.xml") << "<template name=\"circled\" extends=\"outcome\" version=\"1\">"
                                                     "<footnotes numbering=\"page\" marker=\"circled\"/></template>";
  const Template t = load_template(dir / "circled");
  fs::remove_all(dir);
  ASSERT_TRUE(t.footnotes.per_page && t.footnotes.circled);
  Diagnostics diags;
  const PageSequence pages = layout_report(report(12, 2), t, *fonts_, diags);
  ASSERT_GT(pages.pages.size(), 2u);
  int pages_with_notes = 0;
  for (size_t p = 0; p < pages.pages.size(); ++p) {
    const std::string notes = note_text(pages.pages[p]);
    if (notes.empty()) continue;
    ++pages_with_notes;
    EXPECT_EQ(notes.rfind("①注", 0), 0u) << "the notes of page " << p + 1 << " do not start at ①";
    const auto markers = body_markers(pages.pages[p]);
    ASSERT_FALSE(markers.empty());
    EXPECT_EQ(markers.front(), "①") << "page " << p + 1;
  }
  EXPECT_GE(pages_with_notes, 2);
}

TEST_F(LayoutNotes, ANoteLongerThanAPageContinuesOnTheNextPages) {
  std::string long_note;
  for (int k = 0; k < 40; ++k)
    long_note += "城乡融合发展过程中保障城乡各类要素双向流动是重中之重，在传统模式下要素单向流入城市。";
  const Template t = load_template(src_ / "templates" / "outcome");
  Diagnostics diags;
  const PageSequence pages = layout_report(report(6, 0, long_note), t, *fonts_, diags);
  // The note starts on the page of its marker (the first page: paragraph 2)
  // and continues, marked 续, on the following pages; nothing is lost.
  std::string all;
  int continued = 0;
  for (const Page& page : pages.pages) {
    std::string notes = note_text(page);
    if (notes.rfind("续", 0) == 0) {
      ++continued;
      notes = notes.substr(3);
    }
    all += notes;
  }
  EXPECT_GE(continued, 2);
  EXPECT_EQ(note_text(pages.pages[0]).rfind("1城乡融合", 0), 0u) << "the note does not start on its marker's page";
  EXPECT_TRUE(all == "1" + long_note) << "the note's text, pieced together from its pages, differs from the source";
}

}  // namespace
}  // namespace banshi
