// Bad input as data: every report under tests/data/xml/bad/ and every
// template under tests/data/templates/ that carries an expectation ends
// with it, in a comment after the document:
//
//   <!-- expect [zh] [max-depth=N max-bytes=N max-nodes=N]
//   NAME.xml:4:3: error: <project>/<id> (立项编号) is missing [field.missing]
//   zh NAME.xml:4:3: 错误：立项编号（<project>/<id>）未填写
//   -->
//
// one line per finding (errors and warnings, sorted by position), in
// English with its code, optionally followed by the same finding in
// Chinese ("zh" in the first line: every finding has its Chinese line). A report is read with the block cut off (so a
// file that is not even well-formed XML can carry one), with the installed templates' requirements; a template is
// loaded as it is. "(accepted)" expects no finding at all.
//
// After a deliberate change of the messages, BANSHI_UPDATE_EXPECTATIONS=1
// rewrites the English lines (and the Chinese ones a case already has) —
// read the diff before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "render/engine.h"
#include "style/template.h"
#include "util/file.h"
#include "xml/parse.h"

namespace banshi {
namespace {

namespace fs = std::filesystem;

const fs::path kData = BANSHI_TEST_DATA;
const fs::path kSource = BANSHI_SOURCE_DIR;
constexpr std::string_view kOpen = "<!-- expect";

struct Case {
  fs::path file;
  bool is_template = false;
  std::string name() const {
    std::string n = (is_template ? "template_" + file.parent_path().filename().string() : file.stem().string());
    for (char& c : n)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return n;
  }
};

std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (const auto& e : fs::directory_iterator(kData / "xml" / "bad"))
    if (e.path().extension() == ".xml") out.push_back({e.path(), false});
  for (const auto& e : fs::directory_iterator(kData / "templates")) {
    const fs::path t = e.path() / "template.xml";
    if (!e.is_symlink() && fs::exists(t) && read_file(t).find(kOpen) != std::string::npos) out.push_back({t, true});
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.file < b.file; });
  return out;
}

struct Expectation {
  std::string options;
  std::vector<std::string> en;
  std::vector<std::string> zh;  // "" where the case gives no Chinese line
  bool all_zh = false;
};

// Splits a file into the document and its expectation block.
std::pair<std::string, Expectation> split(const std::string& bytes) {
  Expectation x;
  const size_t at = bytes.rfind(kOpen);
  if (at == std::string::npos) return {bytes, x};
  std::istringstream in(bytes.substr(at + kOpen.size()));
  std::string line;
  std::getline(in, line);
  x.options = line;
  x.all_zh = (" " + line + " ").find(" zh ") != std::string::npos;
  while (std::getline(in, line) && line != "-->") {
    if (line.starts_with("zh ")) {
      if (!x.zh.empty()) x.zh.back() = line.substr(3);
    } else if (line != "(accepted)") {
      x.en.push_back(line);
      x.zh.emplace_back();
    }
  }
  return {bytes.substr(0, at), x};
}

ParseLimits limits_of(const std::string& options) {
  ParseLimits l;
  std::istringstream in(options);
  for (std::string opt; in >> opt;) {
    const size_t eq = opt.find('=');
    const std::string key = opt.substr(0, eq);
    if (opt == "zh") continue;
    const size_t v = std::stoul(opt.substr(eq + 1));
    if (key == "max-depth") l.max_depth = static_cast<int>(v);
    else if (key == "max-bytes") l.max_bytes = v;
    else if (key == "max-nodes") l.max_nodes = v;
    else ADD_FAILURE() << "unknown option " << opt;
  }
  return l;
}

// The findings as the block writes them: file names without their
// directory, the code after the English line.
std::vector<Diagnostic> run(const Case& c, const std::string& document, const Expectation& x) {
  Diagnostics diags;
  const std::string shown = c.is_template ? "template.xml" : c.file.filename().string();
  try {
    if (c.is_template) {
      load_template(c.file.parent_path());
    } else {
      const auto required = [](const std::string& name) {
        const fs::path dir = kSource / "templates" / name;
        if (!fs::exists(dir / "template.xml"))
          throw InputError(Diagnostic(Severity::Error, "template.not-installed",
                                      {{"name", name}, {"installed", {"jiexiang", "outcome"}}})
                               .about("<report>/@template", "模板"));
        return load_template(dir).required_fields;
      };
      parse_report(document, shown, c.file.parent_path(), diags, limits_of(x.options), required);
    }
  } catch (const InputError& e) {
    diags.add(e);
  }
  std::vector<Diagnostic> out = diags.sorted();
  for (auto& d : out) d.loc.file = d.loc.file.empty() ? "" : shown;
  return out;
}

// A finding as the block writes it: the test data's directory left out of
// paths in the text ("looked for xml/bad/nope.png"), so the block is the
// same in every checkout.
std::string shown(const Diagnostic& d, Lang lang) {
  std::string s = d.format(lang);
  const std::string dir = kData.string() + "/";
  for (size_t at; (at = s.find(dir)) != std::string::npos;) s.erase(at, dir.size());
  return s;
}

std::string english(const Diagnostic& d) { return shown(d, Lang::En) + " [" + std::string(d.code_str()) + "]"; }

void update(const Case& c, const std::string& bytes, const std::vector<Diagnostic>& found) {
  const auto [document, x] = split(bytes);
  std::string block = std::string(kOpen) + x.options + "\n";
  if (found.empty()) block += "(accepted)\n";
  for (size_t i = 0; i < found.size(); ++i) {
    block += english(found[i]) + "\n";
    if (x.all_zh || (i < x.zh.size() && !x.zh[i].empty())) block += "zh " + shown(found[i], Lang::Zh) + "\n";
  }
  block += "-->\n";
  std::string doc = document;
  if (!doc.empty() && doc.back() != '\n' && bytes.find(kOpen) == std::string::npos) doc += "\n";
  std::ofstream(c.file, std::ios::binary) << doc << block;
}

// gtest shows the case by its file, not its bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.file.string(); }

class ErrorCases : public testing::TestWithParam<Case> {};

TEST_P(ErrorCases, ReportEveryFindingAsTheFileSays) {
  const Case& c = GetParam();
  const std::string bytes = read_file(c.file);
  const auto [document, x] = split(bytes);
  const std::vector<Diagnostic> found = run(c, document, x);
  if (std::getenv("BANSHI_UPDATE_EXPECTATIONS")) {
    update(c, bytes, found);
    GTEST_SKIP() << "expectations of " << c.file << " rewritten";
  }
  ASSERT_NE(bytes.find(kOpen), std::string::npos) << c.file << " has no <!-- expect block";
  std::string actual;
  for (const auto& d : found) actual += english(d) + "\n";
  std::string expected;
  for (const auto& e : x.en) expected += e + "\n";
  EXPECT_EQ(actual, expected) << c.file;
  for (size_t i = 0; i < x.zh.size() && i < found.size(); ++i) {
    if (x.zh[i].empty()) continue;
    EXPECT_EQ(shown(found[i], Lang::Zh), x.zh[i]) << c.file;
  }
}

INSTANTIATE_TEST_SUITE_P(Data, ErrorCases, testing::ValuesIn(all_cases()),
                         [](const testing::TestParamInfo<Case>& i) { return i.param.name(); });

}  // namespace
}  // namespace banshi
