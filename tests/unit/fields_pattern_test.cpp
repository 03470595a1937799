// fields.xml's patterns: the whole value must match, as std::regex_match
// and the web form's <input pattern> take them.
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "fields/field_table.h"
#include "fields/pattern.h"

namespace banshi {
namespace {

std::vector<FieldSpec> all_fields() {
  std::vector<FieldSpec> out;
  for (const FieldGroupSpec& g : report_fields().groups()) out.insert(out.end(), g.fields.begin(), g.fields.end());
  return out;
}

Pattern compiled(const std::string& p) {
  auto c = Pattern::compile(p);
  EXPECT_TRUE(std::holds_alternative<Pattern>(c)) << p;
  return std::holds_alternative<Pattern>(c) ? std::get<Pattern>(c) : Pattern();
}

TEST(FieldPattern, TheWholeValueMatches) {
  const Pattern id = compiled("BZ[0-9]{2}[A-Z]{2}[0-9]{3}");
  EXPECT_TRUE(id.matches_whole("BZ25YB119"));
  EXPECT_FALSE(id.matches_whole("BZ25YB1190"));  // more after a match
  EXPECT_FALSE(id.matches_whole("xBZ25YB119"));  // before it
  EXPECT_FALSE(id.matches_whole("BZ25YB11"));
  EXPECT_FALSE(id.matches_whole(""));
  // An alternative that matches a prefix does not stop a longer one.
  const Pattern alt = compiled("a|ab");
  EXPECT_TRUE(alt.matches_whole("ab"));
  EXPECT_TRUE(alt.matches_whole("a"));
  EXPECT_FALSE(alt.matches_whole("abc"));
  // No trailing newline let through ($ would).
  EXPECT_FALSE(id.matches_whole("BZ25YB119\n"));
}

TEST(FieldPattern, TheTablesPatternsReadTheirExamples) {
  // Every pattern in fields.xml accepts its own example and refuses it
  // with a letter added: the table and the engine agree.
  int seen = 0;
  for (const FieldSpec& f : all_fields()) {
    if (f.pattern.empty()) continue;
    ++seen;
    ASSERT_FALSE(f.example.empty()) << f.key;
    EXPECT_TRUE(f.compiled.matches_whole(f.example)) << f.key << ": " << f.example;
    EXPECT_FALSE(f.compiled.matches_whole(f.example + "x")) << f.key;
  }
  EXPECT_GE(seen, 2);
}

TEST(FieldPattern, PhoneNumbers) {
  const std::vector<FieldSpec> fields = all_fields();
  const FieldSpec* phone = nullptr;
  for (const FieldSpec& f : fields)
    if (f.type == FieldType::Phone) phone = &f;
  ASSERT_NE(phone, nullptr);
  for (const char* ok : {"13812345678", "+86 13812345678", "0827-5261234", "08275261234", "5261234"})
    EXPECT_TRUE(phone->compiled.matches_whole(ok)) << ok;
  for (const char* bad : {"1381234567", "12812345678", "0827-52612", "电话13812345678", "1381234567８"})
    EXPECT_FALSE(phone->compiled.matches_whole(bad)) << bad;
}

TEST(FieldPattern, UnicodeAndBadInput) {
  const Pattern han = compiled("[\\u4e00-\\u9fff]{2,4}");  // ECMAScript's \u
  EXPECT_TRUE(han.matches_whole("巴中"));
  EXPECT_FALSE(han.matches_whole("巴"));
  EXPECT_FALSE(han.matches_whole("\xff\xfe"));  // not UTF-8: no match, no crash
  EXPECT_FALSE(Pattern().matches_whole("x"));
}

TEST(FieldPattern, AnErrorSaysWhereAndWhat) {
  auto c = Pattern::compile("BZ[0-9");
  ASSERT_TRUE(std::holds_alternative<std::string>(c));
  const std::string& problem = std::get<std::string>(c);
  EXPECT_NE(problem.find("missing terminating ]"), std::string::npos) << problem;
  EXPECT_TRUE(std::holds_alternative<std::string>(Pattern::compile("(ab")));
}

}  // namespace
}  // namespace banshi
