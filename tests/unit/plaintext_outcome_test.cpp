// Pasted plain text read as a report's <outcome> (engine/plaintext): the
// structure a reader sees, and the lines kept so messages point at them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "plaintext/headings.h"
#include "plaintext/outcome_xml.h"

namespace {

using banshi::plaintext::outcome_xml;
using banshi::plaintext::typed_heading;

int lines_of(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')) + 1; }

// The line of `xml` that holds `needle` (1-based), or 0.
int line_of(const std::string& xml, const std::string& needle) {
  const size_t at = xml.find(needle);
  if (at == std::string::npos) return 0;
  return static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
}

TEST(PlaintextOutcome, TitleParagraphsAndHeadings) {
  const std::string text =
      "巴中红色文化研究\n"
      "\n"
      "一、问题的提出\n"
      "\n"
      "巴中是川陕革命根据地的中心。\n"
      "这里的红色文化资源十分丰富。\n"
      "\n"
      "（一）资源概况\n"
      "\n"
      "全市有革命遗址一百余处。\n"
      "\n"
      "二、结论\n";
  const std::string xml = outcome_xml(text);
  EXPECT_EQ(xml,
            "<outcome><title>巴中红色文化研究</title><body>\n"
            "\n"
            "<section><h>问题的提出</h>\n"
            "\n"
            "<p>巴中是川陕革命根据地的中心。\n"
            "这里的红色文化资源十分丰富。</p>\n"
            "\n"
            "<section><h>资源概况</h>\n"
            "\n"
            "<p>全市有革命遗址一百余处。</p>\n"
            "\n"
            "</section></section><section><h>结论</h></section></body></outcome>");
}

TEST(PlaintextOutcome, EveryBlockStaysOnItsLine) {
  const std::string text =
      "\n\n  题目在第三行\n\n摘要：一段摘要。\n\n关键词：甲；乙，丙\n\n\n第四段从第十行起，\n接着第十一行。\n\n"
      "1.短标题。跟着正文的第一句。\n第十四行。\n";
  const std::string xml = outcome_xml(text);
  EXPECT_EQ(lines_of(xml), lines_of(text) - 1);  // the text's last line is empty
  EXPECT_EQ(line_of(xml, "<title>题目在第三行"), 3);
  EXPECT_EQ(line_of(xml, "<abstract>一段摘要。"), 5);
  EXPECT_EQ(line_of(xml, "<k>丙</k>"), 7);
  EXPECT_EQ(line_of(xml, "第四段从第十行起"), 10);
  EXPECT_EQ(line_of(xml, "接着第十一行"), 11);
  EXPECT_EQ(line_of(xml, "<section run-in=\"yes\"><h>短标题</h><p>跟着正文"), 13);
  EXPECT_EQ(line_of(xml, "第十四行"), 14);
}

TEST(PlaintextOutcome, WithoutBlankLinesEachLineIsAParagraph) {
  const std::string xml = outcome_xml("题目\n第一段。\n第二段。\n");
  EXPECT_NE(xml.find("<p>第一段。</p>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<p>第二段。</p>"), std::string::npos) << xml;
}

TEST(PlaintextOutcome, References) {
  const std::string xml = outcome_xml("题目\n\n正文。\n\n参考文献\n[1] 甲. 书[M]. 2020.\n2. 乙. 文[J]. 2021.\n");
  EXPECT_NE(xml.find("</body><references>\n<ref id=\"r1\">甲. 书[M]. 2020.</ref>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<ref id=\"r2\">乙. 文[J]. 2021.</ref></references>"), std::string::npos) << xml;
}

TEST(PlaintextOutcome, EscapesAndDropsControlCharacters) {
  const std::string xml = outcome_xml("A & B <c>\n\nx\x01y\x7fz\n");
  EXPECT_NE(xml.find("<title>A &amp; B &lt;c&gt;</title>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<p>xyz</p>"), std::string::npos) << xml;
}

TEST(PlaintextOutcome, DeeperHeadingsNestUnderTheLast) {
  // （1） without a 1. before it: one level under the heading it follows.
  const std::string xml = outcome_xml("题\n\n一、甲\n\n（1）乙\n\n文。\n");
  EXPECT_NE(xml.find("<section><h>甲</h>\n\n<section><h>乙</h>"), std::string::npos) << xml;
}

TEST(PlaintextHeadings, WhatIsAHeading) {
  EXPECT_EQ(typed_heading("一、问题的提出")->level, 1);
  EXPECT_EQ(typed_heading("（二）资源概况")->level, 2);
  EXPECT_EQ(typed_heading("3. 对策")->level, 3);
  EXPECT_EQ(typed_heading("（4）措施")->level, 4);
  EXPECT_EQ(typed_heading("第一章 绪论")->level, 1);
  EXPECT_EQ(typed_heading("一、问题的提出")->text, "问题的提出");
  EXPECT_FALSE(typed_heading("2025年巴中市城镇居民人均可支配收入"));
  EXPECT_FALSE(typed_heading("1.5亿元的投入"));
  EXPECT_FALSE(typed_heading("一、" + std::string(60, 'x')));  // too long for a heading
  const auto run_in = typed_heading("1.培育新型人才。人才是推动城乡要素流动的关键。");
  ASSERT_TRUE(run_in);
  EXPECT_TRUE(run_in->run_in);
  EXPECT_EQ(run_in->text, "培育新型人才");
  EXPECT_EQ(run_in->run_in_body, "人才是推动城乡要素流动的关键。");
  // A level-1 number with a sentence after it is a paragraph, not a run-in heading.
  EXPECT_FALSE(typed_heading("一、这是一个句子。后面还有一句很长的正文内容，超过了标题的长度限制，所以是段落。"));
}

}  // namespace
