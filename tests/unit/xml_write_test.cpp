// The model written back as XML reads as the same model: every sample goes
// through parse → write → parse → write unchanged.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "xml/parse.h"
#include "xml/write.h"

using namespace banshi;

namespace {

std::string rewrite(const std::string& xml, const std::filesystem::path& base) {
  Diagnostics diags;
  return xml::write_report(parse_report(xml, "w.xml", base, diags));
}

}  // namespace

TEST(XmlWrite, EverySampleReadsBackAsItWasWritten) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(BANSHI_SOURCE_DIR) + "/samples")) {
    if (e.path().extension() != ".xml") continue;
    ++n;
    Diagnostics diags;
    const model::Report r = parse_report_file(e.path(), diags);
    const std::string once = xml::write_report(r);
    const std::string twice = rewrite(once, e.path().parent_path());
    EXPECT_EQ(once, twice) << e.path();
    // Nothing of the sample is lost on the way: its text is all there.
    EXPECT_NE(once.find("<outcome>"), std::string::npos);
    // And the form's fields, as the field table names them.
    for (const auto& g : r.form)
      for (const auto& [name, value] : g.values)
        EXPECT_NE(once.find(value.text), std::string::npos) << e.path() << " " << g.name << "." << name;
    if (r.group("project")) {
      EXPECT_NE(once.find("<id>" + std::string(r.field("project.id")) + "</id>"), std::string::npos);
    }
  }
  EXPECT_GE(n, 5);
}

TEST(XmlWrite, EscapesMarkupAndDropsWhatXmlCannotHold) {
  model::Report r;
  r.template_name = "outcome";
  model::Inline t;
  t.text = "A & B < C > \"D\"\x01";
  r.outcome.title = {t};
  model::Inline link;
  link.kind = model::InlineKind::Link;
  link.href = "https://x.example/?a=1&b=\"2\"";
  link.children = {t};
  r.outcome.body.push_back(model::Block{model::Paragraph{{link}, {}}});
  const std::string xml = xml::write_report(r);
  EXPECT_NE(xml.find("<title>A &amp; B &lt; C &gt; \"D\"</title>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\""), std::string::npos) << xml;
  EXPECT_EQ(rewrite(xml, "."), xml);
}

TEST(XmlWrite, CommentsGoBeforeTheirElement) {
  model::Report r;
  model::Inline t;
  t.text = "题目";
  r.outcome.title = {t};
  r.outcome.title_pos = {1, 0};
  r.outcome.body.push_back(model::Block{model::Paragraph{{t}, {2, 0}}});
  xml::WriteOptions o;
  o.header = {"made -- by a test"};
  o.comments_before = [](model::Pos p) {
    return p.line == 2 ? std::vector<std::string>{"the paragraph"} : std::vector<std::string>{};
  };
  const std::string xml = xml::write_report(r, o);
  EXPECT_NE(xml.find("<!-- made - - by a test -->\n<report"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<!-- the paragraph -->\n      <p>题目</p>"), std::string::npos) << xml;
  EXPECT_EQ(rewrite(xml, "."), xml::write_report(r));
}
