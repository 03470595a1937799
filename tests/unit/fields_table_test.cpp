// The field table (templates/fields.xml) as the program reads it: its
// rows, the checks of each type of value in both languages, and the
// placeholders of form pages resolved against it.
#include <gtest/gtest.h>

#include "fields/field_report.h"
#include "fields/field_table.h"
#include "fields/field_value.h"
#include "fields/placeholder.h"

namespace banshi {
namespace {

const FieldTable& table() { return report_fields(); }

std::string problem(const std::string& key, std::string_view value, Lang lang = Lang::En) {
  const FieldSpec* f = table().find(key);
  EXPECT_TRUE(f) << key;
  if (!f) return "(no field)";
  const FieldCheck c = check_field_value(*f, value);
  return c.problem ? std::string(c.problem->code.str()) + ": " + c.problem->text(lang) : "ok";
}

TEST(FieldsTable, EveryFieldOfTheFormOnce) {
  std::vector<std::string> keys;
  for (const auto& g : table().groups())
    for (const auto& f : g.fields) keys.push_back(f.key);
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "project.id",           "project.category",      "project.title",         "project.leader",
                      "project.organization", "project.filled",        "declaration.sensitive", "declaration.secret",
                      "changes.changed",      "changes.project-title", "changes.result-title",  "changes.what-changed",
                      "changes.planned-form", "changes.actual-form",   "changes.planned-date",  "changes.actual-date",
                      "person.role",          "person.name",           "person.gender",         "person.ethnicity",
                      "person.born",          "person.organization",   "person.post",           "person.rank",
                      "person.address",       "person.phone"}));
  for (const auto& g : table().groups())
    for (const auto& f : g.fields) {
      EXPECT_FALSE(f.label.empty()) << f.key;
      EXPECT_FALSE(f.help.empty()) << f.key;
      EXPECT_FALSE(f.help_en.empty()) << f.key;
    }
  EXPECT_EQ(table().find("project.id")->label, "立项编号");
  EXPECT_EQ(table().find("changes.changed")->label, "是否变更");
  EXPECT_TRUE(table().find("person.role")->always_required);
  EXPECT_EQ(table().group("person")->key_field(), table().find("person.role"));
  EXPECT_EQ(table().group_at("changes", "person"), table().group("person"));
  EXPECT_EQ(table().group_at("", "person"), nullptr);
  EXPECT_EQ(field_xml_path(table(), *table().find("person.role")), "<changes>/<person>/@role");
  EXPECT_EQ(field_xml_path(table(), *table().find("project.filled")), "<project>/<filled>");
}

TEST(FieldsTable, IdPatternAndTheLetterO) {
  EXPECT_EQ(problem("project.id", "BZ25YB119"), "ok");
  EXPECT_EQ(problem("project.id", "BZ-25-119"),
            "id.pattern: \"BZ-25-119\" is not a 立项编号 of the form BZ25YB119 (BZ, the last two digits of the year, "
            "two capital letters for the category, three digits)");
  EXPECT_EQ(problem("project.id", "BZ-25-119", Lang::Zh),
            "id.pattern: “BZ-25-119”不是有效的立项编号，应写成 BZ25YB119 "
            "这样（BZ、立项年份的后两位、两个大写字母的类别代码、三位序号）");
  EXPECT_EQ(problem("project.id", "BZ25YB1O9"),
            "id.letter-for-digit: \"BZ25YB1O9\" has a letter where the 立项编号 has a digit (the letter O for a "
            "zero?); did you mean BZ25YB109?");
  // An O that is a letter of the category stays: only where the pattern wants a digit does it help.
  EXPECT_EQ(problem("project.id", "BZ25OB119"), "ok");
  EXPECT_EQ(problem("project.id", "bz25yb119").substr(0, 10), "id.pattern");
}

TEST(FieldsTable, Dates) {
  EXPECT_EQ(problem("project.filled", "2025-10-15"), "ok");
  EXPECT_EQ(problem("project.filled", "2024-02-29"), "ok");
  EXPECT_EQ(problem("project.filled", "2000-02-29"), "ok");
  EXPECT_EQ(problem("project.filled", "2025-02-29"),
            "date.day: \"2025-02-29\" is not a valid date: month 2 of 2025 has 28 days");
  EXPECT_EQ(problem("project.filled", "1900-02-29"),
            "date.day: \"1900-02-29\" is not a valid date: month 2 of 1900 has 28 days");
  EXPECT_EQ(problem("project.filled", "2025-04-31", Lang::Zh),
            "date.day: “2025-04-31”不是有效日期：2025 年 4 月只有 30 天");
  EXPECT_EQ(problem("project.filled", "2025-00-10"),
            "date.month: \"2025-00-10\" is not a valid date: there is no month 00");
  EXPECT_EQ(problem("project.filled", "0225-10-15"),
            "date.year: \"0225-10-15\" is not a valid date: the year must be between 1900 and 2100");
  EXPECT_EQ(problem("project.filled", "2025-10"),
            "date.form: \"2025-10\" is not a date in the form YYYY-MM-DD (e.g. 2025-10-15)");
  EXPECT_EQ(problem("project.filled", "2025年10月15日", Lang::Zh),
            "date.form: “2025年10月15日”不是 YYYY-MM-DD 形式的日期（如 2025-10-15）");
  EXPECT_EQ(problem("person.born", "1979-12"), "ok");
  EXPECT_EQ(problem("person.born", "1979-12-03"), "ok");
  EXPECT_EQ(problem("person.born", "1979"),
            "date.form-year-month: \"1979\" is not a date in the form YYYY-MM or YYYY-MM-DD (e.g. 1979-12)");
  const auto born = check_field_value(*table().find("person.born"), "1979-12");
  ASSERT_TRUE(born.date);
  EXPECT_EQ(printed_value(*table().find("person.born"), nullptr), "年　　月");
  EXPECT_EQ(format_date(*born.date), "1979 年 12 月");
}

TEST(FieldsTable, PhonesAndChoices) {
  EXPECT_EQ(problem("person.phone", "13981670233"), "ok");
  EXPECT_EQ(problem("person.phone", "0827-5261234"), "ok");
  EXPECT_EQ(problem("person.phone", "+86 13981670233"), "ok");
  EXPECT_EQ(problem("person.phone", "1398167023"),
            "phone.pattern: \"1398167023\" is not a telephone number: write an 11-digit mobile number, or a "
            "landline number with its area code (such as 0827-5261234), e.g. 13981670233");
  EXPECT_EQ(problem("changes.changed", "yes"), "ok");
  EXPECT_EQ(problem("changes.changed", "maybe"), "choice.invalid: is \"maybe\"; allowed values: yes (是), no (否)");
  EXPECT_EQ(problem("changes.changed", "maybe", Lang::Zh),
            "choice.invalid: 的值“maybe”不对，只能是 yes（是） 或 no（否）");
  EXPECT_EQ(problem("declaration.secret", "是").substr(0, 14), "choice.invalid");
}

TEST(FieldsTable, Placeholders) {
  const auto p = [](std::string_view s) { return resolve_placeholder(s, table()); };
  ASSERT_TRUE(p("project.id"));
  EXPECT_EQ(p("project.id")->field->key, "project.id");
  ASSERT_TRUE(p("leader.original.born"));
  EXPECT_EQ(p("leader.original.born")->field->key, "person.born");
  EXPECT_EQ(p("leader.original.born")->instance->value, "original-leader");
  ASSERT_TRUE(p("person.name"));
  EXPECT_TRUE(p("person.name")->repeated_row);
  ASSERT_TRUE(p("box changes.changed=no"));
  EXPECT_EQ(p("box changes.changed=no")->box->label, "否");
  for (const char* bad : {"project.nonsense", "leader.former.name", "box changes.changed=maybe", "box project.id=x",
                          "box changes.changed", "title", ""})
    EXPECT_FALSE(p(bad)) << bad;
  EXPECT_EQ(field_placeholders(table(), *table().find("person.name")),
            (std::vector<std::string>{"{person.name}", "{leader.original.name}", "{leader.current.name}"}));
  EXPECT_EQ(field_placeholders(table(), *table().find("declaration.secret")),
            (std::vector<std::string>{"{box declaration.secret=yes}", "{box declaration.secret=no}"}));
}

TEST(FieldsTable, AMalformedTableIsTheEnginesErrorAtItsLine) {
  const auto refused = [](const std::string& xml) {
    try {
      FieldTable::parse(xml, "t.xml");
    } catch (const EngineError& e) {
      return std::string(e.what());
    }
    return std::string("(accepted)");
  };
  EXPECT_EQ(refused("<fields version=\"1\">\n<group name=\"g\" element=\"g\" label=\"G\">\n"
                    "<field name=\"x\" label=\"X\" type=\"number\"/></group></fields>"),
            "t.xml:3: <field> type=\"number\" must be text, id, phone, date, year-month or choice");
  EXPECT_EQ(refused("<fields version=\"1\">\n<group name=\"g\" element=\"g\" label=\"G\">\n"
                    "<field name=\"x\" label=\"X\" type=\"id\"/></group></fields>"),
            "t.xml:3: <field> needs the attribute pattern");
  EXPECT_EQ(refused("<fields version=\"1\">\n<group name=\"g\" element=\"g\" label=\"G\">\n"
                    "<field name=\"x\" label=\"X\" type=\"text\" default=\"g.y\"/></group></fields>"),
            "t.xml:3: g.x: default=\"g.y\" is not a field of a group that occurs once");
}

}  // namespace
}  // namespace banshi
