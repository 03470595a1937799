// End-to-end tests of the PDF writer: pages built by hand from text shaped
// with HarfBuzz, written, and read back with poppler (pdftotext, pdffonts,
// pdfinfo, pdftoppm) and PyMuPDF.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "pdf/writer.h"
#include "pdf_test_support.h"
#include "util/diag.h"

namespace banshi {
namespace {

using namespace pdf_test;
namespace fs = std::filesystem;

struct Fonts {
  FontPtr fandol = Font::open(kFandolFang);
  FontPtr noto = Font::open(kNotoSerifCjk, kNotoSerifScFace);
  FontPtr lxgw = Font::open(kLxgwWenKai);
  FontPtr liberation = Font::open(kLiberationSerif);
  FontPtr hana = Font::open(kHanaMinB);
};

const Fonts& fonts() {
  static const Fonts f;
  return f;
}

// One line of text per font on page 1, with what pdftotext must give back.
struct Sample {
  const Font* font;
  std::string text;
  bool latin = false;
};

std::vector<Sample> samples() {
  const Fonts& f = fonts();
  return {
      {f.fandol.get(), "仿宋：中华人民共和国国务院办公厅"},
      {f.noto.get(), "宋体：关于开展结项验收工作的通知"},
      {f.lxgw.get(), "楷体：巴中市哲学社会科学规划项目"},
      {f.liberation.get(), "Liberation Serif: office fi ffl AVAT 2024", true},
      {f.hana.get(), "𠀀𠀁𠀂𠀃𠀄"},
  };
}

constexpr double kSize = 16;
constexpr double kLeft = 72;
double line_y(size_t i) { return 100 + 40.0 * static_cast<double>(i); }
constexpr double kBoldY = 400, kPlainY = 440;
const std::string kBoldText = "加粗仿宋标题文字";

PageSequence sample_document() {
  PageSequence doc;
  Page cover;  // unnumbered
  cover.items.push_back(shape_run(*fonts().noto, "巴中市哲学社会科学规划项目结项申请书", 22, 100, 300));
  doc.pages.push_back(cover);

  Page p1;
  p1.label = "1";
  const auto s = samples();
  for (size_t i = 0; i < s.size(); ++i) p1.items.push_back(shape_run(*s[i].font, s[i].text, kSize, kLeft, line_y(i), s[i].latin));
  TextRun bold = shape_run(*fonts().fandol, kBoldText, kSize, kLeft, kBoldY);
  bold.stroke = 0.5;
  p1.items.push_back(bold);
  p1.items.push_back(shape_run(*fonts().fandol, kBoldText, kSize, kLeft, kPlainY));
  p1.items.push_back(Line{kLeft, 480, 523, 480, 1.0});
  p1.items.push_back(Rect{kLeft, 500, 40, 20, 0.5, false});
  p1.items.push_back(Rect{kLeft + 60, 500, 40, 20, 0, true});
  p1.links.push_back(LinkArea{kLeft, 540, 200, 20, "https://example.org/banshi"});
  p1.items.push_back(shape_run(*fonts().liberation, "https://example.org/banshi", 12, kLeft, 555, true));
  doc.pages.push_back(p1);

  Page p2;
  p2.label = "2";
  p2.items.push_back(shape_run(*fonts().lxgw, "第二章　附录", kSize, kLeft, 100));
  doc.pages.push_back(p2);

  doc.outline = {{"第一章　总则", 1, 1, 90}, {"一、项目概况", 2, 1, 230}, {"第二章　附录 (𠀀)", 1, 2, 85}};
  doc.info.title = "巴中市哲学社会科学规划项目结项申请书";
  doc.info.author = "张三";
  doc.info.subject = "BZ25YB119";
  doc.info.keywords = "结项, 申请书";
  doc.info.creator = "banshi test";
  return doc;
}

class WriterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = test_output_dir("writer");
    pdf_ = write_pdf(sample_document(), PdfOptions{});
    path_ = dir_ / "sample.pdf";
    write_bytes(path_, pdf_);
  }
  static std::string tool(const std::string& cmd) { return run_command(cmd + " '" + path_.string() + "' 2>&1"); }

  static inline fs::path dir_;
  static inline fs::path path_;
  static inline std::string pdf_;
};

TEST_F(WriterTest, TextExtractsExactly) {
  const std::string text = run_command("pdftotext -f 2 -l 2 -layout '" + path_.string() + "' -");
  for (const Sample& s : samples()) EXPECT_NE(text.find(s.text), std::string::npos) << s.text << "\n---\n" << text;
  EXPECT_NE(text.find(kBoldText), std::string::npos);
  EXPECT_NE(text.find("https://example.org/banshi"), std::string::npos);
  const std::string cover = run_command("pdftotext -f 1 -l 1 '" + path_.string() + "' -");
  EXPECT_NE(cover.find("巴中市哲学社会科学规划项目结项申请书"), std::string::npos);
}

TEST_F(WriterTest, EveryFontIsAnEmbeddedSubsetOfTheRightType) {
  // name  type  encoding  emb sub uni  object ID
  std::map<std::string, std::string> types;
  std::istringstream lines(tool("pdffonts"));
  std::string line;
  const std::regex row(R"(^([A-Z]{6})\+(\S+)\s+(CID Type 0C|CID TrueType)\s+Identity-H\s+(\S+)\s+(\S+)\s+(\S+)\s+\d+\s+\d+\s*$)");
  while (std::getline(lines, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    EXPECT_EQ(m[4], "yes") << line;  // embedded
    EXPECT_EQ(m[5], "yes") << line;  // subset
    EXPECT_EQ(m[6], "yes") << line;  // ToUnicode
    types[m[2]] = m[3];
  }
  const std::map<std::string, std::string> expected = {{"FandolFang-Regular", "CID Type 0C"},
                                                       {"NotoSerifCJKsc-Regular", "CID Type 0C"},
                                                       {"LXGWWenKai-Regular", "CID TrueType"},
                                                       {"LiberationSerif", "CID TrueType"},
                                                       {"HanaMinB", "CID TrueType"}};
  EXPECT_EQ(types, expected);
}

TEST_F(WriterTest, PageSizeAndDocumentInfo) {
  const std::string info = run_command("pdfinfo -enc UTF-8 '" + path_.string() + "'");
  EXPECT_NE(info.find("Pages:           3\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos) << info;
  EXPECT_NE(info.find("Title:           巴中市哲学社会科学规划项目结项申请书\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Author:          张三\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Subject:         BZ25YB119\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Keywords:        结项, 申请书\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Creator:         banshi test\n"), std::string::npos) << info;
  // No dates unless a timestamp is given.
  EXPECT_EQ(info.find("CreationDate"), std::string::npos) << info;
  EXPECT_EQ(info.find("ModDate"), std::string::npos) << info;
}

TEST_F(WriterTest, IdenticalInputGivesIdenticalBytes) {
  EXPECT_TRUE(write_pdf(sample_document(), PdfOptions{}) == pdf_);
  PdfOptions dated;
  dated.timestamp = 1700000000;  // 2023-11-14 22:13:20 UTC
  const std::string a = write_pdf(sample_document(), dated);
  EXPECT_TRUE(a == write_pdf(sample_document(), dated));
  EXPECT_NE(a.find("/CreationDate (D:20231114221320Z)"), std::string::npos);
  EXPECT_NE(a.find("/ModDate (D:20231114221320Z)"), std::string::npos);
  EXPECT_EQ(pdf_.find("/ID"), std::string::npos);
}

// Records of tests/data/pdf/inspect_pdf.py (PyMuPDF), split into fields.
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
    if (line.back() == '\t') fields.emplace_back();
    if (!fields.empty() && fields[0] == kind) records.push_back(std::vector<std::string>(fields.begin() + 1, fields.end()));
  }
  return records;
}

TEST_F(WriterTest, BookmarksAndPageLabelsReadBack) {
  using Rec = std::vector<std::string>;
  const auto toc = inspect(path_, "toc");
  ASSERT_EQ(toc.size(), 3u);
  EXPECT_EQ(toc[0], (Rec{"1", "第一章　总则", "2", "90.0"}));
  EXPECT_EQ(toc[1], (Rec{"2", "一、项目概况", "2", "230.0"}));
  EXPECT_EQ(toc[2], (Rec{"1", "第二章　附录 (𠀀)", "3", "85.0"}));
  EXPECT_EQ(inspect(path_, "label"), (std::vector<Rec>{{"0", ""}, {"1", "1"}, {"2", "2"}}));
  const auto meta = inspect(path_, "meta");
  EXPECT_EQ(meta[0], (Rec{"title", "巴中市哲学社会科学规划项目结项申请书"}));
  EXPECT_EQ(meta[1], (Rec{"author", "张三"}));
}

TEST_F(WriterTest, LinkIsABorderlessUriAnnotation) {
  const auto links = inspect(path_, "link");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0][0], "1");
  EXPECT_EQ(links[0][1], "https://example.org/banshi");
  EXPECT_NEAR(std::stod(links[0][2]), kLeft, 0.01);
  EXPECT_NEAR(std::stod(links[0][3]), 540, 0.01);
  EXPECT_NEAR(std::stod(links[0][4]), kLeft + 200, 0.01);
  EXPECT_NEAR(std::stod(links[0][5]), 560, 0.01);
  EXPECT_EQ(links[0][6], "[0 0 0]");
}

// Where PyMuPDF says each character was drawn is where layout put its glyph.
TEST_F(WriterTest, GlyphsAreDrawnWhereLayoutPlacedThem) {
  const auto chars = inspect(path_, "char");
  const PageSequence doc = sample_document();
  size_t next = 0;
  auto find_char = [&](const std::string& page, const std::string& c) -> const std::vector<std::string>* {
    for (size_t k = next; k < chars.size(); ++k) {
      if (chars[k][0] == page && chars[k][1] == c) {
        next = k + 1;
        return &chars[k];
      }
    }
    return nullptr;
  };
  size_t checked = 0;
  for (const PageItem& item : doc.pages[1].items) {
    const auto* run = std::get_if<TextRun>(&item);
    if (!run) continue;
    for (const PlacedGlyph& g : run->glyphs) {
      // One glyph per character in these CJK runs; for Latin, check the
      // first glyph of each cluster (a ligature's characters share it).
      if (g.text_len == 0) continue;
      const std::string c = run->text.substr(g.text_begin, g.text_len);
      const std::string first = c.substr(0, c.size() > 1 && static_cast<unsigned char>(c[0]) < 0x80 ? 1 : c.size());
      if (first == " ") continue;  // MuPDF may synthesise or drop spaces
      const auto* rec = find_char("1", first);
      ASSERT_NE(rec, nullptr) << "character " << c << " of \"" << run->text << "\" not found";
      EXPECT_NEAR(std::stod((*rec)[2]), g.x, 0.002) << c << " in " << run->text;
      EXPECT_NEAR(std::stod((*rec)[3]), g.y, 0.002) << c << " in " << run->text;
      EXPECT_NEAR(std::stod((*rec)[5]), run->size, 0.001);
      ++checked;
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST(PdfWriter, RefusesWhatItCannotWrite) {
  PdfOptions booklet;
  booklet.impose = Imposition::A3Booklet;
  PageSequence one;
  one.pages.resize(1);
  EXPECT_THROW(write_pdf(one, booklet), EngineError);
  EXPECT_THROW(write_pdf(PageSequence{}, PdfOptions{}), EngineError);
  PageSequence bad_outline = one;
  bad_outline.outline.push_back({"x", 1, 5, 0});
  EXPECT_THROW(write_pdf(bad_outline, PdfOptions{}), EngineError);
}

}  // namespace
}  // namespace banshi
