// Bad reports: every refusal with its exact message (file:line:column,
// XML path, the form's label, what is wrong).
#include <gtest/gtest.h>
#include <tinyxml2.h>

#include <chrono>
#include <random>
#include <string>

#include "util/file.h"
#include "xml/parse.h"
#include "xml/syntax_error.h"

namespace {

using banshi::Diagnostics;

const std::string kData = std::string(BANSHI_TEST_DATA) + "/xml/";

std::string error_of_file(const std::string& name) {
  Diagnostics d;
  try {
    banshi::parse_report_file(kData + "bad/" + name, d);
  } catch (const banshi::InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

std::string error_of(std::string_view xml, const banshi::ParseLimits& limits = {}) {
  Diagnostics d;
  try {
    banshi::parse_report(xml, "report.xml", kData + "good", d, limits);
  } catch (const banshi::InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

// A minimal outcome report around `body`, which starts on line 2.
std::string in_body(std::string_view body) {
  return "<report template=\"outcome\" version=\"1\"><outcome><title>T</title><body>\n" + std::string(body) +
         "\n</body></outcome></report>";
}

// A jiexiang report whose <project> (line 2) holds `fields`, starting on line 3.
std::string in_project(std::string_view fields) {
  return "<report template=\"jiexiang\" version=\"1\">\n<project>\n" + std::string(fields) +
         "\n</project><outcome><title>T</title><body/></outcome></report>";
}

constexpr std::string_view kFields =
    "<id>BZ25YB119</id><category>一般课题</category><title>题</title>"
    "<leader>胡明</leader><organization>党校</organization>";

// ---------------------------------------------------------------- files

TEST(XmlBadFiles, MissingFieldWithLabel) {
  EXPECT_EQ(error_of_file("missing_field.xml"),
            kData + "bad/missing_field.xml:4:3: error: <project>/<id> (立项编号) is missing");
}

TEST(XmlBadFiles, UnknownElementListsTheAllowedOnes) {
  EXPECT_EQ(error_of_file("unknown_element.xml"),
            kData +
                "bad/unknown_element.xml:4:5: error: <outcome>/<bdy> is not allowed here; "
                "allowed in <outcome>: <title>, <authors>, <abstract>, <keywords>, <body>, "
                "<references>");
}

TEST(XmlBadFiles, DateThatDoesNotExist) {
  EXPECT_EQ(error_of_file("bad_date.xml"),
            kData +
                "bad/bad_date.xml:8:5: error: <project>/<filled> (填表日期) \"2025-02-30\" is "
                "not a valid date: 2025-02 has 28 days");
}

TEST(XmlBadFiles, SectionsFiveDeep) {
  EXPECT_EQ(error_of_file("depth5.xml"),
            kData +
                "bad/depth5.xml:9:15: error: "
                "<outcome>/<body>/<section>/<section>/<section>/<section>/<section> (章节) is "
                "nested 5 deep; sections go at most 4 deep (一级标题 to 四级标题)");
}

TEST(XmlBadFiles, CitationOfAnUnknownReference) {
  EXPECT_EQ(error_of_file("unknown_cite.xml"),
            kData +
                "bad/unknown_cite.xml:5:37: error: <outcome>/<body>/<p>/<cite> (文献引用) "
                "refers to \"r9\", which is not in <references>");
}

TEST(XmlBadFiles, Doctype) {
  EXPECT_EQ(error_of_file("doctype.xml"),
            kData +
                "bad/doctype.xml:2:1: error: <!DOCTYPE> is not allowed: a report file has no "
                "document type declaration (and so no entity definitions)");
}

TEST(XmlBadFiles, MalformedXmlNamesBothTags) {
  EXPECT_EQ(error_of_file("malformed.xml"),
            kData +
                "bad/malformed.xml:5:30: error: </b> does not match <em> (opened at line 5, "
                "column 20)");
}

TEST(XmlBadFiles, InvalidBytesAreRefusedWithTheirPlace) {
  EXPECT_EQ(error_of_file("invalid_bytes.xml"),
            kData +
                "bad/invalid_bytes.xml:3:12: error: the file is neither UTF-8 nor "
                "GB18030/GBK: byte 0xFF at byte offset 63 is not valid UTF-8; save the file "
                "as UTF-8");
}

TEST(XmlBadFiles, MissingFile) {
  EXPECT_EQ(error_of_file("no-such.xml"), kData + "bad/no-such.xml: error: no such file");
}

// ---------------------------------------------------------------- schema

TEST(XmlSchema, UnknownAttribute) {
  EXPECT_EQ(error_of(in_body("<p class=\"x\">a</p>")),
            "report.xml:2:4: error: <outcome>/<body>/<p>/@class is not allowed here; <p> takes no "
            "attributes");
  EXPECT_EQ(error_of(in_body("<table><tr><td width=\"3\">a</td></tr></table>")),
            "report.xml:2:16: error: <outcome>/<body>/<table>/<tr>/<td>/@width is not allowed "
            "here; allowed attributes of <td>: colspan, rowspan");
}

TEST(XmlSchema, BadAttributeValues) {
  EXPECT_EQ(error_of("<report template=\"outcome\" version=\"2\"/>"),
            "report.xml:1:37: error: <report>/@version (格式版本) is \"2\"; allowed values: 1");
  EXPECT_EQ(error_of("<report version=\"1\"/>"), "report.xml:1:1: error: <report>/@template (模板) is missing");
  EXPECT_EQ(error_of("<report template=\"../x\" version=\"1\"/>"),
            "report.xml:1:19: error: <report>/@template (模板) is \"../x\"; use only letters, "
            "digits, - and _");
  EXPECT_EQ(error_of(in_body("<table><tr><td colspan=\"0\">a</td></tr></table>")),
            "report.xml:2:25: error: <outcome>/<body>/<table>/<tr>/<td>/@colspan (跨列数) is "
            "\"0\"; it must be a whole number from 1 to 1000");
  EXPECT_EQ(error_of(in_body("<figure src=\"fig1.png\" width=\"12px\"/>")),
            "report.xml:2:31: error: <outcome>/<body>/<figure>/@width (图宽) is \"12px\"; write a "
            "length such as 120mm, 8cm or 300pt");
  EXPECT_EQ(error_of(in_body("<section numbered=\"false\"><h>x</h></section>")),
            "report.xml:2:20: error: <outcome>/<body>/<section>/@numbered (标题编号) is \"false\"; "
            "allowed values: yes, no");
}

TEST(XmlSchema, ChangesAndPersons) {
  const std::string head = "<report template=\"outcome\" version=\"1\">\n";
  const std::string tail = "\n<outcome><title>T</title><body/></outcome></report>";
  EXPECT_EQ(error_of(head + "<changes changed=\"maybe\"/>" + tail),
            "report.xml:2:19: error: <changes>/@changed (是否变更) is \"maybe\"; allowed values: "
            "yes, no");
  EXPECT_EQ(error_of(head + "<changes><person role=\"leader\"/></changes>" + tail),
            "report.xml:2:24: error: <changes>/<person>/@role (人员类别) is \"leader\"; allowed "
            "values: original-leader, current-leader, original-member, current-member");
  EXPECT_EQ(error_of(head + "<changes><person><name>胡明</name></person></changes>" + tail),
            "report.xml:2:10: error: <changes>/<person>/@role (人员类别) is missing; allowed "
            "values: original-leader, current-leader, original-member, current-member");
  EXPECT_EQ(error_of(head +
                     "<changes>\n<person role=\"current-leader\"><born>1979-13</born></person>"
                     "</changes>" +
                     tail),
            "report.xml:3:31: error: <changes>/<person role=\"current-leader\">/<born> (现负责人 "
            "出生日期) \"1979-13\" is not a valid date: there is no month 13");
  EXPECT_EQ(error_of(head +
                     "<changes>\n<person role=\"original-member\"><phone><b>1</b></phone>"
                     "</person></changes>" +
                     tail),
            "report.xml:3:39: error: <changes>/<person role=\"original-member\">/<phone>/<b> is "
            "not allowed here; <phone> (原参与人员 联系电话) takes plain text only");
  EXPECT_EQ(error_of(head +
                     "<changes><person role=\"original-leader\"/>\n"
                     "<person role=\"original-leader\"/></changes>" +
                     tail),
            "report.xml:3:1: error: <changes>/<person role=\"original-leader\"> (原负责人) appears "
            "more than once (the first is at line 2, column 10)");
  EXPECT_EQ(error_of(head + "<changes><planned-date>2025-6-30</planned-date></changes>" + tail),
            "report.xml:2:10: error: <changes>/<planned-date> (原计划完成时间) \"2025-6-30\" is not "
            "a date in the form YYYY-MM-DD (e.g. 2025-10-15)");
}

TEST(XmlSchema, ProjectFields) {
  EXPECT_EQ(error_of("<report template=\"jiexiang\" version=\"1\">\n"
                     "<outcome><title>T</title><body/></outcome></report>"),
            "report.xml:1:1: error: <project> (封面) is missing; template=\"jiexiang\" needs it");
  EXPECT_EQ(error_of(in_project(std::string(kFields) + "<filled>2025/10/15</filled>")),
            "report.xml:3:110: error: <project>/<filled> (填表日期) \"2025/10/15\" is not a date in "
            "the form YYYY-MM-DD (e.g. 2025-10-15)");
  EXPECT_EQ(error_of(in_project("<id>BZ25YB119</id><category>c</category><title>t</title>"
                                "<organization>o</organization><filled>2025-10-15</filled>\n"
                                "<leader>  </leader>")),
            "report.xml:4:1: error: <project>/<leader> (项目负责人) is empty");
  EXPECT_EQ(error_of(in_project("<id>BZ25YB119</id>\n<id>BZ25YB120</id>")),
            "report.xml:4:1: error: <project>/<id> (立项编号) appears more than once (the first "
            "is at line 3, column 1)");
  EXPECT_EQ(error_of(in_project("立项编号 BZ25YB119")),
            "report.xml:3:1: error: <project> (封面) has text \"立项编号 BZ25YB119\" outside any "
            "element; allowed in <project>: <id>, <category>, <title>, <leader>, <organization>, "
            "<filled>");
  EXPECT_EQ(error_of(in_project("<id>BZ<b>25</b></id><category>c</category><title>t</title><leader>l</leader>"
                                "<organization>o</organization><filled>2025-10-15</filled>")),
            "report.xml:3:7: error: <project>/<id>/<b> is not allowed here; <id> (立项编号) takes "
            "plain text only");
  EXPECT_EQ(error_of(in_project(std::string(kFields) + "<filled/>")),
            "report.xml:3:110: error: <project>/<filled> (填表日期) is empty; write a date as "
            "YYYY-MM-DD (e.g. 2025-10-15)");
}

TEST(XmlSchema, OutcomeStructure) {
  EXPECT_EQ(error_of("<report template=\"outcome\" version=\"1\"><outcome><body/></outcome></report>"),
            "report.xml:1:40: error: <outcome>/<title> (标题) is missing");
  EXPECT_EQ(error_of("<html/>"),
            "report.xml:1:1: error: <html> is not allowed here; the root element must be <report>");
  EXPECT_EQ(error_of(in_body("<section><p>x</p><h>标题</h></section>")),
            "report.xml:2:18: error: <outcome>/<body>/<section>/<h> (一级标题) must come first in "
            "<section>");
  EXPECT_EQ(error_of(in_body("<section><h>一</h><section><p>x</p></section></section>")),
            "report.xml:2:18: error: <outcome>/<body>/<section>/<section>/<h> (二级标题) is missing");
  EXPECT_EQ(error_of(in_body("<section><h> <b> </b> </h></section>")),
            "report.xml:2:10: error: <outcome>/<body>/<section>/<h> (一级标题) is empty");
  EXPECT_EQ(error_of(in_body("<table><caption>表</caption></table>")),
            "report.xml:2:1: error: <outcome>/<body>/<table>/<tr> (表格行) is missing");
  EXPECT_EQ(error_of(in_body("<quote>引文<p>段落</p></quote>")),
            "report.xml:2:8: error: <outcome>/<body>/<quote> (引文) mixes text with <p> paragraphs; "
            "put all of its text in <p> elements");
}

TEST(XmlSchema, InlineNesting) {
  EXPECT_EQ(error_of(in_body("<p>a<fn>注<fn>套</fn></fn></p>")),
            "report.xml:2:10: error: <outcome>/<body>/<p>/<fn>/<fn> is not allowed here; allowed in "
            "<fn>: <b>, <em>, <sup>, <sub>, <cite>, <a>, <br>");
  EXPECT_EQ(error_of(in_body("<p>a<fn>注<b><fn>套</fn></b></fn></p>")),
            "report.xml:2:13: error: <outcome>/<body>/<p>/<fn>/<b>/<fn> is not allowed here; "
            "allowed in <b>: <b>, <em>, <sup>, <sub>, <cite>, <a>, <br>");
  EXPECT_EQ(error_of(in_body("<p>a<i>b</i></p>")),
            "report.xml:2:5: error: <outcome>/<body>/<p>/<i> is not allowed here; allowed in <p>: "
            "<b>, <em>, <sup>, <sub>, <fn>, <cite>, <a>, <br>");
  EXPECT_EQ(error_of(in_body("<p>a<br>b</br></p>")),
            "report.xml:2:9: error: <outcome>/<body>/<p>/<br> (换行) must be empty (found \"b\")");
  EXPECT_EQ(error_of(in_body("<p>a<fn> </fn></p>")),
            "report.xml:2:5: error: <outcome>/<body>/<p>/<fn> (脚注) is empty");
  EXPECT_EQ(error_of(in_body("<p>a<cite/></p>")),
            "report.xml:2:5: error: <outcome>/<body>/<p>/<cite>/@ref (文献引用) is missing");
  EXPECT_EQ(error_of(in_body("<p>a<a href=\"\">x</a></p>")),
            "report.xml:2:14: error: <outcome>/<body>/<p>/<a>/@href (链接) is empty");
}

TEST(XmlSchema, References) {
  EXPECT_EQ(error_of("<report template=\"outcome\" version=\"1\"><outcome><title>T</title><body/>\n"
                     "<references><ref id=\"r1\">甲</ref>\n<ref id=\"r1\">乙</ref></references>"
                     "</outcome></report>"),
            "report.xml:3:10: error: <outcome>/<references>/<ref id=\"r1\">/@id (参考文献编号) \"r1\" "
            "is already the id of the reference at line 2, column 13");
  EXPECT_EQ(error_of(in_body("<p>见<cite ref=\"r1\"/></p>")),
            "report.xml:2:5: error: <outcome>/<body>/<p>/<cite> (文献引用) refers to \"r1\", which "
            "is not in <references>");
}

// ---------------------------------------------------------------- syntax

TEST(XmlSyntax, Entities) {
  EXPECT_EQ(error_of(in_body("<p>a&nbsp;b</p>")),
            "report.xml:2:5: error: undefined entity &nbsp;: XML defines only &amp; &lt; &gt; "
            "&quot; &apos; — type the character itself");
  EXPECT_EQ(error_of(in_body("<p>R&D 投入</p>")), "report.xml:2:5: error: a bare \"&\" must be written &amp;");
  EXPECT_EQ(error_of(in_body("<p>a&#0;b</p>")), "report.xml:2:5: error: &#0; is not a character XML allows");
  EXPECT_EQ(error_of(in_body("<p>a&#xD800;b</p>")), "report.xml:2:5: error: &#xD800; is not a character XML allows");
  EXPECT_EQ(error_of(in_body("<p>a&#12a;b</p>")), "report.xml:2:5: error: malformed character reference &#12a;");
  EXPECT_EQ(error_of(in_body("<p title=\"a&b\">x</p>")), "report.xml:2:12: error: a bare \"&\" must be written &amp;");
}

TEST(XmlSyntax, Markup) {
  EXPECT_EQ(error_of(in_body("<p>1 < 2</p>")), "report.xml:2:6: error: \"<\" in text must be written &lt;");
  EXPECT_EQ(error_of(in_body("<p>a\x01</p>")), "report.xml:2:5: error: control character U+0001 is not allowed in XML");
  EXPECT_EQ(error_of(in_body("<p>a<!-- note</p>")), "report.xml:2:5: error: comment is never closed (no -->)");
  EXPECT_EQ(error_of(in_body("<p>a<?xml version=\"1.0\"?></p>")),
            "report.xml:2:5: error: the <?xml …?> declaration must be the very first thing in the "
            "file");
  EXPECT_EQ(error_of(in_body("<p>a<!ENTITY x \"y\"></p>")),
            "report.xml:2:5: error: <!…> declarations are not allowed in a report file");
  EXPECT_EQ(error_of(in_body("<td colspan=2>a</td>")),
            "report.xml:2:13: error: the value of attribute \"colspan\" in <td> must be in quotes");
  EXPECT_EQ(error_of(in_body("<td colspan=\"2\" colspan=\"3\">a</td>")),
            "report.xml:2:17: error: attribute \"colspan\" appears twice in <td>");
  EXPECT_EQ(error_of(in_body("<p a=\"1\"b=\"2\">x</p>")),
            "report.xml:2:9: error: attributes in <p> must be separated by white space");
  EXPECT_EQ(error_of(in_body("<p title=\"a<b\">x</p>")),
            "report.xml:2:12: error: \"<\" in an attribute value must be written &lt;");
  EXPECT_EQ(error_of(in_body("<p>a</b></p>")),
            "report.xml:2:5: error: </b> does not match <p> (opened at line 2, column 1)");
}

TEST(XmlSyntax, DocumentShape) {
  EXPECT_EQ(error_of(""), "report.xml: error: the file has no root element; a report is <report …> … </report>");
  EXPECT_EQ(error_of("<!-- only a comment -->\n"),
            "report.xml: error: the file has no root element; a report is <report …> … </report>");
  EXPECT_EQ(error_of("<report template=\"outcome\" version=\"1\">\n<outcome>"),
            "report.xml:2:1: error: <outcome> is never closed (the file ends first)");
  EXPECT_EQ(error_of("<report template=\"outcome\" version=\"1\"/>\n<report/>"),
            "report.xml:2:1: error: <report> after the end of the root element <report>: a file "
            "has exactly one root element");
  EXPECT_EQ(error_of("<report template=\"outcome\" version=\"1\"/>\ntrailing"),
            "report.xml:2:1: error: text after the end of the root element <report>");
  EXPECT_EQ(error_of("junk<report/>"), "report.xml:1:1: error: text before the root element");
  EXPECT_EQ(error_of("</report>"), "report.xml:1:1: error: </report> has no matching start tag");
  EXPECT_EQ(error_of("<report"),
            "report.xml:1:1: error: tag <report> is never closed (the file "
            "ends inside it)");
}

TEST(XmlSyntax, TinyXml2ErrorsAreTranslated) {
  // The scanner catches these first; the translation is the net behind it.
  const char* xml = "<r>\n  <b></em></r>";
  tinyxml2::XMLDocument doc;
  doc.Parse(xml);
  ASSERT_TRUE(doc.Error());
  try {
    banshi::xml::throw_syntax_error(doc, xml, "report.xml");
    FAIL() << "no error thrown";
  } catch (const banshi::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "report.xml:2:3: error: XML syntax error: an end tag does not match its start tag "
                 "in <b> (tinyxml2: XML_ERROR_MISMATCHED_ELEMENT)");
  }
}

// ---------------------------------------------------------------- hostile input

TEST(XmlHostile, Limits) {
  banshi::ParseLimits shallow;
  shallow.max_depth = 5;
  EXPECT_EQ(error_of(in_body("<p><b><em>x</em></b></p>"), shallow),
            "report.xml:2:7: error: elements are nested more than 5 deep (the limit)");
  EXPECT_NE(error_of(in_body("<p><b>x</b></p>"), shallow).find("(accepted)"), std::string::npos);

  banshi::ParseLimits small;
  small.max_bytes = 100;
  EXPECT_EQ(error_of(std::string(101, ' '), small),
            "report.xml: error: the file is 101 bytes, more than the limit of 100 bytes");
}

TEST(XmlHostile, NodeAndAttributeCounts) {
  banshi::ParseLimits few;
  few.max_nodes = 8;
  EXPECT_EQ(error_of(in_body("<p>a</p><p>b</p><p>c</p>"), few),
            "report.xml:2:12: error: the file has more than 8 elements, texts and comments (the "
            "limit)");
  std::string tag = "<p";
  for (int i = 0; i < 40; ++i) tag += " a" + std::to_string(i) + "=\"\"";
  EXPECT_EQ(error_of(in_body(tag + "/>")), "report.xml:2:218: error: <p> has more than 32 attributes");
}

// A document shaped to make a careless lexer quadratic (many texts, the
// only '&' at the very end: searching on to it from every text) must
// still take linear time.
TEST(XmlHostile, NoQuadraticPaths) {
  std::string body;
  for (int i = 0; i < 200000; ++i) body += "<p>text</p>";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(error_of(in_body(body + "&")), "report.xml:2:2200001: error: a bare \"&\" must be written &amp;");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
}

TEST(XmlHostile, DeepNestingIsRefusedNotRecursed) {
  std::string xml = "<report template=\"outcome\" version=\"1\">";
  for (int i = 0; i < 100000; ++i) xml += "<b>";
  EXPECT_EQ(error_of(xml), "report.xml:1:229: error: elements are nested more than 64 deep (the limit)");
}

TEST(XmlHostile, BillionLaughsNeverExpands) {
  const std::string msg = error_of_file("doctype.xml");
  EXPECT_NE(msg.find("<!DOCTYPE> is not allowed"), std::string::npos);
}

// Random damage to a good report must end in a model or an InputError:
// never a crash, a hang or another exception.
TEST(XmlHostile, MutatedReportsNeverCrash) {
  const std::string good = banshi::read_file(kData + "good/jiexiang.xml");
  std::mt19937 rng(20251015);
  const std::string alphabet =
      "<>/&;\"'=!?-[] \n\x80\xE4\xFF"
      "abc#x0";
  int accepted = 0, refused = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string xml = good;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % xml.size();
      switch (rng() % 3) {
        case 0: xml[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: xml.erase(at, 1 + rng() % 8); break;
        default: xml.insert(at, 1, alphabet[rng() % alphabet.size()]);
      }
    }
    Diagnostics d;
    try {
      banshi::parse_report(xml, "fuzz.xml", kData + "good", d);
      ++accepted;
    } catch (const banshi::InputError&) {
      ++refused;
    }
  }
  EXPECT_GT(refused, 0);
  EXPECT_GT(accepted, 0);
}

}  // namespace
