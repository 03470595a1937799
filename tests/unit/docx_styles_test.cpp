// Styles known by their names and outline levels through basedOn chains,
// and the numbers Word's numbering part generates.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "docx/numbering.h"
#include "docx/styles.h"
#include "docx/xml_part.h"

using namespace banshi::docx;

namespace {

const std::string kW = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::unique_ptr<tinyxml2::XMLDocument> parse(const std::string& xml) { return parse_xml(xml, "t.docx", "part"); }

StyleSheet sheet(const std::string& styles) {
  const auto doc = parse("<w:styles " + kW + ">" + styles + "</w:styles>");
  return StyleSheet::parse(doc->RootElement());
}

Numbering numbering(const std::string& body) {
  const auto doc = parse("<w:numbering " + kW + ">" + body + "</w:numbering>");
  return Numbering::parse(doc->RootElement());
}

std::string lvl(int i, const char* fmt, const char* text, int start = 1) {
  return "<w:lvl w:ilvl=\"" + std::to_string(i) + "\"><w:start w:val=\"" + std::to_string(start) +
         "\"/><w:numFmt w:val=\"" + fmt + "\"/><w:lvlText w:val=\"" + text + "\"/></w:lvl>";
}

}  // namespace

TEST(DocxStyles, RolesComeFromNamesNotIds) {
  int level = 0;
  EXPECT_EQ(role_of_name("heading 1", &level), StyleRole::Heading);
  EXPECT_EQ(level, 1);
  EXPECT_EQ(role_of_name("Heading 3", &level), StyleRole::Heading);
  EXPECT_EQ(level, 3);
  EXPECT_EQ(role_of_name("标题 2", &level), StyleRole::Heading);
  EXPECT_EQ(level, 2);
  EXPECT_EQ(role_of_name("标题4", &level), StyleRole::Heading);
  EXPECT_EQ(level, 4);
  EXPECT_EQ(role_of_name("标题"), StyleRole::Title);
  EXPECT_EQ(role_of_name("Title"), StyleRole::Title);
  EXPECT_EQ(role_of_name("副标题"), StyleRole::Subtitle);
  EXPECT_EQ(role_of_name("toc 2"), StyleRole::Toc);
  EXPECT_EQ(role_of_name("目录 1"), StyleRole::Toc);
  EXPECT_EQ(role_of_name("footnote text"), StyleRole::FootnoteText);
  EXPECT_EQ(role_of_name("题注"), StyleRole::Caption);
  EXPECT_EQ(role_of_name("正文"), StyleRole::Normal);
  EXPECT_EQ(role_of_name("heading"), StyleRole::Other);
  EXPECT_EQ(role_of_name("标题 10"), StyleRole::Other);
  EXPECT_EQ(role_of_name("Heading Char"), StyleRole::Other);
}

TEST(DocxStyles, FormattingThroughTheBasedOnChain) {
  const StyleSheet s = sheet(
      R"(<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>)"
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>)"
      R"(<w:pPr><w:outlineLvl w:val="1"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:rFonts w:eastAsia="楷体"/></w:rPr></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="x"><w:name w:val="我的标题"/><w:basedOn w:val="2"/>)"
      R"(<w:pPr><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="28"/></w:rPr></w:style>)"
      R"(<w:style w:type="character" w:styleId="c"><w:name w:val="Strong"/><w:rPr><w:b w:val="0"/><w:em w:val="dot"/></w:rPr></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="l1"><w:name w:val="loop 1"/><w:basedOn w:val="l2"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="l2"><w:name w:val="loop 2"/><w:basedOn w:val="l1"/></w:style>)");
  EXPECT_EQ(s.default_paragraph()->id, "a");
  const ParaProps& x = s.paragraph("x");
  EXPECT_EQ(x.outline_level, 1);    // from heading 2
  EXPECT_EQ(x.align, Align::Left);  // its own
  int level = 0;
  EXPECT_EQ(s.role("x", &level), StyleRole::Heading);  // derived from heading 2
  EXPECT_EQ(level, 2);
  const RunProps r = s.run("x");
  EXPECT_EQ(r.half_points, 28);
  EXPECT_EQ(r.bold, true);
  EXPECT_EQ(r.east_asia_font, "楷体");
  const RunProps rc = s.run("x", "c");
  EXPECT_EQ(rc.bold, false);
  EXPECT_EQ(rc.dot_emphasis, true);
  EXPECT_EQ(s.run("a").half_points, 32);  // the document default
  EXPECT_EQ(s.run("").half_points, 32);
  EXPECT_EQ(s.paragraph("unknown").outline_level, std::nullopt);
  // A loop ends.
  EXPECT_EQ(s.role("l1"), StyleRole::Other);
  EXPECT_FALSE(s.paragraph("l1").outline_level);
}

TEST(DocxStyles, AnEmptySheetStillAnswers) {
  const StyleSheet s;
  EXPECT_EQ(s.default_paragraph(), nullptr);
  EXPECT_FALSE(s.paragraph("1").align);
  EXPECT_EQ(s.role("1"), StyleRole::Other);
}

TEST(DocxNumbering, GeneratesWhatWordPrints) {
  Numbering n = numbering("<w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "chineseCounting", "%1、") +
                          lvl(1, "chineseCounting", "（%2）") + lvl(2, "decimal", "%3.") + lvl(3, "decimal", "%1.%4") +
                          "</w:abstractNum><w:abstractNum w:abstractNumId=\"1\">" + lvl(0, "decimal", "[%1]", 3) +
                          "</w:abstractNum><w:abstractNum w:abstractNumId=\"2\">" + lvl(0, "bullet", "•") +
                          "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
                          "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
                          "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>");
  auto label = [&](int num, int level) {
    auto g = n.next({num, level});
    return g ? g->label : std::string("(none)");
  };
  EXPECT_EQ(label(1, 0), "一、");
  EXPECT_EQ(label(1, 1), "（一）");
  EXPECT_EQ(label(1, 1), "（二）");
  EXPECT_EQ(label(1, 2), "1.");
  EXPECT_EQ(label(1, 2), "2.");
  EXPECT_EQ(label(1, 3), "一.1");  // each level in its own format, as Word does
  EXPECT_EQ(label(1, 0), "二、");
  EXPECT_EQ(label(1, 1), "（一）");  // restarted under the new level 0
  EXPECT_EQ(label(1, 2), "1.");
  EXPECT_EQ(label(2, 0), "[3]");  // w:start
  EXPECT_EQ(label(2, 0), "[4]");
  EXPECT_EQ(label(3, 0), "•");
  EXPECT_TRUE(n.next({3, 0})->bullet);
  EXPECT_EQ(label(9, 0), "(none)");
  EXPECT_EQ(label(1, 7), "(none)");
  EXPECT_EQ(label(0, 0), "(none)");
}

TEST(DocxNumbering, FormatsNumbers) {
  EXPECT_EQ(format_number(1, "chineseCounting"), "一");
  EXPECT_EQ(format_number(10, "chineseCountingThousand"), "十");
  EXPECT_EQ(format_number(12, "chineseCounting"), "十二");
  EXPECT_EQ(format_number(25, "chineseCounting"), "二十五");
  EXPECT_EQ(format_number(3, "decimal"), "3");
  EXPECT_EQ(format_number(3, "decimalEnclosedCircle"), "③");
  EXPECT_EQ(format_number(28, "upperLetter"), "AB");
  EXPECT_EQ(format_number(14, "lowerRoman"), "xiv");
  EXPECT_EQ(format_number(7, "decimalFullWidth"), "７");
}
