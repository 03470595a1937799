// Good report files read into the model: fields, section nesting, inline
// nodes, table spans, figures, white space, warnings.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "model/document.h"
#include "xml/parse.h"

namespace {

using banshi::Diagnostics;
using banshi::model::Block;
using banshi::model::Inline;
using banshi::model::InlineKind;
using banshi::model::Inlines;
using banshi::model::Section;

const std::string kGood = std::string(BANSHI_TEST_DATA) + "/xml/good/";

// A compact rendering of inline content: text as is, elements as
// {kind:children}, so whole paragraphs compare in one assertion.
std::string show(const Inlines& in) {
  std::string out;
  for (const auto& i : in) {
    switch (i.kind) {
      case InlineKind::Text: out += i.text; break;
      case InlineKind::Bold: out += "{b:" + show(i.children) + "}"; break;
      case InlineKind::Emphasis: out += "{em:" + show(i.children) + "}"; break;
      case InlineKind::Sup: out += "{sup:" + show(i.children) + "}"; break;
      case InlineKind::Sub: out += "{sub:" + show(i.children) + "}"; break;
      case InlineKind::Footnote: out += "{fn:" + show(i.children) + "}"; break;
      case InlineKind::Link: out += "{a " + i.href + ":" + show(i.children) + "}"; break;
      case InlineKind::LineBreak: out += "{br}"; break;
      case InlineKind::Cite: {
        out += "{cite";
        for (const auto& r : i.refs) out += " " + r;
        out += "}";
        break;
      }
    }
  }
  return out;
}

const Section& section(const Block& b) { return std::get<Section>(b.node); }

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& i : d.items()) out.push_back(i.format());
  return out;
}

class XmlJiexiangReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    diags_ = new Diagnostics;
    report_ = new banshi::model::Report(banshi::parse_report_file(kGood + "jiexiang.xml", *diags_));
  }
  static void TearDownTestSuite() {
    delete report_;
    delete diags_;
  }
  static Diagnostics* diags_;
  static banshi::model::Report* report_;
  const banshi::model::Report& r() const { return *report_; }
  const banshi::model::Blocks& body() const { return report_->outcome.body; }
};
Diagnostics* XmlJiexiangReport::diags_ = nullptr;
banshi::model::Report* XmlJiexiangReport::report_ = nullptr;

TEST_F(XmlJiexiangReport, RootAttributesAndFile) {
  EXPECT_EQ(r().template_name, "jiexiang");
  EXPECT_EQ(r().template_pos.line, 3);
  EXPECT_EQ(r().template_pos.column, 19);
  EXPECT_EQ(r().version, 1);
  EXPECT_EQ(r().source_file, kGood + "jiexiang.xml");
  EXPECT_EQ(std::filesystem::path(r().base_dir), std::filesystem::path(kGood).parent_path());
}

TEST_F(XmlJiexiangReport, ProjectFields) {
  const banshi::model::FieldGroup* p = r().group("project");
  ASSERT_TRUE(p);
  const auto* id = p->find("id");
  ASSERT_TRUE(id);
  EXPECT_EQ(id->text, "BZ25YB108");
  EXPECT_EQ(id->pos.line, 5);
  EXPECT_EQ(id->pos.column, 5);
  EXPECT_EQ(p->text("category"), "经济学");
  // A wrapped line between a CJK character and Latin text keeps one space.
  EXPECT_EQ(p->text("title"), "提升城市品质打造巴中独特 IP 研究");
  EXPECT_EQ(r().field("project.title"), "提升城市品质打造巴中独特 IP 研究");
  EXPECT_EQ(p->text("leader"), "胡明");
  EXPECT_EQ(p->text("organization"), "政协巴中市巴州区委员会办公室");
  const auto* filled = p->find("filled");
  ASSERT_TRUE(filled && filled->date);
  EXPECT_EQ(filled->date->year, 2025);
  EXPECT_EQ(filled->date->month, 6);
  EXPECT_EQ(filled->date->day, 13);
  EXPECT_EQ(filled->text, "2025-06-13");
  EXPECT_EQ(p->pos.line, 4);
}

TEST_F(XmlJiexiangReport, ChangesAndPersons) {
  const banshi::model::FieldGroup* c = r().group("changes");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->text("changed"), "no");
  // An empty 立项项目名称 takes the project's title (the field table's default).
  ASSERT_TRUE(c->find("project-title"));
  EXPECT_EQ(c->text("project-title"), "提升城市品质打造巴中独特 IP 研究");
  EXPECT_EQ(c->find("project-title")->pos.line, 14);
  EXPECT_EQ(c->text("result-title"), "提升城市品质打造巴中独特 IP 研究");
  EXPECT_TRUE(c->find("what-changed"));
  EXPECT_EQ(c->text("planned-form"), "论文");
  EXPECT_EQ(c->text("actual-form"), "论文");
  ASSERT_TRUE(c->find("planned-date")->date);
  EXPECT_EQ(c->find("planned-date")->date->day, 30);
  ASSERT_TRUE(c->find("actual-date")->date);
  EXPECT_EQ(c->find("actual-date")->date->month, 6);

  // The persons follow their <changes>, in document order.
  const auto persons = r().groups("person");
  ASSERT_EQ(persons.size(), 3u);
  ASSERT_EQ(r().form.size(), 5u);
  EXPECT_EQ(r().form[1].name, "changes");
  EXPECT_EQ(r().form[2].name, "person");
  const auto& leader = *persons[0];
  EXPECT_EQ(leader.text("role"), "original-leader");
  EXPECT_EQ(leader.text("name"), "胡明");
  EXPECT_EQ(leader.text("gender"), "男");
  EXPECT_EQ(leader.text("ethnicity"), "汉");
  const auto* born = leader.find("born");
  ASSERT_TRUE(born && born->date);
  EXPECT_EQ(born->date->year, 1979);
  EXPECT_EQ(born->date->month, 12);
  EXPECT_EQ(born->date->day, 0);
  EXPECT_EQ(leader.text("post"), "研究室主任");
  EXPECT_TRUE(leader.find("rank"));
  EXPECT_EQ(leader.text("rank"), "");
  EXPECT_EQ(leader.text("address"), "巴中市巴州区政协办公室");
  EXPECT_EQ(leader.text("phone"), "18382888666");
  EXPECT_EQ(persons[1]->text("role"), "original-member");
  EXPECT_EQ(persons[1]->text("name"), "张盛江");
  EXPECT_FALSE(persons[1]->find("gender"));
  EXPECT_EQ(persons[2]->text("role"), "current-member");
  EXPECT_EQ(persons[2]->text("phone"), "18108214401");
}

TEST_F(XmlJiexiangReport, OutcomeFrontMatter) {
  const auto& o = r().outcome;
  EXPECT_EQ(show(o.title), "提升城市品质打造巴中独特 IP 研究");
  EXPECT_EQ(o.title_pos.line, 33);
  ASSERT_EQ(o.authors.size(), 2u);
  EXPECT_EQ(o.authors[0].role, "课题负责人");
  EXPECT_EQ(o.authors[0].name, "胡 明");  // a space typed on one line is the author's
  EXPECT_EQ(o.authors[1].name, "张盛江");
  ASSERT_TRUE(o.abstract);
  // The line break after "，" disappears; the block's indentation is trimmed.
  EXPECT_EQ(show(*o.abstract),
            "城市是区域经济发展的动力源和重要增长极。本文基于巴中市作为欠发达地区，"
            "如何遵循城市发展规律{cite r1}，提出了提升城市品质策略。");
  EXPECT_EQ((std::vector<std::string>{"城市品质", "创新", "共同富裕"}), o.keywords);
  EXPECT_EQ(o.keywords_pos.line, 42);
}

TEST_F(XmlJiexiangReport, ParagraphWithFootnote) {
  ASSERT_EQ(body().size(), 3u);
  const auto& p = std::get<banshi::model::Paragraph>(body()[0].node);
  EXPECT_EQ(show(p.content),
            "党的二十届三中全会提出，品质城市建设是深化城市建设、运营、治理体制改革的重要方向"
            "{fn:《中共中央关于进一步全面深化改革推进中国式现代化的决定》，《人民日报》，2024年7月22日，第1版。}"
            "，旨在打造“宜居、韧性、智慧”城市。");
  EXPECT_EQ(p.pos.line, 44);
  EXPECT_EQ(p.pos.column, 7);
  const Inline& fn = p.content[1];
  ASSERT_EQ(fn.kind, InlineKind::Footnote);
  EXPECT_EQ(fn.pos.line, 45);
  EXPECT_EQ(fn.pos.column, 49);  // columns count characters, not bytes
  EXPECT_EQ(p.content[0].pos.line, 45);
  EXPECT_EQ(p.content[0].pos.column, 9);
}

TEST_F(XmlJiexiangReport, SectionNestingAndDepth) {
  const Section& s1 = section(body()[1]);
  EXPECT_EQ(s1.depth, 1);
  EXPECT_TRUE(s1.numbered);
  EXPECT_FALSE(s1.run_in);
  EXPECT_EQ(show(s1.heading), "巴中发展基本情况");
  EXPECT_EQ(s1.heading_pos.line, 50);
  ASSERT_EQ(s1.blocks.size(), 2u);
  EXPECT_EQ(show(std::get<banshi::model::Paragraph>(s1.blocks[0].node).content),
            "近年来，巴中市立足资源禀赋，聚焦{b:“5+2+3”}产业体系{cite r1 r2}。");  // no space beside “ ”

  const Section& s2 = section(s1.blocks[1]);
  EXPECT_EQ(s2.depth, 2);
  EXPECT_EQ(show(s2.heading), "产业能级还需聚力提升");
  const Section& s3 = section(s2.blocks[1]);
  EXPECT_EQ(s3.depth, 3);
  ASSERT_TRUE(s3.run_in);
  EXPECT_TRUE(*s3.run_in);
  const Section& s4 = section(s3.blocks[1]);
  EXPECT_EQ(s4.depth, 4);
  EXPECT_FALSE(s4.numbered);
  EXPECT_EQ(show(s4.heading), "（1）自行编号的标题");

  const auto& list = std::get<banshi::model::ListBlock>(s4.blocks[0].node);
  EXPECT_TRUE(list.ordered);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(show(list.items[0]), "加强创新引领");
  EXPECT_EQ(show(list.items[1]), "展现{em:城市精神}");
  EXPECT_EQ(list.item_pos[1].line, 62);
}

TEST_F(XmlJiexiangReport, TableSpans) {
  const Section& s = section(body()[2]);
  const auto& t = std::get<banshi::model::Table>(s.blocks[0].node);
  EXPECT_EQ(show(t.caption), "表1 巴中市主要经济指标");
  EXPECT_EQ(show(t.note), "注：作者整理所得。");
  ASSERT_EQ(t.rows.size(), 3u);
  ASSERT_EQ(t.rows[0].cells.size(), 2u);
  EXPECT_TRUE(t.rows[0].cells[0].header);
  EXPECT_EQ(t.rows[0].cells[1].colspan, 2);
  EXPECT_EQ(t.rows[0].cells[1].rowspan, 1);
  EXPECT_EQ(show(t.rows[0].cells[1].content), "数值");
  ASSERT_EQ(t.rows[1].cells.size(), 3u);
  EXPECT_FALSE(t.rows[1].cells[0].header);
  EXPECT_EQ(t.rows[1].cells[0].rowspan, 2);
  EXPECT_EQ(t.rows[1].cells[0].colspan, 1);
  EXPECT_EQ(show(t.rows[2].cells[0].content), "65.41");
  EXPECT_EQ(t.rows[1].pos.line, 73);
}

TEST_F(XmlJiexiangReport, FigureAndQuotes) {
  const Section& s = section(body()[2]);
  ASSERT_EQ(s.blocks.size(), 4u);
  const auto& f = std::get<banshi::model::Figure>(s.blocks[1].node);
  EXPECT_EQ(f.src, "fig1.png");
  // Only the name: the image stage finds the bytes under the allowed roots.
  EXPECT_EQ(f.image.origin, banshi::model::FigureImage::Origin::File);
  EXPECT_EQ(f.image.name, "fig1.png");
  EXPECT_FALSE(f.image.bytes);
  ASSERT_TRUE(f.width_pt);
  EXPECT_NEAR(*f.width_pt, 120 * 72 / 25.4, 1e-9);
  EXPECT_EQ(show(f.caption), "图1 巴中区位");

  const auto& q1 = std::get<banshi::model::Quote>(s.blocks[2].node);
  ASSERT_EQ(q1.paragraphs.size(), 2u);
  EXPECT_EQ(show(q1.paragraphs[1].content), "人民城市人民建。");
  const auto& q2 = std::get<banshi::model::Quote>(s.blocks[3].node);
  ASSERT_EQ(q2.paragraphs.size(), 1u);
  EXPECT_EQ(show(q2.paragraphs[0].content),
            "H{sub:2}O and E = mc{sup:2}, see {a https://www.bzskl.cn/:巴中社科联}.{br}第二行");
}

TEST_F(XmlJiexiangReport, References) {
  const auto& refs = r().outcome.references;
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].id, "r1");
  EXPECT_EQ(refs[2].id, "r3");
  EXPECT_EQ(show(refs[1].content),
            "孙虹. 中国式现代化视角下城乡融合发展水平测度及障碍因素分析[J].统计与决策,2025,41(05):115-120.");
  EXPECT_EQ(refs[0].pos.line, 86);
  EXPECT_EQ(r().outcome.references_pos.line, 85);
}

TEST_F(XmlJiexiangReport, Warnings) {
  const std::string f = kGood + "jiexiang.xml";
  EXPECT_EQ(messages(*diags_),
            (std::vector<std::string>{
                f + ":69:9: warning: <outcome>/<body>/<section>/<h> (一级标题) starts with its own "
                    "number \"一、\", and the engine numbers headings too, so it would print twice; "
                    "remove it, or set numbered=\"no\" on the <section>",
                f + ":88:7: warning: <outcome>/<references>/<ref id=\"r3\"> (参考文献) is never cited",
            }));
  EXPECT_FALSE(diags_->has_errors());
}

TEST(XmlOutcomeReport, NeedsNoProjectAndKeepsSpacesBetweenElements) {
  Diagnostics diags;
  const auto r = banshi::parse_report_file(kGood + "outcome.xml", diags);
  EXPECT_EQ(r.template_name, "outcome");
  EXPECT_TRUE(r.form.empty());
  EXPECT_TRUE(r.outcome.authors.empty());
  EXPECT_FALSE(r.outcome.abstract);
  EXPECT_TRUE(r.outcome.references.empty());
  ASSERT_EQ(r.outcome.body.size(), 2u);
  EXPECT_EQ(show(std::get<banshi::model::Paragraph>(r.outcome.body[0].node).content),
            "在新一轮科技革命和产业变革中，新质生产力正在成为推动发展的新动能。");
  const Section& s = section(r.outcome.body[1]);
  // tinyxml2 drops the white-space-only text between </b> and <em>; the
  // parser puts the space back.
  EXPECT_EQ(show(std::get<banshi::model::Paragraph>(s.blocks[0].node).content), "Text in {b:bold} {em:and} emphasis.");
  EXPECT_TRUE(diags.items().empty());
}

TEST(XmlInlineReport, WhitespaceAcrossInlineBoundaries) {
  Diagnostics diags;
  const auto r = banshi::parse_report(
      "<report template=\"outcome\" version=\"1\"><outcome><title>T</title><body>\n"
      "<p>\n  text <b>x</b>\n</p>\n"
      "<p><b> lead</b> mid <em>tail </em>\n</p>\n"
      "<p>中文<b>粗体</b>\n   继续<fn> 注释\n  文字 </fn>\n  。</p>\n"
      "<p>a <!-- note --> b &amp; c<![CDATA[ <d> ]]>e</p>\n"
      "<p>甲 <br/> 乙</p>\n"
      "</body></outcome></report>",
      "inline.xml", ".", diags);
  const auto& b = r.outcome.body;
  ASSERT_EQ(b.size(), 5u);
  auto p = [&](size_t i) { return show(std::get<banshi::model::Paragraph>(b[i].node).content); };
  EXPECT_EQ(p(0), "text {b:x}");
  EXPECT_EQ(p(1), "{b:lead} mid {em:tail}");
  EXPECT_EQ(p(2), "中文{b:粗体}继续{fn:注释文字}。");
  EXPECT_EQ(p(3), "a b & c <d> e");
  EXPECT_EQ(p(4), "甲{br}乙");
}

TEST(XmlInlineReport, UncitedReferencesWarnOnceWhenNothingIsCited) {
  Diagnostics diags;
  banshi::parse_report(
      "<report template=\"outcome\" version=\"1\"><outcome><title>T</title><body/>\n"
      "  <references><ref id=\"a\">甲</ref><ref id=\"b\">乙</ref></references>\n"
      "</outcome></report>",
      "refs.xml", ".", diags);
  EXPECT_EQ(messages(diags), (std::vector<std::string>{"refs.xml:2:3: warning: <outcome>/<references> (参考文献) none "
                                                       "of the 2 references is cited (no <cite ref=\"…\"/> in the "
                                                       "text)"}));
}

TEST(XmlInlineReport, CrLfLineEndings) {
  Diagnostics diags;
  const auto r = banshi::parse_report(
      "<report template=\"outcome\" version=\"1\">\r\n<outcome><title>T</title><body>\r\n"
      "<p>城乡\r\n  融合</p>\r\n  <p>x</p></body></outcome></report>\r\n",
      "crlf.xml", ".", diags);
  const auto& p = std::get<banshi::model::Paragraph>(r.outcome.body[1].node);
  EXPECT_EQ(show(std::get<banshi::model::Paragraph>(r.outcome.body[0].node).content), "城乡融合");
  EXPECT_EQ(p.pos.line, 5);
  EXPECT_EQ(p.pos.column, 3);
}

TEST(XmlInlineReport, DefaultsAndOptionalParts) {
  Diagnostics diags;
  const auto r = banshi::parse_report(
      "<?xml version='1.0'?>\n"
      "<report template='my-form' version=' 1 '>\n"
      "<outcome><title>题</title><body>\n"
      "<section><h>一</h><list><item>x</item></list></section>\n"
      "<figure src='fig1.png'/>\n"
      "</body></outcome></report>",
      "mem.xml", kGood, diags);
  EXPECT_EQ(r.template_name, "my-form");  // templates are data: any safe name
  const Section& s = section(r.outcome.body[0]);
  EXPECT_TRUE(s.numbered);
  EXPECT_FALSE(s.run_in.has_value());
  EXPECT_FALSE(std::get<banshi::model::ListBlock>(s.blocks[0].node).ordered);
  const auto& f = std::get<banshi::model::Figure>(r.outcome.body[1].node);
  EXPECT_FALSE(f.width_pt);
  EXPECT_TRUE(f.caption.empty());
  EXPECT_TRUE(diags.items().empty()) << messages(diags)[0];
}

// The project's own samples are written to the spec: all must be read
// without errors.
TEST(XmlSamples, AreAccepted) {
  const std::filesystem::path dir = std::filesystem::path(BANSHI_SOURCE_DIR) / "samples";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no samples/";
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".xml") continue;
    Diagnostics diags;
    EXPECT_NO_THROW(banshi::parse_report_file(entry.path(), diags)) << entry.path();
    EXPECT_FALSE(diags.has_errors());
    ++count;
  }
  EXPECT_GT(count, 0);
}

}  // namespace
