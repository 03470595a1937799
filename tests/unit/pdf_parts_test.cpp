// The PDF writer's parts on their own: number formatting, ToUnicode CMaps,
// CID widths, page labels, dates, text operators, font descriptors.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "fonts/stem.h"
#include "pdf/cid_widths.h"
#include "pdf/content_stream.h"
#include "pdf/doc_info.h"
#include "pdf/font_descriptor.h"
#include "pdf/page_labels.h"
#include "pdf/pdf_format.h"
#include "pdf/text_ops.h"
#include "pdf/to_unicode.h"
#include "pdf_test_support.h"
#include "util/diag.h"

namespace banshi {
namespace {

using namespace pdf;
using namespace pdf_test;

TEST(PdfFormat, Numbers) {
  EXPECT_EQ(format_number(12.5), "12.5");
  EXPECT_EQ(format_number(3.0), "3");
  EXPECT_EQ(format_number(-0.0001), "0");
  EXPECT_EQ(format_number(-0.25), "-0.25");
  EXPECT_EQ(format_number(841.8898), "841.89");
  EXPECT_EQ(format_number(1.23456, 4), "1.2346");
  EXPECT_EQ(format_number(100.0, 2), "100");
  EXPECT_DOUBLE_EQ(round_to(1.23456, 2), 1.23);
}

TEST(PdfFormat, Utf16TextStrings) {
  EXPECT_EQ(utf16be_text_string("A中"), std::string("\xFE\xFF\x00\x41\x4E\x2D", 6));
  EXPECT_EQ(utf16be_text_string("𠀀"), std::string("\xFE\xFF\xD8\x40\xDC\x00", 6));
  EXPECT_EQ(utf16be_text_string(""), "\xFE\xFF");
  // Long text is cut at kMaxTextStringChars characters, the last one …,
  // never inside a surrogate pair.
  std::string long_text;
  for (size_t i = 0; i < kMaxTextStringChars + 5; ++i) long_text += "𠀀";
  const std::string cut = utf16be_text_string(long_text);
  EXPECT_EQ(cut.size(), 2 + 4 * (kMaxTextStringChars - 1) + 2);
  EXPECT_EQ(cut.substr(cut.size() - 2), std::string("\x20\x26", 2));
  EXPECT_EQ(utf16be_text_string(long_text.substr(0, 4 * kMaxTextStringChars)).size(), 2 + 4 * kMaxTextStringChars);
}

std::u32string u(const char32_t* s) { return s; }

// The body of a CMap, between the code space and endcmap.
std::string cmap_body(const std::string& cmap) {
  const size_t a = cmap.find("endcodespacerange\n") + 18;
  return cmap.substr(a, cmap.find("endcmap") - a);
}

TEST(PdfToUnicode, RangesAndChars) {
  const std::map<uint32_t, std::u32string> text = {
      {0x10, u(U"一")}, {0x11, u(U"丁")}, {0x12, u(U"丂")},  // consecutive: one range
      {0x14, u(U"中")},                                      // alone: a char
      {0x20, u(U"fi")},                                      // ligature
      {0x21, u(U"𠀀")},                                      // outside the BMP
      {0x22, u(U"")},                                        // continuation glyph: left out
  };
  EXPECT_EQ(cmap_body(build_to_unicode_cmap(text)),
            "3 beginbfchar\n<0014> <4E2D>\n<0020> <00660069>\n<0021> <D840DC00>\nendbfchar\n"
            "1 beginbfrange\n<0010> <0012> <4E00>\nendbfrange\n");
}

TEST(PdfToUnicode, RangesStayWithinOneByteBlock) {
  // Source codes 0x00FE..0x0101 cross a 256-code block; destinations
  // U+00FE.. would carry out of their last byte too.
  std::map<uint32_t, std::u32string> text;
  for (uint32_t c = 0xFE; c <= 0x101; ++c) text[c] = std::u32string(1, char32_t(0x4E00 + c - 0xFE));
  EXPECT_EQ(cmap_body(build_to_unicode_cmap(text)),
            "2 beginbfrange\n<00FE> <00FF> <4E00>\n<0100> <0101> <4E02>\nendbfrange\n");
  std::map<uint32_t, std::u32string> carry = {{1, u(U"\u00FF")}, {2, u(U"\u0100")}};
  EXPECT_EQ(cmap_body(build_to_unicode_cmap(carry)), "2 beginbfchar\n<0001> <00FF>\n<0002> <0100>\nendbfchar\n");
}

TEST(PdfToUnicode, AtMostOneHundredEntriesPerBlock) {
  std::map<uint32_t, std::u32string> text;
  for (uint32_t c = 0; c < 150; ++c) text[c * 2] = std::u32string(1, char32_t(0x4E00 + c * 5));
  const std::string body = cmap_body(build_to_unicode_cmap(text));
  EXPECT_NE(body.find("100 beginbfchar\n"), std::string::npos);
  EXPECT_NE(body.find("50 beginbfchar\n"), std::string::npos);
}

TEST(PdfCidWidths, DefaultIsTheCommonestWidthAndRunsAreGrouped) {
  const CidWidths w = compute_cid_widths({{1, 1000}, {2, 500}, {3, 500}, {4, 1000}, {7, 250}, {9, 1000}});
  EXPECT_EQ(w.dw, 1000);
  ASSERT_EQ(w.groups.size(), 2u);
  EXPECT_EQ(w.groups[0].first, 2u);
  EXPECT_EQ(w.groups[0].widths, (std::vector<int>{500, 500}));
  EXPECT_EQ(w.groups[1].first, 7u);
  EXPECT_EQ(w.groups[1].widths, (std::vector<int>{250}));
  EXPECT_TRUE(compute_cid_widths({{5, 1000}, {6, 1000}}).groups.empty());
  EXPECT_EQ(compute_cid_widths({{1, 600}, {2, 400}}).dw, 400);  // ties: the smaller
}

std::vector<Page> labelled(std::initializer_list<const char*> labels) {
  std::vector<Page> pages;
  for (const char* l : labels) {
    pages.emplace_back();
    pages.back().label = l;
  }
  return pages;
}

TEST(PdfPageLabels, Ranges) {
  using R = LabelRange;
  EXPECT_TRUE(label_ranges(labelled({"", "", ""})).empty());
  EXPECT_EQ(label_ranges(labelled({"", "", "1", "2", "3"})), (std::vector<R>{{0, "", std::nullopt}, {2, "", 1}}));
  // Numbering that restarts or skips starts a new range.
  EXPECT_EQ(label_ranges(labelled({"1", "2", "5", "6", "", "1"})),
            (std::vector<R>{{0, "", 1}, {2, "", 5}, {4, "", std::nullopt}, {5, "", 1}}));
  EXPECT_EQ(label_ranges(labelled({"附1", "附2", "封底", "0"})),
            (std::vector<R>{{0, "附", 1}, {2, "封底", std::nullopt}, {3, "0", std::nullopt}}));
}

TEST(PdfDocInfo, Dates) {
  EXPECT_EQ(pdf_date(0), "D:19700101000000Z");
  EXPECT_EQ(pdf_date(1700000000), "D:20231114221320Z");
  EXPECT_EQ(pdf_date(951782400), "D:20000229000000Z");
}

TextRun run_at(const std::vector<std::pair<double, double>>& xy, double size = 10) {
  TextRun run;
  run.size = size;
  run.text = "abcdef";
  uint32_t gid = 1;
  for (const auto& [x, y] : xy) run.glyphs.push_back(PlacedGlyph{gid++, x, y, gid - 2, 1});
  return run;
}

// Glyph k stands for the k-th letter of the run's text, as its ToUnicode
// entry says.
const std::unordered_map<uint32_t, GlyphCode> kCodes = {
    {1, {0x0101, 500, "a"}}, {2, {0x0202, 1000, "b"}}, {3, {0x0303, 250, "c"}}, {4, {0x0404, 500, "d"}}};

TEST(PdfTextOps, GlyphStandingForOtherTextGetsActualText) {
  std::string out;
  // Glyph 2 is mapped to "b" but here draws "X" (a font that draws ⼀ and
  // 一 alike): it goes in a span whose ActualText is X, the rest as usual.
  TextRun run = run_at({{10, 20}, {15, 20}, {25, 20}});
  run.text = "aXc";
  append_text_run(out, run, "F1", kCodes, 100);
  EXPECT_EQ(out,
            "q\n0 g\nBT\n/F1 10 Tf\n1 0 0 1 10 80 Tm\n[<0101>] TJ\n/Span <</ActualText <FEFF0058>>> BDC\n"
            "[<0202>] TJ\nEMC\n[<0303>] TJ\nET\nQ\n");
}

TEST(PdfTextOps, NominalAdvancesNeedNoAdjustment) {
  std::string out;
  // Advances 5, 10, 2.5 at 10 pt: exactly the widths.
  append_text_run(out, run_at({{10, 20}, {15, 20}, {25, 20}, {27.5, 20}}), "F1", kCodes, 100);
  EXPECT_EQ(out, "q\n0 g\nBT\n/F1 10 Tf\n1 0 0 1 10 80 Tm\n[<0101020203030404>] TJ\nET\nQ\n");
}

TEST(PdfTextOps, GapsAndKerningBecomeTjNumbers) {
  std::string out;
  // 1 pt extra before glyph 2 (-100), 0.5 pt kerning before glyph 3 (+50).
  append_text_run(out, run_at({{10, 20}, {16, 20}, {25.5, 20}}), "F2", kCodes, 100);
  EXPECT_NE(out.find("[<0101> -100 <0202> 50 <0303>] TJ\n"), std::string::npos) << out;
}

// Glyph copies (glyph_copies.h): glyph 1 with a quarter em (2.5 pt at
// 10 pt) in its advance, and with 0.3 em.
const CopyCodes kCopies = {{{1, 250}, {0x0505, 750, "a"}}, {{1, 300}, {0x0606, 800, "a"}}};

TEST(PdfTextOps, GlyphBeforeAGapIsDrawnAsItsCopy) {
  std::string out;
  // A quarter em after glyph 1: its copy closes it, no TJ number is left.
  append_text_run(out, run_at({{10, 20}, {17.5, 20}}), "F1", kCodes, 100, {&kCopies});
  EXPECT_NE(out.find("[<05050202>] TJ\n"), std::string::npos) << out;
  // The last glyph before the next run on the line, 0.3 em away.
  out.clear();
  append_text_run(out, run_at({{10, 20}}), "F1", kCodes, 100, {&kCopies, 18});
  EXPECT_NE(out.find("[<0606>] TJ\n"), std::string::npos) << out;
}

TEST(PdfTextOps, GapWithoutItsCopyStaysPositioning) {
  std::string out;
  // 0.2 em: no copy carries it, nor without copies at all.
  append_text_run(out, run_at({{10, 20}, {17, 20}}), "F1", kCodes, 100, {&kCopies});
  EXPECT_NE(out.find("[<0101> -200 <0202>] TJ\n"), std::string::npos) << out;
  out.clear();
  append_text_run(out, run_at({{10, 20}, {17.5, 20}}), "F1", kCodes, 100);
  EXPECT_NE(out.find("[<0101> -250 <0202>] TJ\n"), std::string::npos) << out;
  // Past 0.6 em a gap is a space meant as one (a table's cells).
  const CopyCodes wide = {{{1, 700}, {0x0707, 1200, "a"}}};
  out.clear();
  append_text_run(out, run_at({{10, 20}, {22, 20}}), "F1", kCodes, 100, {&wide});
  EXPECT_NE(out.find("[<0101> -700 <0202>] TJ\n"), std::string::npos) << out;
}

TEST(PdfTextOps, NewBaselineNewTextMatrix) {
  std::string out;
  append_text_run(out, run_at({{10, 20}, {15, 20}, {10, 32.25}}), "F1", kCodes, 100);
  EXPECT_NE(out.find("1 0 0 1 10 80 Tm\n[<01010202>] TJ\n1 0 0 1 10 67.75 Tm\n[<0303>] TJ\n"), std::string::npos)
      << out;
}

TEST(PdfTextOps, SyntheticBoldStrokesAndResets) {
  std::string out;
  TextRun run = run_at({{0, 10}});
  run.stroke = 0.4;
  append_text_run(out, run, "F1", kCodes, 100);
  EXPECT_EQ(out, "q\n0 g\n0 G\n0.4 w\n2 Tr\nBT\n/F1 10 Tf\n1 0 0 1 0 90 Tm\n[<0101>] TJ\nET\n0 Tr\nQ\n");
}

TEST(PdfTextOps, SubPixelDriftIsAbsorbedNotAccumulated) {
  std::string out;
  // Each advance is 5.0003 pt while the width says 5: no adjustment until
  // the drift passes the tolerance (0.002 pt, at the 8th glyph), then one
  // that brings the pen back onto the target.
  std::vector<std::pair<double, double>> xy;
  for (int i = 0; i < 9; ++i) xy.push_back({10 + 5.0003 * i, 20});
  TextRun run = run_at(xy);
  run.text = "aaaaaaaaa";
  for (auto& g : run.glyphs) g.gid = 1;
  append_text_run(out, run, "F1", kCodes, 100);
  EXPECT_NE(out.find("[<0101010101010101010101010101> -0.21 <01010101>] TJ"), std::string::npos) << out;
}

TEST(PdfTextOps, UnknownGlyphIsAnError) {
  std::string out;
  TextRun run = run_at({{0, 10}});
  const auto font = Font::open(kLiberationSerif);
  run.font = font.get();
  run.glyphs[0].gid = 99;
  EXPECT_THROW(append_text_run(out, run, "F1", kCodes, 100), EngineError);
}

// Counts whole-word occurrences of an operator in a content stream.
size_t op_count(const std::string& ops, const std::string& op) {
  size_t n = 0;
  std::istringstream in(ops);
  for (std::string tok; in >> tok;) n += tok == op;
  return n;
}

TEST(PdfContent, PageOperatorsArePureBlackAndBalanced) {
  const auto font = Font::open(kLxgwWenKai);
  Page page;
  page.items.push_back(shape_run(*font, "中文", 12, 72, 100));
  TextRun bold = shape_run(*font, "加粗", 12, 72, 120);
  bold.stroke = 0.3;
  page.items.push_back(bold);
  page.items.push_back(Line{72, 130, 200, 130, 0.75});
  page.items.push_back(Rect{72, 140, 20, 10, 0.5, false});
  page.items.push_back(Rect{100, 140, 20, 10, 0, true});
  page.items.push_back(Rect{130, 140, 20, 10, 0.5, true});
  page.items.push_back(Rect{160, 140, 20, 10, 0, false});  // draws nothing

  PageSequence doc;
  doc.pages.push_back(page);
  const std::vector<FontUsage> usage = collect_glyph_usage(doc);
  ASSERT_EQ(usage.size(), 1u);
  const PreparedFont prepared = prepare_font(usage[0], {});
  HaruDoc pdf(false);
  DocumentResources res;
  res.fonts[font.get()] = {embed_font(pdf, prepared), &prepared};
  HPDF_Dict resources = pdf.new_indirect_dict();  // owned by the document
  ResourceNames names;
  const std::string ops = page_content(page, res, names);
  names.add_to(pdf, resources);
  HPDF_Dict fonts = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(resources, "Font", HPDF_OCLASS_DICT));
  ASSERT_NE(fonts, nullptr);
  EXPECT_EQ(HPDF_Dict_GetItem(fonts, "F1", HPDF_OCLASS_DICT), res.fonts[font.get()].dict);

  EXPECT_EQ(op_count(ops, "q"), op_count(ops, "Q"));
  EXPECT_EQ(op_count(ops, "q"), 6u);  // 2 texts, 1 rule, 3 boxes
  EXPECT_EQ(op_count(ops, "BT"), 2u);
  EXPECT_EQ(op_count(ops, "ET"), 2u);
  EXPECT_EQ(op_count(ops, "/F1"), 2u);  // one font resource for both runs
  for (const char* colour : {"rg", "RG", "k", "K", "cs", "CS", "sc", "SC", "scn", "SCN"}) {
    EXPECT_EQ(op_count(ops, colour), 0u) << colour;
  }
  EXPECT_EQ(op_count(ops, "g"), 4u);  // 2 texts, 2 filled boxes: all "0 g"
  EXPECT_EQ(ops.find("1 g"), std::string::npos);
  EXPECT_NE(ops.find("0 J\n0.75 w\n72 711.89 m\n200 711.89 l\nS\n"), std::string::npos) << ops;
  EXPECT_NE(ops.find("72 691.89 20 10 re\nS\n"), std::string::npos) << ops;
  EXPECT_NE(ops.find("100 691.89 20 10 re\nf\n"), std::string::npos) << ops;
  EXPECT_NE(ops.find("130 691.89 20 10 re\nB\n"), std::string::npos) << ops;
  EXPECT_EQ(ops.find("160 691.89"), std::string::npos) << ops;
  EXPECT_NE(ops.find("0.3 w\n2 Tr\n"), std::string::npos) << ops;
}

TEST(PdfContent, NonFiniteCoordinateIsAnError) {
  HaruDoc pdf(false);
  DocumentResources res;
  ResourceNames names;
  Page page;
  page.items.push_back(Line{0, std::nan(""), 10, 10, 1});
  EXPECT_THROW(page_content(page, res, names), EngineError);
}

TEST(PdfFontDescriptor, MeasuredValues) {
  const auto liberation = Font::open(kLiberationSerif);
  const DescriptorMetrics lib = descriptor_metrics(*liberation);
  EXPECT_EQ(lib.flags & 2, 2);  // serif
  EXPECT_EQ(lib.flags & 4, 4);  // symbolic (addressed by CID)
  EXPECT_EQ(lib.italic_angle, 0);
  EXPECT_NEAR(lib.cap_height, 662, 10);
  EXPECT_GT(lib.stem_v, 60);
  EXPECT_LT(lib.stem_v, 110);
  EXPECT_LT(lib.bbox[0], 0);
  EXPECT_GT(lib.bbox[3], lib.ascent - 1);

  const auto italic = Font::open("/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf");
  const DescriptorMetrics it = descriptor_metrics(*italic);
  EXPECT_LT(it.italic_angle, -5);
  EXPECT_EQ(it.flags & 64, 64);

  const auto fandol = Font::open(kFandolFang);
  const DescriptorMetrics fang = descriptor_metrics(*fandol);
  EXPECT_GT(fang.ascent, 700);
  EXPECT_LT(fang.descent, 0);
  // 丨 of a regular 仿宋: a thin stroke.
  EXPECT_GT(fang.stem_v, 20);
  EXPECT_LT(fang.stem_v, 120);
}

TEST(PdfFontDescriptor, StemOfASingleStroke) {
  const auto font = Font::open(kLiberationSerif);
  const double l = measure_stem(*font, font->glyph_for(U'l'));
  EXPECT_GT(l, 100);  // font units of a 2048-unit em
  EXPECT_LT(l, 250);
  EXPECT_EQ(measure_stem(*font, font->glyph_for(U' ')), 0);
}

}  // namespace
}  // namespace banshi
