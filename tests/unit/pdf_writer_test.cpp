// End-to-end tests of the PDF writer: pages built by hand from text shaped
// with HarfBuzz, written, and read back with poppler (pdftotext, pdffonts,
// pdfinfo, pdftoppm) and PyMuPDF.
#include <ft2build.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include FT_FREETYPE_H

#include <cmath>

#include "image/prepare.h"
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
  FontPtr lm = Font::open(kLatinModern);
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
      {f.lm.get(), "Latin Modern (name-keyed CFF): office fi ffl AVAT", true},
  };
}

constexpr double kSize = 16;
constexpr double kLeft = 72;
double line_y(size_t i) { return 100 + 40.0 * static_cast<double>(i); }
constexpr double kBoldY = 400, kPlainY = 440;  // below the samples
const std::string kBoldText = "加粗仿宋标题文字";

PageSequence sample_document() {
  PageSequence doc;
  Page cover;  // unnumbered
  cover.items.push_back(shape_run(*fonts().noto, "巴中市哲学社会科学规划项目结项申请书", 22, 100, 300));
  doc.pages.push_back(cover);

  Page p1;
  p1.label = "1";
  const auto s = samples();
  for (size_t i = 0; i < s.size(); ++i)
    p1.items.push_back(shape_run(*s[i].font, s[i].text, kSize, kLeft, line_y(i), s[i].latin));
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
  static void TearDownTestSuite() { remove_test_output(dir_); }
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
  const std::regex row(
      R"(^([A-Z]{6})\+(\S+)\s+(CID Type 0C|CID TrueType)\s+Identity-H\s+(\S+)\s+(\S+)\s+(\S+)\s+\d+\s+\d+\s*$)");
  while (std::getline(lines, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    EXPECT_EQ(m[4], "yes") << line;  // embedded
    EXPECT_EQ(m[5], "yes") << line;  // subset
    EXPECT_EQ(m[6], "yes") << line;  // ToUnicode
    types[m[2]] = m[3];
  }
  const std::map<std::string, std::string> expected = {
      {"FandolFang-Regular", "CID Type 0C"},  {"NotoSerifCJKsc-Regular", "CID Type 0C"},
      {"LXGWWenKai-Regular", "CID TrueType"}, {"LiberationSerif", "CID TrueType"},
      {"HanaMinB", "CID TrueType"},           {"LMRoman10-Regular", "CID Type 0C"}};
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
  // The trailer /ID comes from the content, not from the clock.
  EXPECT_NE(pdf_.find("/ID [ <"), std::string::npos);
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
    if (!fields.empty() && fields[0] == kind)
      records.push_back(std::vector<std::string>(fields.begin() + 1, fields.end()));
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

// The outline's items are plain dictionaries (only the root is /Type
// /Outlines) with direct destination arrays: PDFBox could not read
// libharu's indirect ones, and PDF/A validators reject both.
TEST_F(WriterTest, OutlineItemsAreWellFormed) {
  auto occurrences = [](const std::string& needle) {
    size_t n = 0;
    for (size_t at = pdf_.find(needle); at != std::string::npos; at = pdf_.find(needle, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(occurrences("/Type /Outlines"), 1u);
  EXPECT_EQ(occurrences("/Dest [ "), 3u);
  EXPECT_EQ(occurrences("/XYZ"), 3u);
  // Root: three items shown; 第一章 has one below it.
  EXPECT_NE(pdf_.find("/Count 3\n"), std::string::npos);
  EXPECT_NE(pdf_.find("/Count 1\n"), std::string::npos);
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
  EXPECT_NE(pdf_.find("/F 4\n"), std::string::npos) << "links are printable (PDF/A asks it of every annotation)";
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

// A grey-scale raster: 0 = black, 255 = white.
struct Gray {
  int w = 0, h = 0;
  std::vector<unsigned char> px;
  int at(int x, int y) const {
    return x < 0 || y < 0 || x >= w || y >= h ? 255 : px[size_t(y) * size_t(w) + size_t(x)];
  }
};

Gray read_pgm(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  Gray g;
  int maxval = 0;
  in >> magic >> g.w >> g.h >> maxval;
  in.get();
  EXPECT_EQ(magic, "P5");
  g.px.resize(size_t(g.w) * size_t(g.h));
  in.read(reinterpret_cast<char*>(g.px.data()), static_cast<std::streamsize>(g.px.size()));
  return g;
}

// Renders page `page` (1-based) with poppler's pdftoppm.
Gray render_page(const fs::path& pdf, int page, int dpi) {
  const fs::path prefix = pdf.parent_path() / ("render-" + std::to_string(page) + "-" + std::to_string(dpi));
  run_command("pdftoppm -gray -singlefile -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " +
              std::to_string(page) + " '" + pdf.string() + "' '" + prefix.string() + "'");
  return read_pgm(prefix.string() + ".pgm");
}

// What `run` should look like: each glyph rendered by FreeType straight
// from the original font file at its layout position. `gid_shift` draws
// the neighbouring glyph instead (a negative control).
Gray draw_with_freetype(const TextRun& run, int dpi, int w, int h, unsigned gid_shift = 0) {
  Gray g{w, h, std::vector<unsigned char>(size_t(w) * size_t(h), 255)};
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  EXPECT_EQ(FT_Init_FreeType(&lib), 0);
  EXPECT_EQ(FT_New_Face(lib, run.font->file().c_str(), run.font->index(), &face), 0);
  FT_Set_Char_Size(face, 0, std::lround(run.size * 64), FT_UInt(dpi), FT_UInt(dpi));
  const double s = dpi / 72.0;
  for (const PlacedGlyph& pg : run.glyphs) {
    if (FT_Load_Glyph(face, pg.gid + gid_shift, FT_LOAD_RENDER | FT_LOAD_NO_HINTING) != 0) continue;
    const FT_Bitmap& bm = face->glyph->bitmap;
    const int ox = int(std::lround(pg.x * s)) + face->glyph->bitmap_left;
    const int oy = int(std::lround(pg.y * s)) - face->glyph->bitmap_top;
    for (int r = 0; r < int(bm.rows); ++r) {
      for (int c = 0; c < int(bm.width); ++c) {
        const int x = ox + c, y = oy + r;
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        unsigned char& p = g.px[size_t(y) * size_t(w) + size_t(x)];
        p = std::min<unsigned char>(p, static_cast<unsigned char>(255 - bm.buffer[r * bm.pitch + c]));
      }
    }
  }
  FT_Done_Face(face);
  FT_Done_FreeType(lib);
  return g;
}

struct Box {
  int x0, y0, x1, y1;
};

// The pixels a run's ink can reach.
Box run_box(const TextRun& run, int dpi) {
  const double s = dpi / 72.0;
  const PlacedGlyph& first = run.glyphs.front();
  const PlacedGlyph& last = run.glyphs.back();
  return {int((first.x - 2) * s), int((first.y - run.size * 1.1) * s), int((last.x + run.size * 1.2) * s),
          int((first.y + run.size * 0.4) * s)};
}

// Pearson correlation of the ink of two rasters over `box`, each blurred
// by 3×3 so that sub-pixel differences between renderers do not count.
double ink_correlation(const Gray& a, const Gray& b, const Box& box) {
  auto ink = [](const Gray& g, int x, int y) {
    int sum = 0;
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) sum += 255 - g.at(x + dx, y + dy);
    return sum / 9.0;
  };
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = 0;
  for (int y = box.y0; y < box.y1; ++y) {
    for (int x = box.x0; x < box.x1; ++x) {
      const double va = ink(a, x, y), vb = ink(b, x, y);
      sa += va, sb += vb, saa += va * va, sbb += vb * vb, sab += va * vb, n += 1;
    }
  }
  const double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
  return va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : 0;
}

// The best correlation with `expected` moved by up to a pixel either way:
// poppler and this test round glyph origins to pixels differently.
double best_correlation(const Gray& actual, const Gray& expected, const Box& box) {
  double best = -1;
  for (int dy = -1; dy <= 1; ++dy) {
    for (int dx = -1; dx <= 1; ++dx) {
      Gray moved = expected;
      for (int y = 0; y < expected.h; ++y)
        for (int x = 0; x < expected.w; ++x)
          moved.px[size_t(y) * size_t(expected.w) + size_t(x)] =
              static_cast<unsigned char>(expected.at(x - dx, y - dy));
      best = std::max(best, ink_correlation(actual, moved, box));
    }
  }
  return best;
}

double ink_sum(const Gray& g, const Box& box) {
  double sum = 0;
  for (int y = box.y0; y < box.y1; ++y)
    for (int x = box.x0; x < box.x1; ++x) sum += 255 - g.at(x, y);
  return sum;
}

// Wrong codes (new glyph IDs where a CID-keyed CFF wants CIDs) would still
// extract the right text but draw other glyphs: compare what poppler draws
// with what FreeType draws from the original fonts.
TEST_F(WriterTest, GlyphsRenderAsTheOriginalFontDrawsThem) {
  constexpr int kDpi = 144;
  const Gray page = render_page(path_, 2, kDpi);
  ASSERT_GT(page.w, 1000);
  const PageSequence doc = sample_document();
  for (const PageItem& item : doc.pages[1].items) {
    const auto* run = std::get_if<TextRun>(&item);
    if (!run || run->stroke > 0) continue;
    const Box box = run_box(*run, kDpi);
    const double good = best_correlation(page, draw_with_freetype(*run, kDpi, page.w, page.h), box);
    const double wrong = best_correlation(page, draw_with_freetype(*run, kDpi, page.w, page.h, 1), box);
    std::cout << run->font->postscript_name() << " \"" << run->text << "\": correlation " << good
              << " (neighbouring glyphs: " << wrong << ")\n";
    EXPECT_GT(good, 0.97) << run->text;
    EXPECT_LT(wrong, good - 0.2) << run->text;
  }
}

TEST_F(WriterTest, SyntheticBoldIsHeavier) {
  constexpr int kDpi = 144;
  const Gray page = render_page(path_, 2, kDpi);
  const PageSequence doc = sample_document();
  const TextRun* bold = nullptr;
  const TextRun* plain = nullptr;
  for (const PageItem& item : doc.pages[1].items) {
    if (const auto* run = std::get_if<TextRun>(&item); run && run->text == kBoldText)
      (run->stroke > 0 ? bold : plain) = run;
  }
  ASSERT_TRUE(bold && plain);
  const double heavy = ink_sum(page, run_box(*bold, kDpi)), normal = ink_sum(page, run_box(*plain, kDpi));
  std::cout << "ink of the synthetic bold run / the plain run: " << heavy / normal << "\n";
  EXPECT_GT(heavy, normal * 1.25);
  // The same glyphs, only heavier.
  EXPECT_GT(best_correlation(page, draw_with_freetype(*bold, kDpi, page.w, page.h), run_box(*bold, kDpi)), 0.8);
}

TEST_F(WriterTest, RulesAndBoxesArePureBlack) {
  constexpr int kDpi = 144;
  const Gray page = render_page(path_, 2, kDpi);
  auto px = [&](double x, double y) { return page.at(int(x * 2), int(y * 2)); };
  EXPECT_EQ(px(300, 480), 0);           // 1 pt rule
  EXPECT_EQ(px(300, 484), 255);         // and nothing below it
  EXPECT_EQ(px(kLeft + 80, 510), 0);    // filled box
  EXPECT_EQ(px(kLeft + 20, 510), 255);  // inside the stroked box
  EXPECT_LT(px(kLeft, 510), 128);       // its left edge
}

std::string data_file(const std::string& name) { return std::string(BANSHI_TEST_DATA) + "/pdf/" + name; }

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

// An image file as the image stage prepares it.
std::shared_ptr<const image::PreparedImage> prepared(const std::string& file, image::PrepareOptions options = {}) {
  auto result = image::prepare_image(std::make_shared<const std::string>(read_bytes(file)), options);
  if (auto* r = std::get_if<image::Refusal>(&result)) ADD_FAILURE() << file << ": " << r->code.str();
  return std::make_shared<const image::PreparedImage>(std::get<image::PreparedImage>(result));
}

TEST(PdfWriter, ImagesAreWrittenOnceAndJpegIsEmbeddedAsIs) {
  const auto png = prepared(data_file("text-crop.png"));
  const auto jpeg = prepared(data_file("text-crop.jpg"));
  const auto dot = prepared(data_file("dot-alpha.png"));
  PageSequence doc;
  Page page;
  page.items.push_back(Image{png.get(), 72, 72, 128, 80});
  page.items.push_back(Image{jpeg.get(), 72, 200, 128, 80});
  page.items.push_back(Image{png.get(), 300, 72, 64, 40});
  page.items.push_back(Image{dot.get(), 300, 200, 48, 48});
  doc.pages.push_back(page);
  doc.pages.push_back(page);  // the same images again on another page
  PdfOptions plain;
  plain.compress = false;
  const std::string pdf = write_pdf(doc, plain);
  // PNG, JPEG, alpha PNG and its soft mask: each once for four placements
  // on each of two pages.
  EXPECT_EQ(count(pdf, "/Subtype /Image"), 4u);
  EXPECT_EQ(count(pdf, "/SMask"), 1u);
  EXPECT_EQ(count(pdf, " Do\n"), 8u);
  EXPECT_NE(pdf.find(read_bytes(data_file("text-crop.jpg"))), std::string::npos) << "JPEG was re-encoded";
  EXPECT_EQ(pdf.substr(0, 8), "%PDF-1.4");  // for the soft mask

  const fs::path dir = test_output_dir("images");
  write_bytes(dir / "images.pdf", write_pdf(doc, PdfOptions{}));
  const Gray r = render_page(dir / "images.pdf", 1, 72);
  remove_test_output(dir);
  EXPECT_GT(ink_sum(r, {72, 72, 200, 152}), 1000);    // PNG
  EXPECT_GT(ink_sum(r, {72, 200, 200, 280}), 1000);   // JPEG
  EXPECT_GT(ink_sum(r, {310, 210, 338, 238}), 1000);  // the opaque dot
  EXPECT_EQ(r.at(301, 201), 255);                     // transparent corner
}

TEST(PdfWriter, AlphaFlattenedOntoWhiteHasNoSoftMask) {
  // For PDF/A-1, which allows no transparency: the image stage composites
  // onto white and the writer has no mask to write.
  image::PrepareOptions flat;
  flat.flatten_alpha = true;
  PageSequence doc;
  doc.pages.resize(1);
  doc.images.push_back(prepared(data_file("dot-alpha.png"), flat));
  doc.pages[0].items.push_back(Image{doc.images.back().get(), 300, 200, 48, 48});
  PdfOptions plain;
  plain.compress = false;
  const std::string pdf = write_pdf(doc, plain);
  EXPECT_EQ(count(pdf, "/Subtype /Image"), 1u);
  EXPECT_EQ(count(pdf, "/SMask"), 0u);
  const fs::path dir = test_output_dir("images-flat");
  write_bytes(dir / "flat.pdf", pdf);
  const Gray r = render_page(dir / "flat.pdf", 1, 72);
  remove_test_output(dir);
  EXPECT_GT(ink_sum(r, {310, 210, 338, 238}), 1000);  // the dot
  EXPECT_EQ(r.at(301, 201), 255);                     // the corner, white
}

TEST(PdfWriter, ImagePreparedOnlyForCheckingIsRefused) {
  image::PrepareOptions check;
  check.encode = false;
  PageSequence doc;
  doc.pages.resize(1);
  doc.images.push_back(prepared(data_file("text-crop.png"), check));
  doc.pages[0].items.push_back(Image{doc.images.back().get(), 0, 0, 10, 10});
  EXPECT_THROW(write_pdf(doc, PdfOptions{}), EngineError);
}

TEST(PdfWriter, RefusesWhatItCannotWrite) {
  PageSequence one;
  one.pages.resize(1);
  EXPECT_THROW(write_pdf(PageSequence{}, PdfOptions{}), EngineError);
  PageSequence bad_outline = one;
  bad_outline.outline.push_back({"x", 1, 5, 0});
  EXPECT_THROW(write_pdf(bad_outline, PdfOptions{}), EngineError);
}

}  // namespace
}  // namespace banshi
