// Filling a form's placeholders from the report (layout/placeholders.h):
// the cover's project fields, dates as printed and their blank forms when
// not given, the leaders and the repeated rows' {person.*}, the 是/否
// boxes (☒ only for the answer given, ☐ when unanswered), and an unknown
// placeholder refused with the template's file:line.
#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "fields/field_value.h"
#include "layout/layout.h"
#include "layout/placeholders.h"
#include "util/diag.h"

namespace banshi {
namespace {

const std::string kWhere = "templates/jiexiang/template.xml:42";
const std::string kBlankDate = "年　　月　　日";  // ideographic spaces for handwriting
const std::string kBlankMonth = "年　　月";

// A group of the form's fields as the reader builds it: values by field
// name, dates parsed ("2025-06-13" or "1979-12").
model::FieldGroup group(const std::string& name, std::initializer_list<std::pair<std::string, std::string>> values) {
  model::FieldGroup g;
  g.name = name;
  for (const auto& [field, text] : values) {
    model::FieldValue v;
    v.text = text;
    if (text.size() >= 7 && text[4] == '-' && std::isdigit(static_cast<unsigned char>(text[0])))
      v.date = model::Date{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)),
                           text.size() == 10 ? std::stoi(text.substr(8, 2)) : 0};
    g.values[field] = v;
  }
  return g;
}

// BZ25YB108's form data, by hand.
model::Report report_108() {
  model::Report r;
  r.source_file = "bz25yb108-jiexiang.xml";
  r.form.push_back(group("project", {{"id", "BZ25YB108"},
                                     {"category", "经济学"},
                                     {"title", "提升城市品质打造巴中独特 IP 研究"},
                                     {"leader", "胡明"},
                                     {"organization", "政协巴中市巴州区委员会办公室"},
                                     {"filled", "2025-06-13"}}));
  r.form.push_back(group("changes", {{"changed", "no"},
                                     {"project-title", "提升城市品质打造巴中独特 IP 研究"},
                                     {"result-title", "提升城市品质打造巴中独特 IP 研究（结项）"},
                                     {"what-changed", "无"},
                                     {"planned-form", "论文"},
                                     {"actual-form", "研究报告"},
                                     {"planned-date", "2025-06-30"},
                                     {"actual-date", "2025-06-13"}}));
  r.form.push_back(group("person", {{"role", "original-leader"},
                                    {"name", "胡明"},
                                    {"gender", "男"},
                                    {"ethnicity", "汉"},
                                    {"born", "1979-12"},
                                    {"organization", "巴州区政协办公室"},
                                    {"post", "研究室主任"},
                                    {"rank", "副研究员"},
                                    {"address", "巴中市巴州区政协办公室"},
                                    {"phone", "18382888666"}}));
  r.form.push_back(group("person", {{"role", "current-leader"},
                                    {"name", "付俊"},
                                    {"gender", "女"},
                                    {"ethnicity", "土家"},
                                    {"phone", "18108214401"}}));
  r.form.push_back(group("person", {{"role", "original-member"},
                                    {"name", "张盛江"},
                                    {"organization", "巴州区政协办公室"},
                                    {"rank", "讲师"},
                                    {"phone", "13981670233"}}));
  return r;
}

model::FieldGroup* find_group(model::Report& r, const std::string& name) {
  for (auto& g : r.form)
    if (g.name == name) return &g;
  return nullptr;
}

void drop(model::Report& r, const std::string& name) {
  std::erase_if(r.form, [&](const model::FieldGroup& g) { return g.name == name; });
}

std::string fill(const std::string& text, const model::Report& r, const model::FieldGroup* row = nullptr) {
  return fill_placeholders(text, Bindings{r, row}, kWhere);
}

// The EngineError's message, or "(accepted: …)".
std::string refusal(const std::string& text, const model::Report& r, const model::FieldGroup* row = nullptr) {
  try {
    return "(accepted: " + fill(text, r, row) + ")";
  } catch (const EngineError& e) {
    return e.what();
  }
}

TEST(LayoutFormPlaceholders, ProjectFields) {
  const model::Report r = report_108();
  EXPECT_EQ(fill("{project.id}", r), "BZ25YB108");
  EXPECT_EQ(fill("{project.category}", r), "经济学");
  EXPECT_EQ(fill("{project.title}", r), "提升城市品质打造巴中独特 IP 研究");
  EXPECT_EQ(fill("{project.leader}", r), "胡明");
  EXPECT_EQ(fill("{project.organization}", r), "政协巴中市巴州区委员会办公室");
  EXPECT_EQ(fill("{project.filled}", r), "2025 年 6 月 13 日");
}

TEST(LayoutFormPlaceholders, TextAroundAndBetweenPlaceholdersIsKept) {
  const model::Report r = report_108();
  EXPECT_EQ(fill("没有占位符的文字，全角｛括号｝也照印", r), "没有占位符的文字，全角｛括号｝也照印");
  EXPECT_EQ(fill("", r), "");
  EXPECT_EQ(fill("编号：{project.id}；负责人：{project.leader}。", r), "编号：BZ25YB108；负责人：胡明。");
  EXPECT_EQ(fill("{project.id}{project.leader}", r), "BZ25YB108胡明");
  // A value that itself looks like a placeholder is printed, not expanded.
  model::Report odd = r;
  find_group(odd, "project")->values["title"].text = "{project.id}";
  EXPECT_EQ(fill("[{project.title}]", odd), "[{project.id}]");
}

TEST(LayoutFormPlaceholders, NoProjectGivesEmptyFields) {
  model::Report r;  // an outcome-only report has no <project>
  EXPECT_EQ(fill("立项编号：{project.id}", r), "立项编号：");
  EXPECT_EQ(fill("{project.filled}", r), kBlankDate) << "a date not given prints its blank, wherever it is";
}

TEST(LayoutFormPlaceholders, DatesAsPrinted) {
  const model::Report r = report_108();
  EXPECT_EQ(fill("{changes.planned-date}", r), "2025 年 6 月 30 日");
  EXPECT_EQ(fill("{changes.actual-date}", r), "2025 年 6 月 13 日");
  EXPECT_EQ(fill("{leader.original.born}", r), "1979 年 12 月") << "<born> has year and month only";
  EXPECT_EQ(format_date(model::Date{2025, 10, 15}), "2025 年 10 月 15 日");  // fields/field_value.h
  EXPECT_EQ(format_date(model::Date{2025, 3, 0}), "2025 年 3 月");
}

TEST(LayoutFormPlaceholders, MissingDatesPrintTheirBlankForm) {
  model::Report r = report_108();
  find_group(r, "changes")->values.erase("planned-date");
  find_group(r, "changes")->values["actual-date"] = {};  // <actual-date/>: written, empty
  EXPECT_EQ(fill("{changes.planned-date}", r), kBlankDate);
  EXPECT_EQ(fill("{changes.actual-date}", r), kBlankDate);
  // 现负责人 has no <born>: year and month blank.
  EXPECT_EQ(fill("{leader.current.born}", r), kBlankMonth);
  // No <changes> at all: the table prints its blanks.
  model::Report bare = report_108();
  drop(bare, "changes");
  drop(bare, "person");
  EXPECT_EQ(fill("{changes.planned-date}", bare), kBlankDate);
  EXPECT_EQ(fill("{changes.actual-date}", bare), kBlankDate);
  EXPECT_EQ(fill("{leader.original.born}", bare), kBlankMonth);
  EXPECT_EQ(fill("{person.born}", bare), kBlankMonth) << "an empty member row";
}

TEST(LayoutFormPlaceholders, ChangeFields) {
  const model::Report r = report_108();
  EXPECT_EQ(fill("{changes.project-title}", r), "提升城市品质打造巴中独特 IP 研究");
  EXPECT_EQ(fill("{changes.result-title}", r), "提升城市品质打造巴中独特 IP 研究（结项）");
  EXPECT_EQ(fill("{changes.what-changed}", r), "无");
  EXPECT_EQ(fill("{changes.planned-form}", r), "论文");
  EXPECT_EQ(fill("{changes.actual-form}", r), "研究报告");
  model::Report bare = report_108();
  drop(bare, "changes");
  for (const char* k : {"{changes.project-title}", "{changes.result-title}", "{changes.what-changed}",
                        "{changes.planned-form}", "{changes.actual-form}"})
    EXPECT_EQ(fill(k, bare), "") << k;
}

TEST(LayoutFormPlaceholders, Leaders) {
  const model::Report r = report_108();
  EXPECT_EQ(fill("{leader.original.name}", r), "胡明");
  EXPECT_EQ(fill("{leader.original.gender}", r), "男");
  EXPECT_EQ(fill("{leader.original.ethnicity}", r), "汉");
  EXPECT_EQ(fill("{leader.original.organization}", r), "巴州区政协办公室");
  EXPECT_EQ(fill("{leader.original.post}", r), "研究室主任");
  EXPECT_EQ(fill("{leader.original.rank}", r), "副研究员");
  EXPECT_EQ(fill("{leader.original.address}", r), "巴中市巴州区政协办公室");
  EXPECT_EQ(fill("{leader.original.phone}", r), "18382888666");
  // The current leader is a different person; fields not given are empty.
  EXPECT_EQ(fill("{leader.current.name}", r), "付俊");
  EXPECT_EQ(fill("{leader.current.gender}", r), "女");
  EXPECT_EQ(fill("{leader.current.ethnicity}", r), "土家");
  EXPECT_EQ(fill("{leader.current.phone}", r), "18108214401");
  EXPECT_EQ(fill("{leader.current.organization}", r), "");
  EXPECT_EQ(fill("{leader.current.post}|{leader.current.rank}|{leader.current.address}", r), "||");
  // The members are not leaders.
  model::Report members_only = report_108();
  std::erase_if(members_only.form, [](const model::FieldGroup& g) { return g.text("role").ends_with("leader"); });
  EXPECT_EQ(fill("{leader.original.name}{leader.current.name}", members_only), "");
}

TEST(LayoutFormPlaceholders, PersonOfARepeatedRow) {
  const model::Report r = report_108();
  const model::FieldGroup& m = r.form[4];
  ASSERT_EQ(m.text("role"), "original-member");
  EXPECT_EQ(fill("{person.name}", r, &m), "张盛江");
  EXPECT_EQ(fill("{person.organization}", r, &m), "巴州区政协办公室");
  EXPECT_EQ(fill("{person.rank}", r, &m), "讲师");
  EXPECT_EQ(fill("{person.phone}", r, &m), "13981670233");
  EXPECT_EQ(fill("{person.gender}{person.post}{person.address}", r, &m), "");
  // The leaders are reachable as {person.*} too (any bound person).
  EXPECT_EQ(fill("{person.born}", r, &r.form[2]), "1979 年 12 月");
  // An empty row (fewer members than the form's minimum): every field blank.
  for (const char* k : {"{person.name}", "{person.gender}", "{person.ethnicity}", "{person.organization}",
                        "{person.post}", "{person.rank}", "{person.address}", "{person.phone}"})
    EXPECT_EQ(fill(k, r, nullptr), "") << k;
}

TEST(LayoutFormPlaceholders, ChangedBoxes) {
  model::Report r = report_108();
  const std::string row = "A、是{box changes.changed=yes}　B、否{box changes.changed=no}";
  auto& changed = find_group(r, "changes")->values;
  changed["changed"].text = "no";
  EXPECT_EQ(fill(row, r), "A、是☐　B、否☒");
  changed["changed"].text = "yes";
  EXPECT_EQ(fill(row, r), "A、是☒　B、否☐");
  changed.erase("changed");
  EXPECT_EQ(fill(row, r), "A、是☐　B、否☐") << "unanswered: both boxes left for the applicant";
  drop(r, "changes");
  EXPECT_EQ(fill(row, r), "A、是☐　B、否☐") << "no <changes>: both boxes empty";
}

TEST(LayoutFormPlaceholders, DeclarationBoxes) {
  model::Report r = report_108();
  const std::string q1 = "是{box declaration.sensitive=yes}　否{box declaration.sensitive=no}";
  const std::string q2 = "是{box declaration.secret=yes}　否{box declaration.secret=no}";
  EXPECT_EQ(fill(q1, r), "是☐　否☐") << "no <declaration>: nothing ticked";
  EXPECT_EQ(fill(q2, r), "是☐　否☐");
  r.form.push_back(group("declaration", {{"sensitive", "no"}, {"secret", "yes"}}));
  EXPECT_EQ(fill(q1, r), "是☐　否☒");
  EXPECT_EQ(fill(q2, r), "是☒　否☐");
  find_group(r, "declaration")->values.erase("sensitive");  // only one question answered
  EXPECT_EQ(fill(q1, r), "是☐　否☐");
  EXPECT_EQ(fill(q2, r), "是☒　否☐");
}

// The template loader refuses these (render_error_cases_test); a template
// built by hand that has one still fails with the template's line.
TEST(LayoutFormPlaceholders, UnknownPlaceholderNamesTheTemplateLine) {
  const model::Report r = report_108();
  const std::string tail = " which names no field of templates/fields.xml";
  for (const char* p : {"project.nonsense", "project.leadr", "changes.title", "leader.original.age",
                        "leader.former.name", "person.email", "title", "", "box changes.changed=maybe",
                        "box changes.changed", "box declaration.public=yes", "box project.id=yes"})
    EXPECT_EQ(refusal("x{" + std::string(p) + "}", r), kWhere + ": <p> has the placeholder {" + p + "}," + tail) << p;
  // Unknown even when the report has nothing to fill it with.
  model::Report bare;
  EXPECT_EQ(refusal("{changes.title}", bare), kWhere + ": <p> has the placeholder {changes.title}," + tail);
}

TEST(LayoutFormPlaceholders, UnclosedBraceNamesTheTemplateLine) {
  const model::Report r = report_108();
  const std::string e = refusal("编号：{project.id", r);
  EXPECT_EQ(e.rfind(kWhere + ": ", 0), 0u) << e;
  EXPECT_EQ(e.find("(accepted"), std::string::npos) << e;
}

}  // namespace
}  // namespace banshi
