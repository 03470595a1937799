// The message catalogues: every language has every code with the same
// arguments, every code the engine uses is in them and every entry is used;
// rendering fills arguments and joins lists as each language does.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "i18n/lang.h"
#include "i18n/message.h"

namespace {

using banshi::Lang;

std::set<std::string> codes_of(Lang lang) {
  std::set<std::string> out;
  for (const auto& e : banshi::catalogue(lang).entries) out.emplace(e.code);
  return out;
}

std::set<std::string> args_of(std::string_view text) {
  const auto p = banshi::placeholders(text);
  return {p.begin(), p.end()};
}

TEST(I18nCatalogue, EveryCatalogueParses) {
  for (Lang lang : banshi::kLangs) {
    const auto& c = banshi::catalogue(lang);
    EXPECT_TRUE(c.problems.empty()) << c.problems.front();
    EXPECT_GT(c.entries.size(), 20u) << banshi::lang_name(lang);
  }
}

// A translation may leave out an argument its sentence does not need (the
// label that already stands before it), never use one the code does not
// give.
TEST(I18nCatalogue, EveryCodeIsTranslatedWithTheEnglishArguments) {
  std::map<std::string, std::string_view> english;
  for (const auto& e : banshi::catalogue(Lang::En).entries) english.emplace(e.code, e.text);
  for (Lang lang : banshi::kLangs) {
    if (lang == Lang::En) continue;
    std::set<std::string> seen;
    for (const auto& e : banshi::catalogue(lang).entries) {
      const std::string where = std::string(banshi::lang_name(lang)) + ".txt:" + std::to_string(e.line) + ": ";
      seen.emplace(e.code);
      const auto it = english.find(std::string(e.code));
      if (it == english.end()) {
        ADD_FAILURE() << where << e.code << " is not in en.txt";
        continue;
      }
      const auto mine = args_of(e.text), theirs = args_of(it->second);
      for (const auto& a : mine)
        EXPECT_TRUE(theirs.count(a)) << where << e.code << " uses {" << a << "}, which en.txt does not:\n  "
                                     << it->second << "\n  " << e.text;
      EXPECT_FALSE(e.text.empty()) << where << e.code;
    }
    for (const auto& [code, text] : english)
      EXPECT_TRUE(seen.count(code)) << code << " has no translation in " << banshi::lang_name(lang) << ".txt";
  }
}

// The field table's keys ("project.title") and placeholder names
// ("leader.original"), read from templates/fields.xml: they look like
// codes but name fields.
std::set<std::string> field_names() {
  std::ifstream in(std::filesystem::path(BANSHI_SOURCE_DIR) / "templates" / "fields.xml");
  std::stringstream all;
  all << in.rdbuf();
  const std::string text = all.str();
  std::set<std::string> out;
  const std::regex named(R"re((placeholder|repeat)="([a-z.-]+)")re");
  const std::regex row(R"re(<(group|field) name="([a-z-]+)")re");
  std::string current;
  for (std::sregex_iterator it(text.begin(), text.end(), row), end; it != end; ++it) {
    if ((*it)[1] == "group") current = (*it)[2];
    else out.insert(current + "." + std::string((*it)[2]));
  }
  for (std::sregex_iterator it(text.begin(), text.end(), named), end; it != end; ++it) out.insert((*it)[2]);
  return out;
}

// The audit's rule ids (page.size, grid.lines …), as engine/audit/rules.xml has them.
std::set<std::string> audit_rule_ids() {
  std::ifstream in(std::filesystem::path(BANSHI_SOURCE_DIR) / "engine" / "audit" / "rules.xml");
  const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::set<std::string> ids;
  const std::regex id(R"re(<rule id="([^"]+)")re");
  for (std::sregex_iterator it(xml.begin(), xml.end(), id), end; it != end; ++it) ids.insert((*it)[1]);
  return ids;
}

// Literals that look like codes but are not messages: file names, numbers
// (addresses, versions), the field table's names and the audit's rule ids.
bool is_not_a_code(const std::string& s) {
  static const std::regex kFile(R"(.*\.(xml|txt|pdf|json|jsonl|png|jpe?g|docx|otf|ttf|ttc|conf|html|css|js|svg)$)");
  static const std::regex kNumber(R"([0-9.]+)");
  if (std::regex_match(s, kNumber)) return true;
  static const std::set<std::string> kFields = field_names();
  static const std::set<std::string> kRules = audit_rule_ids();
  return std::regex_match(s, kFile) || kFields.count(s) > 0 || kRules.count(s) > 0;
}

// The line without a trailing // comment (one outside a string literal).
std::string code_of(const std::string& line) {
  bool in_string = false;
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] == '"') in_string = !in_string;
    if (!in_string && line[i] == '/' && line[i + 1] == '/') return line.substr(0, i);
  }
  return line;
}

// Every "area.what" literal in engine/: a message code, looked up when the
// message is shown, so one the catalogue lacks would print as its code.
TEST(I18nCatalogue, EveryCodeTheEngineUsesIsCatalogued) {
  const std::set<std::string> known = codes_of(Lang::En);
  std::set<std::string> used;
  const std::regex literal(R"re("([a-z0-9-]+(\.[a-z0-9-]+)+)")re");
  const std::filesystem::path engine = std::filesystem::path(BANSHI_SOURCE_DIR) / "engine";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(engine)) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      line = code_of(line);
      for (std::sregex_iterator it(line.begin(), line.end(), literal), end; it != end; ++it) {
        const std::string code = (*it)[1];
        if (is_not_a_code(code)) continue;
        used.insert(code);
        EXPECT_TRUE(known.count(code)) << entry.path().lexically_relative(engine).string() << ":" << n << ": \"" << code
                                       << "\" is not a code in i18n/messages/en.txt";
      }
    }
  }
  for (const auto& code : known)
    EXPECT_TRUE(used.count(code)) << code << " is in i18n/messages/en.txt but nothing in engine/ uses it";
}

TEST(I18nMessages, ArgumentsListsAndBraces) {
  EXPECT_EQ(banshi::render_message("summary.error.many", {{"n", 4}}, Lang::En), "4 errors");
  EXPECT_EQ(banshi::render_message("summary.error.many", {{"n", 4}}, Lang::Zh), "4 个错误");
  EXPECT_EQ(banshi::render_message("summary.counts", {{"counts", {"4 个错误", "1 个警告"}}}, Lang::Zh),
            "4 个错误，1 个警告");
  EXPECT_EQ(banshi::render_message("summary.counts", {{"counts", {"4 errors", "1 warning"}}}, Lang::En),
            "4 errors, 1 warning");
  // An argument the caller forgot stays visible rather than vanishing.
  EXPECT_EQ(banshi::render_message("summary.error.many", {}, Lang::En), "{n} errors");
  EXPECT_EQ(banshi::placeholders("a {x} {{literal}} {y|or} {}"), (std::vector<std::string>{"x", "y"}));
}

TEST(I18nMessages, CodesAtRunTime) {
  ASSERT_TRUE(banshi::MessageCode::find("summary.none"));
  EXPECT_EQ(banshi::MessageCode::find("summary.none")->str(), "summary.none");
  EXPECT_FALSE(banshi::MessageCode::find("no.such-code"));
}

TEST(I18nLang, FromTheLocale) {
  using banshi::lang_of_locale;
  EXPECT_EQ(lang_of_locale(nullptr, nullptr, "zh_CN.UTF-8"), Lang::Zh);
  EXPECT_EQ(lang_of_locale(nullptr, nullptr, "zh_TW"), Lang::Zh);
  EXPECT_EQ(lang_of_locale(nullptr, nullptr, "en_US.UTF-8"), Lang::En);
  EXPECT_EQ(lang_of_locale(nullptr, nullptr, "de_DE.UTF-8"), Lang::En);
  EXPECT_EQ(lang_of_locale(nullptr, nullptr, "C"), Lang::En);
  EXPECT_EQ(lang_of_locale(nullptr, nullptr, nullptr), Lang::En);
  // LC_ALL overrides LC_MESSAGES, which overrides LANG; empty ones do not count.
  EXPECT_EQ(lang_of_locale("C", "zh_CN.UTF-8", "zh_CN.UTF-8"), Lang::En);
  EXPECT_EQ(lang_of_locale("", "zh_CN.UTF-8", "en_US.UTF-8"), Lang::Zh);
  EXPECT_EQ(lang_of_locale(nullptr, "", "zh_CN.UTF-8"), Lang::Zh);
  EXPECT_EQ(banshi::parse_lang("zh"), Lang::Zh);
  EXPECT_EQ(banshi::parse_lang("en"), Lang::En);
  EXPECT_FALSE(banshi::parse_lang("fr"));
}

}  // namespace
