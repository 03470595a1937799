// INPUT.md, the input format's page beside the README, cannot drift from
// what the reader accepts: its tables of the form's fields are exactly
// what the field table generates (`banshi fields --markdown`), and every
// element and attribute of the outcome's schema has its row, with the
// label messages call it by.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fields/field_report.h"
#include "fields/field_table.h"
#include "style/template.h"
#include "xml/labels.h"
#include "xml/schema.h"

namespace {

using banshi::xml::ElementId;

const std::filesystem::path kSource = BANSHI_SOURCE_DIR;

std::string input_doc() {
  std::ifstream in(kSource / "INPUT.md");
  std::stringstream all;
  all << in.rdbuf();
  return all.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

constexpr std::string_view kBegin = "<!-- fields: begin (banshi fields --markdown) -->\n";
constexpr std::string_view kEnd = "<!-- fields: end -->";

TEST(InputDoc, FieldTablesAreTheFieldTables) {
  const std::string doc = input_doc();
  const size_t begin = doc.find(kBegin);
  const size_t end = doc.find(kEnd);
  ASSERT_NE(begin, std::string::npos) << "INPUT.md lacks " << kBegin;
  ASSERT_NE(end, std::string::npos) << "INPUT.md lacks " << kEnd;
  banshi::RequiredBy required_by;
  const auto templates = kSource / "templates";
  for (const auto& t : banshi::list_templates(templates))
    for (const auto& key : banshi::load_template(templates / t.name).required_fields)
      required_by[key].push_back(t.name);
  const std::string expected = banshi::fields_markdown(banshi::report_fields(), required_by);
  EXPECT_EQ(doc.substr(begin + kBegin.size(), end - begin - kBegin.size()), "\n" + expected)
      << "INPUT.md's field tables differ from templates/fields.xml: replace them with the output of "
         "`banshi fields --markdown`";
}

// Every element of the outcome has a row "| `<name>` | label | attributes …",
// its attributes written there as name="…".
TEST(InputDoc, EveryElementAndAttributeOfTheOutcomeIsDocumented) {
  const std::vector<std::string> lines = lines_of(input_doc());
  int rows = 0;
  for (size_t i = 0; i < banshi::xml::kElementCount; ++i) {
    const auto id = static_cast<ElementId>(i);
    if (id == ElementId::Document || id == ElementId::Group || id == ElementId::Field) continue;
    const banshi::xml::ElementSpec& spec = banshi::xml::spec(id);
    const std::string label = id == ElementId::Heading ? "标题" : banshi::xml::element_label(id);
    const std::string start = "| `<" + std::string(spec.name) + ">`";
    bool found = false;
    for (const auto& line : lines) {
      if (line.rfind(start, 0) != 0 || line.find(" " + label + " ") == std::string::npos) continue;
      found = true;
      for (const auto& a : spec.attrs)
        EXPECT_NE(line.find("`" + std::string(a.name) + "=\""), std::string::npos)
            << "INPUT.md's row of <" << spec.name << "> lacks its attribute " << a.name << "=\"…\"";
    }
    EXPECT_TRUE(found) << "INPUT.md has no row \"" << start << " | … " << label << " …\"";
    ++rows;
  }
  EXPECT_GT(rows, 30);
}

// The form's groups and fields appear in the generated tables; the reader
// knows no field the table lacks, so these are all of them.
TEST(InputDoc, EveryFieldOfTheFormIsDocumented) {
  const std::string doc = input_doc();
  for (const auto& g : banshi::report_fields().groups()) {
    EXPECT_NE(doc.find("`<" + g.element), std::string::npos) << g.element;
    for (const auto& f : g.fields) {
      const std::string xml = f.attribute ? "| `" + f.name + "=\"…\"` | " : "| `<" + f.name + ">` | ";
      EXPECT_NE(doc.find(xml + f.label + " |"), std::string::npos) << f.key;
    }
  }
}

}  // namespace
