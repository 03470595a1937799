// The A3 saddle-stitched booklet: the page order and placement as pure
// functions, then booklets written from pages built by hand and read back
// with poppler (pdfinfo, pdftotext) and PyMuPDF.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "pdf/impose.h"
#include "pdf/writer.h"
#include "pdf_test_support.h"
#include "util/diag.h"

namespace banshi {
namespace {

using namespace pdf;
using namespace pdf_test;
namespace fs = std::filesystem;

// ------------------------------------------------------------ page order

// The spec's formula in 1-based page numbers, 0 for padding (a number past
// the last page).
struct Pair {
  size_t left, right;
  bool operator==(const Pair&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Pair& p) { return os << "[" << p.left << " | " << p.right << "]"; }

Pair as_numbers(const SheetSide& s) { return {s.left ? *s.left + 1 : 0, s.right ? *s.right + 1 : 0}; }

Pair expected(size_t pages, size_t sheet, bool back) {
  const size_t p = (pages + 3) / 4 * 4, k = sheet;
  auto number = [&](size_t n) { return n <= pages ? n : 0; };
  return back ? Pair{number(2 * k + 2), number(p - 2 * k - 1)} : Pair{number(p - 2 * k), number(2 * k + 1)};
}

TEST(PdfImpose, PaddedPageCount) {
  EXPECT_EQ(padded_page_count(0), 0u);
  EXPECT_EQ(padded_page_count(1), 4u);
  EXPECT_EQ(padded_page_count(3), 4u);
  EXPECT_EQ(padded_page_count(4), 4u);
  EXPECT_EQ(padded_page_count(5), 8u);
  EXPECT_EQ(padded_page_count(52), 52u);
}

// 1, 2, 3, 4, 5 and 13 sheets, each with every page count that needs that
// many sheets (4S − 3 … 4S pages: 0 to 3 blank pages of padding).
TEST(PdfImpose, EverySheetSideFollowsTheFormula) {
  for (const size_t sheets : {1u, 2u, 3u, 4u, 5u, 13u}) {
    for (size_t pages = 4 * sheets - 3; pages <= 4 * sheets; ++pages) {
      SCOPED_TRACE(std::to_string(pages) + " pages");
      const std::vector<SheetSide> sides = saddle_stitch_order(pages);
      ASSERT_EQ(sides.size(), 2 * sheets);
      std::vector<int> seen(pages, 0);
      size_t blanks = 0;
      for (size_t i = 0; i < sides.size(); ++i) {
        const SheetSide& s = sides[i];
        // Output order: sheet 0 front, sheet 0 back, sheet 1 front, …
        EXPECT_EQ(s.sheet, i / 2);
        EXPECT_EQ(s.back, i % 2 == 1);
        EXPECT_EQ(as_numbers(s), expected(pages, s.sheet, s.back))
            << "sheet " << s.sheet << (s.back ? " back" : " front");
        for (const auto& page : {s.left, s.right}) {
          if (!page) {
            ++blanks;
            continue;
          }
          ASSERT_LT(*page, pages);
          ++seen[*page];
        }
      }
      EXPECT_EQ(blanks, 4 * sheets - pages);
      for (size_t i = 0; i < pages; ++i) EXPECT_EQ(seen[i], 1) << "page " << i + 1;
    }
  }
}

TEST(PdfImpose, SmallBookletsSpelledOut) {
  using S = SheetSide;
  constexpr auto none = std::nullopt;
  // 3 pages → 4 with one blank, which is the last page (the back cover).
  EXPECT_EQ(saddle_stitch_order(3), (std::vector<S>{{0, false, none, 0}, {0, true, 1, 2}}));
  EXPECT_EQ(saddle_stitch_order(4), (std::vector<S>{{0, false, 3, 0}, {0, true, 1, 2}}));
  // 8 pages: [8|1] [2|7] [6|3] [4|5].
  EXPECT_EQ(saddle_stitch_order(8),
            (std::vector<S>{{0, false, 7, 0}, {0, true, 1, 6}, {1, false, 5, 2}, {1, true, 3, 4}}));
  // 52 pages = 13 sheets: the middle sheet's back is the centre spread.
  const auto big = saddle_stitch_order(52);
  EXPECT_EQ(big.front(), (S{0, false, 51, 0}));
  EXPECT_EQ(big.back(), (S{12, true, 25, 26}));
  EXPECT_TRUE(saddle_stitch_order(0).empty());
}

TEST(PdfImpose, PagePlacesInvertTheOrder) {
  for (const size_t pages : {1u, 3u, 4u, 13u, 52u}) {
    const auto sides = saddle_stitch_order(pages);
    const auto places = page_places(sides, pages);
    ASSERT_EQ(places.size(), pages);
    for (size_t i = 0; i < pages; ++i) EXPECT_EQ(sides[places[i].side].page(places[i].half), i);
  }
  // A hand-made order that places a page twice is refused.
  std::vector<SheetSide> twice{{0, false, 0, 0}};
  EXPECT_THROW(page_places(twice, 1), EngineError);
  EXPECT_THROW(page_places(saddle_stitch_order(3), 4), EngineError);  // page 4 has no place
}

// ---------------------------------------------------------- placement

constexpr double kA4W = 595.2756, kA4H = 841.8898;

void expect_point(Point got, Point want) {
  EXPECT_NEAR(got.x, want.x, 1e-3);
  EXPECT_NEAR(got.y, want.y, 1e-3);
}

// Several booklets of at most 60 pages: every page once, the booklets of
// about equal size, each but the last a whole number of sheets and none
// padded inside the report; within a booklet, the one-booklet formula.
TEST(PdfImpose, SplitBookletsKeepEveryPageOnceAndStayUnderTheLimit) {
  for (size_t pages : {1u, 59u, 60u, 61u, 82u, 118u, 120u, 121u, 300u}) {
    SCOPED_TRACE(pages);
    const auto sides = booklets_order(pages, 60);
    const auto places = page_places(sides, pages);  // throws when a page is missing or twice
    EXPECT_EQ(places.size(), pages);
    std::map<size_t, std::set<size_t>> sheets;  // booklet → its sheets
    std::map<size_t, size_t> first_page;        // booklet → its lowest page
    for (const SheetSide& s : sides) {
      sheets[s.booklet].insert(s.sheet);
      for (const auto& p : {s.left, s.right})
        if (p) first_page[s.booklet] = first_page.count(s.booklet) ? std::min(first_page[s.booklet], *p) : *p;
    }
    const size_t booklets = (pages + 59) / 60;
    EXPECT_EQ(sheets.size(), booklets);
    for (const auto& [b, in_booklet] : sheets) {
      EXPECT_LE(in_booklet.size() * 4, 60u);
      if (b > 0) {
        // It starts where the one before ended: whole sheets, no padding inside.
        EXPECT_EQ(first_page[b], first_page[b - 1] + sheets[b - 1].size() * 4);
        EXPECT_LE(in_booklet.size(), sheets[0].size());
      }
    }
    // Braced: EXPECT_EQ is an if/else inside (GCC's -Wdangling-else).
    if (booklets == 1) {
      EXPECT_EQ(sides, saddle_stitch_order(pages));
    }
  }
  EXPECT_EQ(booklets_order(200, 0), saddle_stitch_order(200));  // no limit: one booklet
}

TEST(PdfImpose, A3IsTwoA4Wide) {
  EXPECT_NEAR(kA3Landscape.width, 1190.55, 0.01);
  EXPECT_NEAR(kA3Landscape.height, 841.89, 0.01);
  EXPECT_TRUE(fits_half(kA3Landscape, kA4W, kA4H));
  EXPECT_FALSE(fits_half(kA3Landscape, kA4W + 1, kA4H));
  EXPECT_FALSE(fits_half(kA3Landscape, kA4W, kA4H + 1));
}

TEST(PdfImpose, UprightHalvesAreTranslations) {
  const Matrix left = page_placement(kA3Landscape, Half::Left, kA4W, kA4H, false);
  const Matrix right = page_placement(kA3Landscape, Half::Right, kA4W, kA4H, false);
  expect_point(left.apply({0, 0}), {0, 0});
  expect_point(left.apply({kA4W, kA4H}), {kA4W, kA4H});
  expect_point(right.apply({0, 0}), {kA3Landscape.width / 2, 0});
  expect_point(right.apply({kA4W, kA4H}), {kA3Landscape.width, kA4H});
  EXPECT_EQ(right.a, 1);
  EXPECT_EQ(right.d, 1);
}

TEST(PdfImpose, TurnedSideIsRotatedAboutTheSheetCentre) {
  // The reader's left page of a turned side ends up on the PDF's right,
  // upside down: its bottom-left corner at the sheet's top-right corner.
  const Matrix left = page_placement(kA3Landscape, Half::Left, kA4W, kA4H, true);
  const Matrix right = page_placement(kA3Landscape, Half::Right, kA4W, kA4H, true);
  expect_point(left.apply({0, 0}), {kA3Landscape.width, kA3Landscape.height});
  expect_point(left.apply({kA4W, kA4H}), {kA3Landscape.width / 2, 0});
  expect_point(right.apply({0, 0}), {kA3Landscape.width / 2, kA3Landscape.height});
  expect_point(right.apply({kA4W, kA4H}), {0, 0});
  EXPECT_EQ(left.a, -1);
  EXPECT_EQ(left.d, -1);
  EXPECT_EQ(left.b, 0);
  EXPECT_EQ(left.c, 0);
}

TEST(PdfImpose, SmallerPageIsCentredInItsHalf) {
  const Matrix m = page_placement(kA3Landscape, Half::Right, 500, 800, false);
  expect_point(m.apply({0, 0}), {kA3Landscape.width / 2 + (kA4W - 500) / 2, (kA3Landscape.height - 800) / 2});
}

TEST(PdfImpose, OnlyLongEdgeDuplexTurnsTheBacks) {
  // Short-edge flip turns a landscape sheet about its fold, as the reader
  // does: backs print upright. Long-edge flip needs them turned.
  EXPECT_FALSE(back_side_rotated(false));
  EXPECT_TRUE(back_side_rotated(true));
}

TEST(PdfImpose, FoldMarksAtTheCentreOfTopAndBottomEdges) {
  const auto marks = fold_marks(kA3Landscape);
  ASSERT_EQ(marks.size(), 2u);
  const double mid = kA3Landscape.width / 2;
  for (const Line& l : marks) {
    EXPECT_DOUBLE_EQ(l.x0, mid);
    EXPECT_DOUBLE_EQ(l.x1, mid);
    EXPECT_NEAR(std::abs(l.y1 - l.y0), 4.5 * 72 / 25.4, 1e-9);  // 4.5 mm
    EXPECT_DOUBLE_EQ(l.width, 0.3);
  }
  // Inside the printable area (5 mm in from each edge), within 10 mm of it.
  const double inset = 5 * 72 / 25.4, reach = 9.5 * 72 / 25.4;
  EXPECT_NEAR(std::min(marks[0].y0, marks[0].y1), inset, 1e-9);
  EXPECT_NEAR(std::max(marks[0].y0, marks[0].y1), reach, 1e-9);
  EXPECT_NEAR(std::max(marks[1].y0, marks[1].y1), kA3Landscape.height - inset, 1e-9);
  EXPECT_NEAR(std::min(marks[1].y0, marks[1].y1), kA3Landscape.height - reach, 1e-9);
}

// ------------------------------------------------------- written booklets

const Font& fang() {
  static const FontPtr f = Font::open(kFandolFang);
  return *f;
}

std::string folio(size_t n) { return "— " + std::to_string(n) + " —"; }

// `pages` A4 pages: a heading naming the page, a few lines of body text and
// the printed number "— N —" in 14 pt at the foot, like the real pages. The
// page at `blank_at` (1-based; 0 = none) is an unnumbered blank page.
PageSequence booklet_source(size_t pages, size_t blank_at = 0) {
  static const std::string kBody = "新质生产力驱动巴中城乡融合发展的实践进路研究，推动城乡要素双向流动";
  PageSequence doc;
  size_t number = 0;
  for (size_t i = 1; i <= pages; ++i) {
    Page page;
    if (i == blank_at) {
      page.blank = true;
      doc.pages.push_back(page);
      continue;
    }
    ++number;
    page.label = std::to_string(number);
    page.items.push_back(shape_run(fang(), "第" + std::to_string(number) + "页标题", 22, 90, 120));
    for (int line = 0; line < 12; ++line) {
      page.items.push_back(shape_run(fang(), kBody, 16, 90, 170 + 29.0 * line));
    }
    page.items.push_back(shape_run(fang(), folio(number), 14, 270, 790));
    doc.pages.push_back(page);
    doc.outline.push_back({"第" + std::to_string(number) + "页标题", 1, i - 1, 100});
  }
  doc.pages[std::min<size_t>(1, pages - 1)].links.push_back(LinkArea{90, 600, 200, 20, "https://example.org/a3"});
  doc.info.title = "巴中市哲学社会科学规划项目结项申请书";
  doc.info.author = "张三";
  doc.info.subject = "BZ25YB119";
  doc.info.creator = "banshi test";
  return doc;
}

PdfOptions booklet_options(bool long_edge = false) {
  PdfOptions o;
  o.impose = Imposition::A3Booklet;
  o.long_edge_duplex = long_edge;
  return o;
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

class BookletTest : public ::testing::Test {
 protected:
  // 13 pages, the second one blank: 4 sheets, 3 padding pages.
  static constexpr size_t kPages = 13, kBlankAt = 2, kSheets = 4;

  static void SetUpTestSuite() {
    dir_ = test_output_dir("impose");
    a4_ = write_pdf(booklet_source(kPages, kBlankAt), PdfOptions{});
    a3_ = write_pdf(booklet_source(kPages, kBlankAt), booklet_options());
    write_bytes(dir_ / "a4.pdf", a4_);
    write_bytes(dir_ / "a3.pdf", a3_);
    write_bytes(dir_ / "a3-long-edge.pdf", write_pdf(booklet_source(kPages, kBlankAt), booklet_options(true)));
  }
  static void TearDownTestSuite() { remove_test_output(dir_); }

  // pdftotext of one half of side `side` (0-based) of `file`, squeezed.
  static std::string half_text(const std::string& file, size_t side, Half half) {
    const int x = half == Half::Left ? 0 : 596;
    const std::string page = std::to_string(side + 1);
    std::string text = run_command("pdftotext -f " + page + " -l " + page + " -x " + std::to_string(x) +
                                   " -y 0 -W 594 -H 842 '" + (dir_ / file).string() + "' -");
    std::string out;
    for (char c : text) {
      if (!std::isspace(static_cast<unsigned char>(c)) && c != '\f') out += c;
    }
    return out;
  }

  // The printed number of logical page i (0-based), empty for the blank one.
  static std::string printed(size_t i) {
    if (i + 1 == kBlankAt) return "";
    return std::to_string(i + 1 < kBlankAt ? i + 1 : i);
  }

  static inline fs::path dir_;
  static inline std::string a4_, a3_;
};

TEST_F(BookletTest, SheetCountAndSizes) {
  const std::string info = run_command("pdfinfo -f 1 -l 100 '" + (dir_ / "a3.pdf").string() + "'");
  EXPECT_NE(info.find("Pages:           " + std::to_string(2 * kSheets) + "\n"), std::string::npos) << info;
  const std::regex size_line(R"(Page +\d+ size: +([\d.]+) x ([\d.]+) pts)");
  size_t sizes = 0;
  for (auto it = std::sregex_iterator(info.begin(), info.end(), size_line); it != std::sregex_iterator(); ++it) {
    EXPECT_EQ((*it)[1], "1190.55");
    EXPECT_EQ((*it)[2], "841.89");
    ++sizes;
  }
  EXPECT_EQ(sizes, 2 * kSheets);
  // Document info as for A4.
  EXPECT_NE(info.find("Title:           巴中市哲学社会科学规划项目结项申请书\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Subject:         BZ25YB119\n"), std::string::npos) << info;
}

// The logical page (0-based) the spec's formula puts on a half of side
// `side` (in output order), none for padding: independent of the writer's
// own order function.
std::optional<size_t> formula_page(size_t pages, size_t side, Half h) {
  const Pair p = expected(pages, side / 2, side % 2 == 1);
  const size_t n = h == Half::Left ? p.left : p.right;
  return n == 0 ? std::nullopt : std::optional<size_t>(n - 1);
}

TEST_F(BookletTest, EachHalfHoldsItsPage) {
  for (size_t i = 0; i < 2 * kSheets; ++i) {
    for (const Half h : {Half::Left, Half::Right}) {
      const auto page = formula_page(kPages, i, h);
      const std::string text = half_text("a3.pdf", i, h);
      const std::string where = "side " + std::to_string(i + 1) + (h == Half::Left ? " left" : " right");
      if (!page || printed(*page).empty()) {
        EXPECT_EQ(text, "") << where;  // padding and the blank page draw nothing
        continue;
      }
      const std::string n = printed(*page);
      EXPECT_NE(text.find("第" + n + "页标题"), std::string::npos) << where << ": " << text;
      EXPECT_NE(text.find("—" + n + "—"), std::string::npos) << where << ": " << text;
    }
  }
}

TEST_F(BookletTest, LongEdgeTurnsOnlyTheBacks) {
  for (size_t i = 0; i < 2 * kSheets; ++i) {
    for (const Half h : {Half::Left, Half::Right}) {
      const auto page = formula_page(kPages, i, h);
      if (!page || printed(*page).empty()) continue;
      // A turned back shows the reader's left page on the PDF's right.
      const bool back = i % 2 == 1;
      const Half pdf_half = back ? (h == Half::Left ? Half::Right : Half::Left) : h;
      const std::string text = half_text("a3-long-edge.pdf", i, pdf_half);
      EXPECT_NE(text.find("—" + printed(*page) + "—"), std::string::npos) << "side " << i + 1 << ": " << text;
    }
  }
  // Text on a turned side runs right to left, upside down: PyMuPDF reports
  // its direction as (-1, 0).
  const std::string script =
      "import fitz,sys\n"
      "d=fitz.open(sys.argv[1])\n"
      "for p in d:\n"
      "  dirs={tuple(round(v) for v in l['dir']) for b in p.get_text('dict')['blocks'] for l in b.get('lines',[])}\n"
      "  print(sorted(dirs))\n";
  std::istringstream up(run_command("/usr/bin/python3 -c \"" + script + "\" '" + (dir_ / "a3.pdf").string() + "'"));
  std::istringstream le(
      run_command("/usr/bin/python3 -c \"" + script + "\" '" + (dir_ / "a3-long-edge.pdf").string() + "'"));
  std::string a, b;
  for (size_t i = 0; std::getline(up, a) && std::getline(le, b); ++i) {
    if (a == "[]") continue;  // a side with nothing but padding
    EXPECT_EQ(a, "[(1, 0)]") << "short edge, side " << i + 1;
    EXPECT_EQ(b, i % 2 == 1 ? "[(-1, 0)]" : "[(1, 0)]") << "long edge, side " << i + 1;
  }
}

TEST_F(BookletTest, PagesAreFormsDrawnOnceAndFontsShared) {
  PdfOptions plain = booklet_options();
  plain.compress = false;
  const std::string a3 = write_pdf(booklet_source(kPages, kBlankAt), plain);
  PdfOptions plain_a4;
  plain_a4.compress = false;
  const std::string a4 = write_pdf(booklet_source(kPages, kBlankAt), plain_a4);
  EXPECT_EQ(count(a3, "/Subtype /Form"), kPages - 1);  // not the blank page
  EXPECT_EQ(count(a3, " Do\n"), kPages - 1);           // each placed once
  // The A4 page's box (libharu writes reals as floats: 595.27557).
  const std::regex bbox(R"(/BBox \[ ?0 0 595\.27\d* 841\.8[89]\d* ?\])");
  EXPECT_EQ(
      static_cast<size_t>(std::distance(std::sregex_iterator(a3.begin(), a3.end(), bbox), std::sregex_iterator())),
      kPages - 1);
  EXPECT_EQ(count(a3, "/FontFile"), count(a4, "/FontFile"));
  EXPECT_EQ(count(a3, "/FontFile"), 1u);
  // A turned side is a 180° rotation: -1 0 0 -1 in its cm.
  EXPECT_EQ(count(a3, "-1 0 0 -1"), 0u);
  EXPECT_GT(count(write_pdf(booklet_source(kPages, kBlankAt),
                            [] {
                              PdfOptions o = booklet_options(true);
                              o.compress = false;
                              return o;
                            }()),
                  "-1 0 0 -1 "),
            0u);
}

TEST_F(BookletTest, SmallerThan1point3TimesTheA4File) {
  std::cout << "A4 " << a4_.size() << " bytes, A3 booklet " << a3_.size() << " bytes ("
            << static_cast<double>(a3_.size()) / static_cast<double>(a4_.size()) << "×)\n";
  EXPECT_LT(static_cast<double>(a3_.size()), 1.3 * static_cast<double>(a4_.size()));
}

TEST_F(BookletTest, IdenticalInputGivesIdenticalBytes) {
  EXPECT_TRUE(write_pdf(booklet_source(kPages, kBlankAt), booklet_options()) == a3_);
  EXPECT_TRUE(write_pdf(booklet_source(kPages, kBlankAt), booklet_options()) == a3_);
}

// Records of tests/data/pdf/inspect_pdf.py of one kind, split into fields.
std::vector<std::vector<std::string>> inspect(const fs::path& pdf, const std::string& kind) {
  const std::string script = std::string(BANSHI_TEST_DATA) + "/pdf/inspect_pdf.py";
  std::istringstream in(run_command("/usr/bin/python3 '" + script + "' '" + pdf.string() + "'"));
  std::vector<std::vector<std::string>> records;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream ls(line);
    while (std::getline(ls, field, '\t')) fields.push_back(field);
    if (!fields.empty() && fields[0] == kind) records.emplace_back(fields.begin() + 1, fields.end());
  }
  return records;
}

TEST_F(BookletTest, BookmarksPointAtTheSideHoldingTheirPage) {
  const auto sides = saddle_stitch_order(kPages);
  const auto places = page_places(sides, kPages);
  const auto toc = inspect(dir_ / "a3.pdf", "toc");
  ASSERT_EQ(toc.size(), kPages - 1);
  size_t k = 0;
  for (size_t i = 0; i < kPages; ++i) {
    if (printed(i).empty()) continue;
    const auto& rec = toc[k++];
    EXPECT_EQ(rec[1], "第" + printed(i) + "页标题");
    EXPECT_EQ(rec[2], std::to_string(places[i].side + 1)) << rec[1];
    EXPECT_NEAR(std::stod(rec[3]), 100, 0.01) << rec[1];  // the heading's top, as on A4
  }
}

// PyMuPDF 1.21's get_label() returns a label prefix written as a UTF-16BE
// hex string undecoded ("<FEFF…>"); decode it here.
std::string decode_label(const std::string& label) {
  if (label.size() < 6 || label.rfind("<FEFF", 0) != 0 || label.back() != '>') return label;
  std::u16string units;
  for (size_t i = 5; i + 4 < label.size(); i += 4)
    units += static_cast<char16_t>(std::stoul(label.substr(i, 4), nullptr, 16));
  std::string out;
  for (char16_t u : units) {  // BMP only: the labels are 第N张正面/背面
    if (u < 0x80) {
      out += static_cast<char>(u);
    } else if (u < 0x800) {
      out += static_cast<char>(0xC0 | (u >> 6));
      out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (u >> 12));
      out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (u & 0x3F));
    }
  }
  return out;
}

TEST_F(BookletTest, PageLabelsNameTheSheetSides) {
  const auto labels = inspect(dir_ / "a3.pdf", "label");
  ASSERT_EQ(labels.size(), 2 * kSheets);
  for (size_t i = 0; i < labels.size(); ++i) {
    EXPECT_EQ(decode_label(labels[i][1]), "第" + std::to_string(i / 2 + 1) + "张" + (i % 2 ? "背面" : "正面"));
  }
}

TEST_F(BookletTest, LinksMoveWithTheirPage) {
  // The link is on logical page 2 (index 1), the left half of sheet 0's back.
  const auto up = inspect(dir_ / "a3.pdf", "link");
  ASSERT_EQ(up.size(), 1u);
  EXPECT_EQ(up[0][0], "1");
  EXPECT_NEAR(std::stod(up[0][2]), 90, 0.01);
  EXPECT_NEAR(std::stod(up[0][3]), 600, 0.01);
  // Turned: on the right half, mirrored through the sheet's centre.
  const auto turned = inspect(dir_ / "a3-long-edge.pdf", "link");
  ASSERT_EQ(turned.size(), 1u);
  EXPECT_NEAR(std::stod(turned[0][2]), kA3Landscape.width - 290, 0.01);
  EXPECT_NEAR(std::stod(turned[0][3]), kA3Landscape.height - 620, 0.01);
}

TEST(PdfImposeWriter, PageLargerThanHalfASheetIsRefused) {
  PageSequence doc;
  doc.pages.resize(1);
  doc.pages[0].width = 842;  // A4 landscape
  doc.pages[0].height = 595;
  EXPECT_THROW(write_pdf(doc, booklet_options()), EngineError);
}

TEST(PdfImposeWriter, SinglePageBookletIsOneSheet) {
  const std::string pdf = write_pdf(booklet_source(1), booklet_options());
  const fs::path dir = test_output_dir("impose-one");
  write_bytes(dir / "one.pdf", pdf);
  const std::string info = run_command("pdfinfo '" + (dir / "one.pdf").string() + "'");
  remove_test_output(dir);
  EXPECT_NE(info.find("Pages:           2\n"), std::string::npos) << info;
}

}  // namespace
}  // namespace banshi
