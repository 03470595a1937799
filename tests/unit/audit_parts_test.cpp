// Pieces of the audit that need no PDF: heading numbers as the template
// writes them, page numbers, the settings file, and the words for every
// message the rules use.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "audit/numbering.h"
#include "audit/page_parts.h"
#include "audit/settings.h"
#include "audit/words.h"
#include "util/diag.h"

namespace banshi::audit {
namespace {

TEST(AuditNumbering, TheTemplatesFormatsAtALinesStart) {
  EXPECT_EQ(match_numbering("{zh}、", U"一、巴中市发展现状"), 2U);
  EXPECT_EQ(match_numbering("{zh}、", U"十二、对策建议"), 3U);
  EXPECT_EQ(match_numbering("（{zh}）", U"（一）资源禀赋"), 3U);
  EXPECT_EQ(match_numbering("（{zh}）", U"(二)发展成效"), 3U);  // half-width brackets count
  EXPECT_EQ(match_numbering("{n}.", U"1.产品同质化"), 2U);
  EXPECT_EQ(match_numbering("{n}.", U"12．人才"), 3U);  // full-width stop
  EXPECT_EQ(match_numbering("（{n}）", U"（3）细目"), 3U);
}

TEST(AuditNumbering, WhatIsNotAHeadingNumber) {
  EXPECT_EQ(match_numbering("{n}.", U"1.5倍于去年"), 0U);  // a decimal number
  EXPECT_EQ(match_numbering("{n}.", U"2023年"), 0U);
  EXPECT_EQ(match_numbering("{zh}、", U"一是加强领导"), 0U);
  EXPECT_EQ(match_numbering("{zh}、", U"一、"), 0U);  // nothing after the number
  EXPECT_EQ(match_numbering("（{zh}）", U"（一"), 0U);
}

TEST(AuditFolio, NumbersUnderTheirDecorations) {
  EXPECT_EQ(folio_number(U"—3—"), 3);
  EXPECT_EQ(folio_number(U"-12-"), 12);
  EXPECT_EQ(folio_number(U"第5页"), 5);
  EXPECT_EQ(folio_number(U"３"), 3);
  EXPECT_EQ(folio_number(U"3/20"), 3);
  EXPECT_FALSE(folio_number(U"巴中市社科联"));
  EXPECT_FALSE(folio_number(U"—"));
  EXPECT_FALSE(folio_number(U"3—4—5"));
}

std::string shipped_rules() {
  std::ifstream in(std::string(BANSHI_SOURCE_DIR) + "/engine/audit/rules.xml");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The binary audits by engine/audit/rules.xml as it was built: its bytes
// compiled in, whole, and every rule with its source and tolerances.
TEST(AuditSettings, TheShippedRulesAreCompiledIn) {
  EXPECT_EQ(builtin_rules_xml(), shipped_rules());
  const Settings s = Settings::builtin();
  for (const RuleSpec& spec : rule_specs()) {
    EXPECT_FALSE(s.rule(spec.id).source.empty()) << spec.id;
    for (auto name : spec.tolerances) EXPECT_GE(s.tolerance(spec.id, name), 0) << spec.id << " " << name;
  }
  EXPECT_DOUBLE_EQ(s.tolerance("margins", "margin-mm"), 1.0);
}

void expect_error(const std::string& xml, const std::string& part) {
  try {
    Settings::parse(xml, "rules.xml");
    ADD_FAILURE() << "accepted; expected an error with \"" << part << "\"";
  } catch (const EngineError& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

TEST(AuditSettings, MistakesAreErrorsWithTheirLine) {
  std::string xml = shipped_rules();
  std::string typo = xml;
  typo.replace(typo.find("name=\"margin-mm\""), 16, "name=\"margin-in\"");
  expect_error(typo, "has no tolerance \"margin-in\"");
  std::string missing = xml;
  const size_t at = missing.find("<rule id=\"fonts.type3\"");
  missing.erase(at, missing.find("/>", at) + 2 - at);
  expect_error(missing, "rule \"fonts.type3\" is missing");
  std::string negative = xml;
  negative.replace(negative.find("value=\"0.25\""), 12, "value=\"-1\"");
  expect_error(negative, "must be a number, 0 or more");
  expect_error("<audit version=\"1\"><rule id=\"no.such\" source=\"x\"/></audit>", "rules.xml:1: unknown rule");
}

// Every message a rule or the report uses is in the catalogue (which has
// both texts of each, i18n_catalogue_test checks): the sources are read
// for the codes they name.
TEST(AuditWords, EveryCodeIsCatalogued) {
  // Every string literal that is a code ("audit.x.y", "@audit.word.bold").
  const std::regex code(R"re("@?(audit\.[a-z][a-z0-9.\-]*[a-z0-9])")re");
  int seen = 0;
  for (const auto& dir : {"/engine/audit", "/engine/cli"}) {
    for (const auto& f : std::filesystem::directory_iterator(std::string(BANSHI_SOURCE_DIR) + dir)) {
      if (f.path().extension() != ".cpp" || f.path().filename() == "words.cpp") continue;
      std::ifstream in(f.path());
      std::stringstream ss;
      ss << in.rdbuf();
      const std::string src = ss.str();
      for (std::sregex_iterator it(src.begin(), src.end(), code), end; it != end; ++it) {
        ++seen;
        EXPECT_TRUE(has_text((*it)[1].str())) << (*it)[1].str() << " in " << f.path();
      }
    }
  }
  EXPECT_GT(seen, 60);
  for (const RuleSpec& spec : rule_specs()) EXPECT_TRUE(has_text("audit.rule." + std::string(spec.id))) << spec.id;
}

TEST(AuditWords, ArgumentsAndPageLists) {
  EXPECT_EQ(render(Text("audit.folio.jump").arg("page", "5").arg("number", "7").arg("previous", "4"), Lang::Zh),
            "第 5 页：页码 7 接在 4 之后");
  EXPECT_EQ(page_ranges({1, 2, 3, 5, 7, 8}), (std::vector<std::string>{"1–3", "5", "7–8"}));
  EXPECT_EQ(render(Text("audit.fonts.embedded.missing").arg("font", "F").arg("page_list", "1,2,3,5"), Lang::Zh),
            "F：未嵌入（第 1–3、5 页）");
  EXPECT_EQ(render(Text("audit.fonts.embedded.missing").arg("font", "F").arg("page_list", "1,2,4"), Lang::En),
            "F: not embedded (pages 1–2, 4)");
  // An argument the text names but the finding lacks stays visible.
  EXPECT_EQ(render(Text("audit.folio.missing"), Lang::En), "page {page}: text but no page number");
}

}  // namespace
}  // namespace banshi::audit
