// Diagnostics put in words: the same finding as an English and a Chinese
// line, with its three kinds of location, and as JSON with its stable code.
#include <gtest/gtest.h>

#include "util/diag.h"

namespace {

using banshi::Diagnostic;
using banshi::Diagnostics;
using banshi::Lang;
using banshi::Severity;
using banshi::SourceLoc;

TEST(Diag, OneFindingInBothLanguages) {
  Diagnostics diags;
  diags.warn({"report.xml", 12, 5}, "table.too-wide", {{"number", 3}}, "<table>", "表格");
  const Diagnostic& d = diags.items().front();
  EXPECT_EQ(d.format(Lang::En),
            "report.xml:12:5: warning: <table> (表格) 表3 has more in its columns than the text width holds: some "
            "cell text is set wider than its column");
  EXPECT_EQ(d.format(Lang::Zh),
            "report.xml:12:5: 警告：表格（<table>）表3各列的内容超出了版心宽度，部分单元格的文字会超出本列");
}

TEST(Diag, DocxParagraphShowsItsOpeningWords) {
  const SourceLoc loc = SourceLoc::docx_paragraph("report.docx", 37, "  二、巴中发展新质生产力的现实基础与路径");
  EXPECT_EQ(loc.format(Lang::Zh), "report.docx:¶37 「二、巴中发展新质生产力…」");
  EXPECT_EQ(loc.format(Lang::En), "report.docx:¶37 「二、巴中发展新质生产力…」");
  // Latin text is cut at the same width: 22 columns.
  EXPECT_EQ(SourceLoc::docx_paragraph("a.docx", 2, "Acknowledgements and thanks").format(Lang::En),
            "a.docx:¶2 「Acknowledgements and t…」");
  // A short paragraph is shown whole, without an ellipsis.
  EXPECT_EQ(SourceLoc::docx_paragraph("a.docx", 3, "摘要").format(Lang::En), "a.docx:¶3 「摘要」");
}

TEST(Diag, PdfPage) {
  const SourceLoc loc = SourceLoc::pdf_page("other.pdf", 3);
  EXPECT_EQ(loc.format(Lang::En), "other.pdf, page 3");
  EXPECT_EQ(loc.format(Lang::Zh), "other.pdf 第 3 页");
  Diagnostic d(Severity::Note, "summary.none");
  d.at(loc);
  EXPECT_EQ(d.format(Lang::Zh), "other.pdf 第 3 页: 提示：没有发现问题");
}

TEST(Diag, JsonKeepsTheCodeBesideTheLocalisedMessage) {
  Diagnostics diags;
  diags.error(SourceLoc::docx_paragraph("r.docx", 4, "立项编号"), "internal.error", {{"detail", "x"}}, "<project>",
              "封面");
  EXPECT_EQ(
      diags.items().front().to_json(Lang::Zh),
      R"({"file":"r.docx","line":0,"column":0,"paragraph":4,"excerpt":"立项编号","path":"<project>",)"
      R"("label":"封面","severity":"error","code":"internal.error","message":"内部错误：x","args":{"detail":"x"}})");
}

TEST(Diag, CountSummary) {
  Diagnostics diags;
  EXPECT_EQ(banshi::count_summary(diags, Lang::En), "no problems");
  EXPECT_EQ(banshi::count_summary(diags, Lang::Zh), "没有发现问题");
  for (int i = 0; i < 4; ++i) diags.error({"r.xml", i + 1, 1}, "summary.none");
  diags.warn({"r.xml", 9, 1}, "summary.none");
  EXPECT_EQ(banshi::count_summary(diags, Lang::En), "4 errors, 1 warning");
  EXPECT_EQ(banshi::count_summary(diags, Lang::Zh), "4 个错误，1 个警告");
}

TEST(Diag, InputErrorSaysWhatInEnglish) {
  const banshi::InputError e(Diagnostic(Severity::Error, "internal.error", {{"detail", "boom"}}).at({"r.xml", 1, 2}));
  EXPECT_STREQ(e.what(), "r.xml:1:2: error: internal failure: boom");
  EXPECT_EQ(e.diagnostic().format(Lang::Zh), "r.xml:1:2: 错误：内部错误：boom");
}

}  // namespace
