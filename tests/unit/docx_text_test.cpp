// Deciding what a paragraph is from its text and formatting, and editing
// inline content by character.
#include <gtest/gtest.h>

#include <string>

#include "docx/body.h"
#include "docx/headings.h"
#include "docx/inline_builder.h"
#include "docx/inline_edit.h"

using namespace banshi;
using namespace banshi::docx;
using model::Inline;
using model::InlineKind;
using model::Inlines;

namespace {

Inline text(std::string s) {
  Inline t;
  t.text = std::move(s);
  return t;
}

Inline wrap(InlineKind kind, Inlines children) {
  Inline w;
  w.kind = kind;
  w.children = std::move(children);
  return w;
}

// A paragraph of plain text, or of bold text followed by plain.
Para para(const std::string& bold, const std::string& plain = "") {
  Para p;
  p.index = 1;
  p.text = bold + plain;
  if (!bold.empty()) p.content.push_back(wrap(InlineKind::Bold, {text(bold)}));
  if (!plain.empty()) p.content.push_back(text(plain));
  p.all_bold = plain.empty() && !bold.empty();
  return p;
}

HeadingGuess guess(const Para& p) { return guess_heading(p, p.content); }

}  // namespace

TEST(DocxHeadings, TypedNumbersAndTheirDepth) {
  EXPECT_EQ(typed_number("一、总体情况"), "一、");
  EXPECT_EQ(typed_number("（二）现实困境"), "（二）");
  EXPECT_EQ(typed_number("3.培育新型人才"), "3.");
  EXPECT_EQ(typed_number("（4）细则"), "（4）");
  EXPECT_EQ(typed_number("第二章 研究设计"), "第二章");
  EXPECT_EQ(typed_number("第3节"), "第3节");
  EXPECT_EQ(typed_number("2024年全市经济"), std::nullopt);
  EXPECT_EQ(typed_number("1.5亿元"), std::nullopt);
  EXPECT_EQ(typed_number("第一时间"), std::nullopt);
  EXPECT_EQ(scheme_depth("一、"), 1);
  EXPECT_EQ(scheme_depth("（一）"), 2);
  EXPECT_EQ(scheme_depth("(二)"), 2);
  EXPECT_EQ(scheme_depth("1."), 3);
  EXPECT_EQ(scheme_depth("１．"), 3);
  EXPECT_EQ(scheme_depth("（1）"), 4);
  EXPECT_EQ(scheme_depth("第二章"), 1);
  EXPECT_EQ(scheme_depth("第二节"), 2);
  EXPECT_TRUE(is_heading_face("方正黑体_GBK"));
  EXPECT_TRUE(is_heading_face("KaiTi_GB2312"));
  EXPECT_FALSE(is_heading_face("仿宋_GB2312"));
}

TEST(DocxHeadings, TheOrderOfEvidence) {
  // 1. The paragraph's outline level; 9 is body text whatever the style.
  Para p = para("", "一段正文");
  p.props.outline_level = 0;
  p.direct_outline = true;
  EXPECT_EQ(guess(p).level, 1);
  EXPECT_EQ(guess(p).evidence, HeadingEvidence::ParagraphOutline);
  p.props.outline_level = 9;
  p.role = StyleRole::Heading;
  p.style_heading_level = 2;
  EXPECT_EQ(guess(p).level, 0);
  // 3. The style's name.
  p.props.outline_level.reset();
  EXPECT_EQ(guess(p).level, 2);
  EXPECT_EQ(guess(p).evidence, HeadingEvidence::StyleName);
  // 4. Word's numbering in the heading scheme, on a short line.
  Para n = para("", "优化城乡融合要素配置");
  n.number = GeneratedNumber{"（一）", "chineseCounting", "（%2）", 1, false};
  EXPECT_EQ(guess(n).level, 2);
  EXPECT_EQ(guess(n).evidence, HeadingEvidence::Numbering);
  // … but not a long sentence numbered as a list.
  n.text = "这是一个很长的列表项，它以句号结束，不是标题。";
  n.content = {text(n.text)};
  EXPECT_EQ(guess(n).level, 0);
}

TEST(DocxHeadings, TypedNumbersNeedTheFormattingOfAHeading) {
  EXPECT_EQ(guess(para("一、总体情况")).level, 1);      // bold
  EXPECT_EQ(guess(para("", "一、总体情况")).level, 1);  // a short line of its own
  EXPECT_EQ(guess(para("", "1.总体情况")).level, 0);    // an arabic number needs bold or a heading face
  EXPECT_EQ(guess(para("1.总体情况")).level, 3);
  Para face = para("", "（1）细则");
  face.font = "黑体";
  EXPECT_EQ(guess(face).level, 4);
  EXPECT_EQ(guess(para("", "一、这是一整句话，以句号结束。")).level, 0);
  EXPECT_EQ(guess(para("一、")).level, 0);  // a number alone
  const HeadingGuess g = guess(para("（二）现实困境"));
  EXPECT_EQ(g.typed, "（二）");
  EXPECT_EQ(g.typed_chars, 3u);
  EXPECT_EQ(g.evidence, HeadingEvidence::TypedNumber);
}

TEST(DocxHeadings, RunInHeadings) {
  const HeadingGuess g = guess(para("1.培育新型人才。", "人才是推动城乡要素双向流动最活跃的要素。"));
  EXPECT_EQ(g.level, 3);
  EXPECT_TRUE(g.run_in);
  EXPECT_EQ(g.typed_chars, 2u);
  EXPECT_EQ(g.heading_chars, 8u);  // 1.培育新型人才
  EXPECT_EQ(g.body_from, 9u);
  // Not bold: a numbered paragraph, not a heading.
  EXPECT_EQ(guess(para("", "1.培育新型人才。人才是推动城乡要素双向流动最活跃的要素。")).level, 0);
  // All bold: no paragraph runs in.
  EXPECT_FALSE(guess(para("1.培育新型人才。人才是推动城乡要素双向流动最活跃的要素。")).run_in);
}

TEST(DocxInlines, SplitDropAndTrimByCharacter) {
  const Inlines in{text("　　一、"), wrap(InlineKind::Bold, {text("总体")}), text("情况。")};
  EXPECT_EQ(visible_text(in), "　　一、总体情况。");
  auto [head, rest] = split_at(in, 5);
  EXPECT_EQ(visible_text(head), "　　一、总");
  EXPECT_EQ(visible_text(rest), "体情况。");
  ASSERT_EQ(rest.front().kind, InlineKind::Bold);  // formatting kept on both sides
  Inlines t = in;
  EXPECT_EQ(trim_blanks(t), 2u);
  EXPECT_EQ(visible_text(t), "一、总体情况。");
  drop_leading(t, 2);
  EXPECT_EQ(visible_text(t), "总体情况。");
  const Inlines plain = unwrap(t, InlineKind::Bold);
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_EQ(plain[0].kind, InlineKind::Text);
  Inlines notes{text("正文"), wrap(InlineKind::Footnote, {text("注")}), text(" ")};
  drop_leading(notes, 2);  // the footnote before the cut stays
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].kind, InlineKind::Footnote);
  trim_blanks(notes);
  EXPECT_EQ(notes.size(), 1u);
}

TEST(DocxInlines, TheBuilderNestsNeighboursOnce) {
  InlineBuilder b({3, 0});
  Format bold;
  bold.bold = true;
  Format bold_sup = bold;
  bold_sup.valign = VertAlign::Super;
  b.text("甲", bold);
  b.text("乙", bold);
  b.text("2", bold_sup);
  b.text("丙", Format{});
  const Inlines out = b.build();
  ASSERT_EQ(out.size(), 2u);
  ASSERT_EQ(out[0].kind, InlineKind::Bold);
  ASSERT_EQ(out[0].children.size(), 2u);
  EXPECT_EQ(out[0].children[0].text, "甲乙");
  EXPECT_EQ(out[0].children[1].kind, InlineKind::Sup);
  EXPECT_EQ(out[1].text, "丙");
  EXPECT_EQ(out[1].pos.line, 3);
}

TEST(DocxInlines, OpeningWords) {
  EXPECT_EQ(opening_words("　　二、巴中发展新质生产力的现实基础与主要路径"), "二、巴中发展新质生产力的…");
  EXPECT_EQ(opening_words("短句"), "短句");
  EXPECT_EQ(opening_words("课题负责人：胡明   "), "课题负责人：胡明");
  EXPECT_EQ(opening_words("a\t\tb"), "a b");
  EXPECT_EQ(opening_words(""), "");
}
