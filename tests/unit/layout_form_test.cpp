// Filling a form's placeholders from the report (layout/placeholders.h):
// the cover's project fields, dates as printed and their blank forms when
// not given, the leaders and the repeated rows' {person.*}, the 是/否
// boxes (☒ only for the answer given, ☐ when unanswered), and an unknown
// placeholder refused with the template's file:line.
#include <gtest/gtest.h>

#include <string>

#include "layout/layout.h"
#include "layout/placeholders.h"
#include "util/diag.h"

namespace banshi {
namespace {

using model::PersonRole;

const std::string kWhere = "templates/jiexiang/template.xml:42";
const std::string kBlankDate = "年　　月　　日";  // ideographic spaces for handwriting
const std::string kBlankMonth = "年　　月";

model::Field field(const std::string& v) {
  model::Field f;
  f.value = v;
  f.present = true;
  return f;
}

model::DateField date(int y, int m, int d, const std::string& raw) {
  model::DateField f;
  f.value = model::Date{y, m, d};
  f.raw = raw;
  f.present = true;
  return f;
}

model::Person person(PersonRole role, const std::string& name) {
  model::Person p;
  p.role = role;
  p.name = field(name);
  return p;
}

// BZ25YB108's form data, by hand.
model::Report report_108() {
  model::Report r;
  r.source_file = "bz25yb108-jiexiang.xml";
  model::Project p;
  p.id = field("BZ25YB108");
  p.category = field("经济学");
  p.title = field("提升城市品质打造巴中独特 IP 研究");
  p.leader = field("胡明");
  p.organization = field("政协巴中市巴州区委员会办公室");
  p.filled = date(2025, 6, 13, "2025-06-13");
  r.project = p;

  model::Changes c;
  c.changed = false;
  c.project_title = field("提升城市品质打造巴中独特 IP 研究");
  c.result_title = field("提升城市品质打造巴中独特 IP 研究（结项）");
  c.what_changed = field("无");
  c.planned_form = field("论文");
  c.actual_form = field("研究报告");
  c.planned_date = date(2025, 6, 30, "2025-06-30");
  c.actual_date = date(2025, 6, 13, "2025-06-13");
  model::Person lead = person(PersonRole::OriginalLeader, "胡明");
  lead.gender = field("男");
  lead.ethnicity = field("汉");
  lead.born = date(1979, 12, 0, "1979-12");
  lead.organization = field("巴州区政协办公室");
  lead.post = field("研究室主任");
  lead.rank = field("副研究员");
  lead.address = field("巴中市巴州区政协办公室");
  lead.phone = field("18382888666");
  c.persons.push_back(lead);
  model::Person now = person(PersonRole::CurrentLeader, "付俊");
  now.gender = field("女");
  now.ethnicity = field("土家");
  now.phone = field("18108214401");
  c.persons.push_back(now);
  model::Person m = person(PersonRole::OriginalMember, "张盛江");
  m.organization = field("巴州区政协办公室");
  m.rank = field("讲师");
  m.phone = field("13981670233");
  c.persons.push_back(m);
  r.changes = c;
  return r;
}

std::string fill(const std::string& text, const model::Report& r, const model::Person* p = nullptr) {
  return fill_placeholders(text, Bindings{r, p}, kWhere);
}

// The EngineError's message, or "(accepted: …)".
std::string refusal(const std::string& text, const model::Report& r, const model::Person* p = nullptr) {
  try {
    return "(accepted: " + fill(text, r, p) + ")";
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
  odd.project->title = field("{project.id}");
  EXPECT_EQ(fill("[{project.title}]", odd), "[{project.id}]");
}

TEST(LayoutFormPlaceholders, NoProjectGivesEmptyFields) {
  model::Report r;  // an outcome-only report has no <project>
  EXPECT_EQ(fill("立项编号：{project.id}", r), "立项编号：");
  EXPECT_EQ(fill("{project.filled}", r), "");
}

TEST(LayoutFormPlaceholders, DatesAsPrinted) {
  const model::Report r = report_108();
  EXPECT_EQ(fill("{changes.planned-date}", r), "2025 年 6 月 30 日");
  EXPECT_EQ(fill("{changes.actual-date}", r), "2025 年 6 月 13 日");
  EXPECT_EQ(fill("{leader.original.born}", r), "1979 年 12 月") << "<born> has year and month only";
  EXPECT_EQ(format_date(model::Date{2025, 10, 15}), "2025 年 10 月 15 日");
  EXPECT_EQ(format_date(model::Date{2025, 3, 0}), "2025 年 3 月");
}

TEST(LayoutFormPlaceholders, MissingDatesPrintTheirBlankForm) {
  model::Report r = report_108();
  r.changes->planned_date = {};
  r.changes->actual_date = {};
  EXPECT_EQ(fill("{changes.planned-date}", r), kBlankDate);
  EXPECT_EQ(fill("{changes.actual-date}", r), kBlankDate);
  // 现负责人 has no <born>: year and month blank.
  EXPECT_EQ(fill("{leader.current.born}", r), kBlankMonth);
  // No <changes> at all: the table prints its blanks.
  model::Report bare = report_108();
  bare.changes.reset();
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
  bare.changes.reset();
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
  std::erase_if(members_only.changes->persons, [](const model::Person& p) {
    return p.role == PersonRole::OriginalLeader || p.role == PersonRole::CurrentLeader;
  });
  EXPECT_EQ(fill("{leader.original.name}{leader.current.name}", members_only), "");
}

TEST(LayoutFormPlaceholders, PersonOfARepeatedRow) {
  const model::Report r = report_108();
  const model::Person& m = r.changes->persons[2];
  ASSERT_EQ(m.role, PersonRole::OriginalMember);
  EXPECT_EQ(fill("{person.name}", r, &m), "张盛江");
  EXPECT_EQ(fill("{person.organization}", r, &m), "巴州区政协办公室");
  EXPECT_EQ(fill("{person.rank}", r, &m), "讲师");
  EXPECT_EQ(fill("{person.phone}", r, &m), "13981670233");
  EXPECT_EQ(fill("{person.gender}{person.post}{person.address}", r, &m), "");
  // The leaders are reachable as {person.*} too (any bound person).
  EXPECT_EQ(fill("{person.born}", r, &r.changes->persons[0]), "1979 年 12 月");
  // An empty row (fewer members than the form's minimum): every field blank.
  for (const char* k : {"{person.name}", "{person.gender}", "{person.ethnicity}", "{person.organization}",
                        "{person.post}", "{person.rank}", "{person.address}", "{person.phone}"})
    EXPECT_EQ(fill(k, r, nullptr), "") << k;
}

TEST(LayoutFormPlaceholders, ChangedBoxes) {
  model::Report r = report_108();
  const std::string row = "A、是{box changes.changed=yes}　B、否{box changes.changed=no}";
  r.changes->changed = false;
  EXPECT_EQ(fill(row, r), "A、是☐　B、否☒");
  r.changes->changed = true;
  EXPECT_EQ(fill(row, r), "A、是☒　B、否☐");
  r.changes->changed.reset();
  EXPECT_EQ(fill(row, r), "A、是☐　B、否☐") << "unanswered: both boxes left for the applicant";
  r.changes.reset();
  EXPECT_EQ(fill(row, r), "A、是☐　B、否☐") << "no <changes>: both boxes empty";
}

TEST(LayoutFormPlaceholders, DeclarationBoxes) {
  model::Report r = report_108();
  const std::string q1 = "是{box declaration.sensitive=yes}　否{box declaration.sensitive=no}";
  const std::string q2 = "是{box declaration.secret=yes}　否{box declaration.secret=no}";
  EXPECT_EQ(fill(q1, r), "是☐　否☐") << "no <declaration>: nothing ticked";
  EXPECT_EQ(fill(q2, r), "是☐　否☐");
  model::Declaration d;
  d.sensitive = false;
  d.secret = true;
  r.declaration = d;
  EXPECT_EQ(fill(q1, r), "是☐　否☒");
  EXPECT_EQ(fill(q2, r), "是☒　否☐");
  r.declaration->sensitive.reset();  // only one question answered
  EXPECT_EQ(fill(q1, r), "是☐　否☐");
  EXPECT_EQ(fill(q2, r), "是☒　否☐");
}

TEST(LayoutFormPlaceholders, UnknownPlaceholderNamesTheTemplateLine) {
  const model::Report r = report_108();
  EXPECT_EQ(refusal("{project.nonsense}", r), kWhere + ": unknown placeholder {project.nonsense}");
  EXPECT_EQ(refusal("负责人：{project.leadr}", r), kWhere + ": unknown placeholder {project.leadr}");
  EXPECT_EQ(refusal("{changes.title}", r), kWhere + ": unknown placeholder {changes.title}");
  EXPECT_EQ(refusal("{leader.original.age}", r), kWhere + ": unknown placeholder {leader.original.age}");
  EXPECT_EQ(refusal("{leader.former.name}", r), kWhere + ": unknown placeholder {leader.former.name}");
  EXPECT_EQ(refusal("{person.email}", r, &r.changes->persons[2]), kWhere + ": unknown placeholder {person.email}");
  EXPECT_EQ(refusal("{title}", r), kWhere + ": unknown placeholder {title}");
  EXPECT_EQ(refusal("{}", r), kWhere + ": unknown placeholder {}");
  EXPECT_EQ(refusal("{box changes.changed=maybe}", r), kWhere + ": unknown placeholder {box changes.changed=maybe}");
  EXPECT_EQ(refusal("{box changes.changed}", r), kWhere + ": unknown placeholder {box changes.changed}");
  EXPECT_EQ(refusal("{box declaration.public=yes}", r), kWhere + ": unknown placeholder {box declaration.public=yes}");
  // Unknown even when the report has nothing to fill it with.
  model::Report bare;
  EXPECT_EQ(refusal("{changes.title}", bare), kWhere + ": unknown placeholder {changes.title}");
  EXPECT_EQ(refusal("{person.email}", bare), kWhere + ": unknown placeholder {person.email}");
  // A template without requires-project (its report may lack <project>):
  // a misspelt project field is still the template's error, not a blank.
  EXPECT_EQ(refusal("{project.nonsense}", bare), kWhere + ": unknown placeholder {project.nonsense}");
}

TEST(LayoutFormPlaceholders, UnclosedBraceNamesTheTemplateLine) {
  const model::Report r = report_108();
  const std::string e = refusal("编号：{project.id", r);
  EXPECT_EQ(e.rfind(kWhere + ": ", 0), 0u) << e;
  EXPECT_EQ(e.find("(accepted"), std::string::npos) << e;
}

}  // namespace
}  // namespace banshi
