// Templates as data: the installed templates load (jiexiang's front pages,
// its styles on top of the outcome's, the booklet default), list_templates
// names them. A bad template is refused with its file:line and exactly
// what is wrong — never a silent default: those are small files under
// tests/data/templates/NAME/template.xml (with an `outcome` link beside
// them for the ones that extend it), each carrying its expected message.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <variant>

#include "style/template.h"
#include "util/diag.h"

namespace banshi {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = BANSHI_SOURCE_DIR;
const fs::path kData = fs::path(BANSHI_TEST_DATA) / "templates";

template <class T>
int count_items(const FrontPage& p) {
  int n = 0;
  for (const auto& item : p.items) n += std::holds_alternative<T>(item) ? 1 : 0;
  return n;
}

template <class T>
const T* first_item(const FrontPage& p) {
  for (const auto& item : p.items)
    if (const T* v = std::get_if<T>(&item)) return v;
  return nullptr;
}

// ---------------------------------------------------------------- the real ones

TEST(StyleTemplate, JiexiangHasTheFormsFrontPages) {
  const Template t = load_template(kSource / "templates" / "jiexiang");
  EXPECT_EQ(t.name, "jiexiang");
  EXPECT_EQ(t.default_impose, "a3-booklet") << "the form asks for an A3 saddle-stitched booklet";
  EXPECT_TRUE(t.default_pdfa) << "the federation archives the 结项申请书: PDF/A-1b unless asked otherwise";
  EXPECT_EQ(t.required_fields, (std::vector<std::string>{"project.id", "project.category", "project.title",
                                                         "project.leader", "project.organization", "project.filled"}))
      << "the cover needs the project's fields";
  EXPECT_FALSE(t.outcome_new_page) << "the outcome follows the 最终成果 divider on its page";
  // cover, 声明, 填表说明, 项目变更情况数据表, 二+三, 四+五, 最终成果 divider
  ASSERT_EQ(t.front.size(), 7u);

  const FrontPage& cover = t.front[0];
  const FormFields* fields = first_item<FormFields>(cover);
  ASSERT_NE(fields, nullptr) << "the cover has no <fields>";
  ASSERT_EQ(fields->fields.size(), 6u);
  const char* labels[] = {"立项编号", "项目类别", "项目名称", "项目负责人", "所在单位", "填表日期"};
  const char* values[] = {"{project.id}",     "{project.category}",     "{project.title}",
                          "{project.leader}", "{project.organization}", "{project.filled}"};
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(fields->fields[i].label, labels[i]);
    EXPECT_EQ(fields->fields[i].value, values[i]);
    EXPECT_GT(fields->fields[i].line, 0) << "a field keeps its template line for messages";
  }
  EXPECT_TRUE(fields->label_width.em);
  EXPECT_DOUBLE_EQ(fields->label_width.value, 5) << "labels spread over five characters";
  EXPECT_DOUBLE_EQ(fields->rule, 0.5);

  // 声明: the two questions carry the declaration's boxes.
  bool sensitive = false, secret = false;
  for (const auto& item : t.front[1].items)
    if (const auto* p = std::get_if<FormText>(&item)) {
      sensitive |= p->text.find("{box declaration.sensitive=no}") != std::string::npos;
      secret |= p->text.find("{box declaration.secret=no}") != std::string::npos;
    }
  EXPECT_TRUE(sensitive && secret) << "声明 lacks its 是/否 boxes";

  // The change table: 9 columns, repeated member rows with at least 3 rows.
  const FormTable* table = first_item<FormTable>(t.front[3]);
  ASSERT_NE(table, nullptr) << "page 4 has no change-data table";
  EXPECT_EQ(table->widths.size(), 9u);
  EXPECT_EQ(table->header_style, "form-label");
  EXPECT_EQ(table->cell_style, "form-cell");
  int repeated = 0, autos = 0;
  for (const FormRow& r : table->rows) {
    if (!r.repeat.empty()) {
      ++repeated;
      EXPECT_EQ(r.min, 3) << "member block at line " << r.line;
    }
    for (const FormCell& c : r.cells) autos += c.rowspan_auto ? 1 : 0;
  }
  EXPECT_EQ(repeated, 2) << "原参与人员 and 现参与人员";
  EXPECT_EQ(autos, 2);

  // The review boxes: two on each of pages 5 and 6.
  EXPECT_EQ(count_items<FormBox>(t.front[4]), 2);
  EXPECT_EQ(count_items<FormBox>(t.front[5]), 2);
  EXPECT_TRUE(t.front[6].recto) << "最终成果 starts on a recto page";
}

TEST(StyleTemplate, JiexiangExtendsTheOutcomesStyles) {
  const Template outcome = load_template(kSource / "templates" / "outcome");
  const Template t = load_template(kSource / "templates" / "jiexiang");
  // The outcome's styles, numbering and geometry are inherited …
  for (const auto& [name, style] : outcome.styles) {
    ASSERT_TRUE(t.styles.count(name)) << "jiexiang lost outcome's style " << name;
    EXPECT_EQ(t.styles.at(name).face, style.face) << name;
    EXPECT_DOUBLE_EQ(t.styles.at(name).size, style.size) << name;
  }
  EXPECT_EQ(t.numbering.size(), outcome.numbering.size());
  EXPECT_DOUBLE_EQ(t.page.text_width, outcome.page.text_width);
  EXPECT_EQ(t.page.lines, 22);
  EXPECT_EQ(t.folio.format, "— {n} —");
  // … and the form's own styles are added.
  ASSERT_TRUE(t.styles.count("cover-big"));
  EXPECT_DOUBLE_EQ(t.styles.at("cover-big").size, 36) << "结项申请书 is 小初";
  ASSERT_TRUE(t.styles.count("form-label"));
  EXPECT_DOUBLE_EQ(t.styles.at("form-label").size, 12) << "table labels are 小四";
  EXPECT_FALSE(t.styles.at("form-label").on_grid);
  // The file and dir are jiexiang's own, not the outcome's (messages).
  EXPECT_EQ(t.file.filename(), "template.xml");
  EXPECT_EQ(t.dir.filename(), "jiexiang");
  // Titles and captions break in phrases; body text anywhere.
  EXPECT_TRUE(outcome.styles.at("title").break_in_phrases);
  EXPECT_TRUE(outcome.styles.at("table-caption").break_in_phrases);
  EXPECT_TRUE(outcome.styles.at("heading1").break_in_phrases);
  EXPECT_FALSE(outcome.styles.at("body").break_in_phrases);
  EXPECT_TRUE(t.styles.at("title").break_in_phrases);
  // The outcome alone has no front pages.
  EXPECT_TRUE(outcome.front.empty());
  EXPECT_EQ(outcome.default_impose, "none");
  EXPECT_FALSE(outcome.default_pdfa);
}

TEST(StyleTemplate, ListsBothTemplatesWithDescriptions) {
  const auto list = list_templates(kSource / "templates");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name, "jiexiang");
  EXPECT_EQ(list[1].name, "outcome");
  EXPECT_NE(list[0].description.find("结项申请书"), std::string::npos) << list[0].description;
  EXPECT_NE(list[1].description.find("最终成果"), std::string::npos) << list[1].description;
  for (const auto& s : list) EXPECT_FALSE(s.problem) << s.name << ": " << s.problem->en;
}

TEST(StyleTemplate, ListMarksABadTemplateInvalidAndKeepsTheRest) {
  const auto list = list_templates(kData);
  bool saw_bad = false, saw_good = false;
  for (const auto& s : list) {
    if (s.name == "bad-size") {
      saw_bad = true;
      ASSERT_TRUE(s.problem);
      // Where and what, in both languages.
      EXPECT_NE(s.problem->en.find("template.xml:"), std::string::npos) << s.problem->en;
      EXPECT_NE(s.problem->zh.find("template.xml:"), std::string::npos) << s.problem->zh;
      EXPECT_NE(s.problem->en, s.problem->zh);
    }
    if (s.name == "good-extends") {
      saw_good = true;
      EXPECT_EQ(s.description, "overrides one outcome style and adds a form page");
    }
  }
  EXPECT_TRUE(saw_bad);
  EXPECT_TRUE(saw_good);
}

TEST(StyleTemplate, ExtendingOverridesByNameAndReadsEveryFormItem) {
  const Template t = load_template(kData / "good-extends");
  ASSERT_TRUE(t.styles.count("body"));
  EXPECT_EQ(t.styles.at("body").face, "kai");
  EXPECT_DOUBLE_EQ(t.styles.at("body").size, 14);
  ASSERT_TRUE(t.styles.count("heading1")) << "outcome's styles are kept";
  EXPECT_EQ(t.description, "overrides one outcome style and adds a form page");
  ASSERT_EQ(t.front.size(), 2u);
  EXPECT_FALSE(t.front[0].recto);
  EXPECT_TRUE(t.front[1].recto);
  const FormFields* f = first_item<FormFields>(t.front[0]);
  ASSERT_NE(f, nullptr);
  EXPECT_DOUBLE_EQ(f->rule, 0.75);
  EXPECT_TRUE(f->indent.em);
  EXPECT_DOUBLE_EQ(f->indent.value, 4);
  EXPECT_DOUBLE_EQ(f->width.value, 20);
  ASSERT_EQ(f->fields.size(), 2u);
  EXPECT_EQ(f->fields[1].label, "项目负责人");
  EXPECT_EQ(f->fields[1].line, 12);
  const FormTable* table = first_item<FormTable>(t.front[1]);
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->widths.size(), 2u);
  EXPECT_DOUBLE_EQ(table->widths[1], 2.5);
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_TRUE(table->rows[0].cells[0].rowspan_auto);
  EXPECT_TRUE(table->rows[0].cells[0].header);
  EXPECT_EQ(table->rows[1].repeat, "changes.original-member");
  EXPECT_EQ(table->rows[1].min, 3);
  const FormBox* box = first_item<FormBox>(t.front[1]);
  ASSERT_NE(box, nullptr);
  EXPECT_EQ(box->lines, 9);
  EXPECT_EQ(box->top.size(), 1u);
  ASSERT_EQ(box->bottom.size(), 1u);
  EXPECT_EQ(box->bottom[0].text, "年　　月　　日");
  EXPECT_FALSE(t.outcome_new_page);
}

// The bad ones are data: tests/data/templates/*/template.xml, each with the
// message it must give (render_error_cases_test).

}  // namespace
}  // namespace banshi
