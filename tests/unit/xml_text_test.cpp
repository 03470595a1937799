// The small text rules of the XML stage on their own: white space, CJK
// line joining, heading numbers, dates and attribute values.
#include <gtest/gtest.h>

#include "xml/heading_number.h"
#include "xml/labels.h"
#include "xml/values.h"
#include "xml/whitespace.h"

namespace {

using banshi::xml::normalize_text;

TEST(XmlWhitespace, CollapsesAndTrims) {
  EXPECT_EQ(normalize_text("  a \t b\n\n c  "), "a b c");
  EXPECT_EQ(normalize_text(" \n\t "), "");
  EXPECT_EQ(normalize_text("胡 明"), "胡 明");            // typed on one line: kept
  EXPECT_EQ(normalize_text("中\u3000文"), "中\u3000文");  // ideographic space is content
}

TEST(XmlWhitespace, LineBreaksBetweenCjkDisappear) {
  EXPECT_EQ(normalize_text("城乡融合\n      发展"), "城乡融合发展");
  EXPECT_EQ(normalize_text("发展，\n  旨在"), "发展，旨在");     // CJK punctuation
  EXPECT_EQ(normalize_text("智慧”\r\n  城市"), "智慧”城市");     // general punctuation used in Chinese
  EXPECT_EQ(normalize_text("独特\n  IP 研究"), "独特 IP 研究");  // CJK–Latin keeps a space
  EXPECT_EQ(normalize_text("GDP\n增长"), "GDP 增长");
  EXPECT_EQ(normalize_text("ａ\nｂ"), "ａｂ");  // fullwidth forms
}

TEST(XmlWhitespace, SpacesBesideFullWidthPunctuationDisappear) {
  EXPECT_EQ(normalize_text("人才 “双向流失” 困境"), "人才“双向流失”困境");
  EXPECT_EQ(normalize_text("研究 （2023） 显示 ， 数据"), "研究（2023）显示，数据");
  EXPECT_EQ(normalize_text("GDP ：增长"), "GDP：增长");         // a full-width mark beside Latin too
  EXPECT_EQ(normalize_text("使用 “AI” 技术"), "使用“AI”技术");  // the quotes sit beside Han
  // Inside Latin text the shared marks are Latin punctuation: spaces stay.
  EXPECT_EQ(normalize_text("he said “yes” then"), "he said “yes” then");
  EXPECT_EQ(normalize_text("A — B … C"), "A — B … C");
  EXPECT_EQ(normalize_text("占比达 32%"), "占比达 32%");  // not punctuation: the quarter em's business
}

TEST(XmlWhitespace, BlocksAcrossInlineElements) {
  using banshi::model::Inline;
  using banshi::model::InlineKind;
  auto text = [](std::string s) {
    Inline i;
    i.text = std::move(s);
    return i;
  };
  auto element = [](InlineKind k, banshi::model::Inlines children) {
    Inline i;
    i.kind = k;
    i.children = std::move(children);
    return i;
  };
  // "\n  中文 <b> 粗 </b>\n  继续<cite/>\n 。<br/>  下一行  "
  banshi::model::Inlines in{
      text("\n  中文 "), element(InlineKind::Bold, {text(" 粗 ")}), text("\n  继续"),  element(InlineKind::Cite, {}),
      text("\n 。"),     element(InlineKind::LineBreak, {}),        text("  下一行  ")};
  banshi::xml::normalize_block(in);
  ASSERT_EQ(in.size(), 7u);
  EXPECT_EQ(in[0].text, "中文 ");
  EXPECT_EQ(in[1].children[0].text, "粗");
  EXPECT_EQ(in[2].text, "继续");  // the break after 粗 joined two CJK characters
  EXPECT_EQ(in[4].text, "。");    // the citation is transparent
  EXPECT_EQ(in[6].text, "下一行");
}

TEST(XmlHeadingNumber, Recognised) {
  using banshi::xml::leading_heading_number;
  EXPECT_EQ(leading_heading_number("一、巴中发展基本情况"), "一、");
  EXPECT_EQ(leading_heading_number("十二、结论"), "十二、");
  EXPECT_EQ(leading_heading_number("（一）产业能级"), "（一）");
  EXPECT_EQ(leading_heading_number("(2)人才"), "(2)");
  EXPECT_EQ(leading_heading_number("1.培育新型人才"), "1.");
  EXPECT_EQ(leading_heading_number("３．全角"), "３．");
  EXPECT_EQ(leading_heading_number("10、对策"), "10、");
  EXPECT_EQ(leading_heading_number("（1）"), "（1）");
}

TEST(XmlHeadingNumber, NotNumbers) {
  using banshi::xml::leading_heading_number;
  EXPECT_EQ(leading_heading_number("巴中发展基本情况"), std::nullopt);
  EXPECT_EQ(leading_heading_number("2025年工作回顾"), std::nullopt);
  EXPECT_EQ(leading_heading_number("1.5亿元投资"), std::nullopt);
  EXPECT_EQ(leading_heading_number("十大举措"), std::nullopt);
  EXPECT_EQ(leading_heading_number("一是加强创新"), std::nullopt);
  EXPECT_EQ(leading_heading_number("（注）"), std::nullopt);
  EXPECT_EQ(leading_heading_number(""), std::nullopt);
  EXPECT_EQ(leading_heading_number("一"), std::nullopt);
}

TEST(XmlValues, NumbersLengthsIds) {
  using namespace banshi::xml;
  EXPECT_EQ(parse_positive_int("3", 1000), 3);
  EXPECT_EQ(parse_positive_int("0", 1000), std::nullopt);
  EXPECT_EQ(parse_positive_int("-1", 1000), std::nullopt);
  EXPECT_EQ(parse_positive_int("2.0", 1000), std::nullopt);
  EXPECT_EQ(parse_positive_int("1001", 1000), std::nullopt);
  EXPECT_EQ(parse_positive_int("99999999999999999999", 1000), std::nullopt);
  EXPECT_NEAR(*parse_width_pt("8cm"), 8 * 72 / 2.54, 1e-9);
  EXPECT_EQ(parse_width_pt("300pt"), 300.0);
  EXPECT_EQ(parse_width_pt("2em"), std::nullopt);
  EXPECT_EQ(parse_width_pt("0mm"), std::nullopt);
  EXPECT_EQ(parse_width_pt("-5mm"), std::nullopt);
  EXPECT_EQ(split_ids(" r1  r2\nr3 "), (std::vector<std::string>{"r1", "r2", "r3"}));
}

TEST(XmlLabels, DependOnContext) {
  using namespace banshi::xml;
  // The form's fields are labelled by the field table (fields_table_test).
  EXPECT_EQ(element_label(ElementId::Heading, {3}), "三级标题");
  EXPECT_EQ(element_label(ElementId::Footnote), "脚注");
  EXPECT_EQ(attribute_label(ElementId::Figure, "src"), "图片文件");
  EXPECT_EQ(attribute_label(ElementId::Cite, "ref"), "文献引用");
}

}  // namespace
