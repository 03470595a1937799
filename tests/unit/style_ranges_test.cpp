// Every template value keeps a range (TEMPLATES.md): out of it, the
// template is refused at the element that set it. Cases are data: each
// tests/data/templates/range-*/template.xml says in its first comment what
// it must be refused with, `<!-- expect LINE: MESSAGE -->` (the English
// text after "file:LINE: error: "); the Chinese message is checked to say
// the same place. The real templates keep every range.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "style/template.h"
#include "util/diag.h"

namespace banshi {
namespace {

namespace fs = std::filesystem;

const fs::path kTemplates = fs::path(BANSHI_TEST_DATA) / "templates";

std::vector<fs::path> range_cases() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kTemplates))
    if (e.is_directory() && e.path().filename().string().rfind("range-", 0) == 0) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(StyleRanges, EachCaseIsRefusedWithItsMessage) {
  const auto cases = range_cases();
  ASSERT_GE(cases.size(), 10u);
  const std::regex expect(R"(<!-- expect (\d+): (.*) -->)");
  for (const fs::path& dir : cases) {
    SCOPED_TRACE(dir.filename().string());
    const fs::path file = dir / "template.xml";
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    std::smatch m;
    const std::string s = text.str();
    ASSERT_TRUE(std::regex_search(s, m, expect)) << "no <!-- expect LINE: MESSAGE --> in " << file;
    const std::string where = file.string() + ":" + m[1].str() + ": ";
    try {
      load_template(dir);
      ADD_FAILURE() << "accepted; expected " << m[2];
    } catch (const InputError& e) {
      EXPECT_EQ(e.diagnostic().format(), where + "error: " + m[2].str());
      EXPECT_TRUE(e.diagnostic().code_str().starts_with("template.")) << e.diagnostic().code_str();
      EXPECT_EQ(e.diagnostic().format(Lang::Zh).rfind(where + "错误：模板（<", 0), 0u)
          << e.diagnostic().format(Lang::Zh);
    }
  }
}

TEST(StyleRanges, TheInstalledTemplatesKeepThem) {
  for (const char* name : {"outcome", "jiexiang"})
    EXPECT_NO_THROW(load_template(fs::path(BANSHI_SOURCE_DIR) / "templates" / name)) << name;
}

}  // namespace
}  // namespace banshi
