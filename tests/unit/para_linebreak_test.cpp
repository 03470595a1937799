// Data-driven line breaking tests: tests/data/linebreak/*.txt hold the
// cases — a paragraph, the measure it is set in, and the lines it must
// break into, one per line, exactly as printed. See basic.txt for the
// format. Each case is set in the real fonts (the font map's fangsong at
// 三号) through the whole paragraph pipeline.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "para/compose.h"

namespace banshi {
namespace {

struct Case {
  std::string file;
  int line = 0;
  std::string name;
  std::map<std::string, std::string> options;
  std::string text;
  std::vector<std::string> expected;
};

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  // BANSHI_LINEBREAK_CASES points at another directory of cases (to try new ones).
  const char* env = std::getenv("BANSHI_LINEBREAK_CASES");
  const std::filesystem::path dir =
      env ? std::filesystem::path(env) : std::filesystem::path(BANSHI_TEST_DATA) / "linebreak";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int n = 0;
    Case* c = nullptr;
    bool in_expected = false;
    while (std::getline(in, line)) {
      ++n;
      if (line.rfind("===", 0) == 0) {
        cases.push_back({f.filename().string(), n, line.substr(line.find_first_not_of("= ")), {}, {}, {}});
        c = &cases.back();
        in_expected = false;
        continue;
      }
      if (!c || (line.empty() && !in_expected) || line[0] == '#') continue;
      if (in_expected) {
        if (line.empty()) {
          in_expected = false;
          c = nullptr;
          continue;
        }
        c->expected.push_back(line);
      } else if (line == "---") {
        in_expected = true;
      } else if (auto colon = line.find(": "); colon != std::string::npos) {
        const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
        if (key == "text") c->text += value;
        else c->options[key] = value;
      }
    }
  }
  return cases;
}

class LineBreakCases : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    Diagnostics diags;
    const std::filesystem::path src(BANSHI_SOURCE_DIR);
    fonts_ = FontSet::load(src / "fonts" / "fontmap.xml", {src / "fonts"}, diags);
  }
  static std::shared_ptr<const FontSet> fonts_;
};
std::shared_ptr<const FontSet> LineBreakCases::fonts_;

// Sets the paragraph as the body style does: 16 pt on a grid of 156 mm /
// 28 cells, `cells` cells wide.
std::vector<std::string> set_case(const FontSet& fonts, const Case& c) {
  auto opt = [&](const char* key, const char* def) {
    auto it = c.options.find(key);
    return it == c.options.end() ? std::string(def) : it->second;
  };
  const double cell = 442.2047 / 28;
  ParagraphSpec spec;
  spec.cell = cell;
  spec.grid_size = 16;
  spec.measure = std::stod(opt("cells", "28")) * cell;
  spec.first_indent = std::stod(opt("indent", "0")) * cell;
  const std::string align = opt("align", "justify");
  spec.align = align == "left" ? ParagraphSpec::AlignMode::Left : ParagraphSpec::AlignMode::Justify;
  const double size = std::stod(opt("size", "16"));
  spec.break_in_phrases = opt("break", "anywhere") == "phrases";
  if (align == "center") {
    // As the templates set a title (layout/paragraph_spec.cpp): centred,
    // balanced, kept in words, off the grid.
    spec.align = ParagraphSpec::AlignMode::Center;
    spec.balance = true;
    spec.break_in_phrases = true;
    spec.cell = 0;
  }
  const Breaker breaker = opt("breaker", "optimal") == "greedy" ? Breaker::Greedy : Breaker::Optimal;
  ParagraphComposer composer(fonts, breaker);
  CollectedText text;
  SpanStyle style;
  style.face = fonts.face(opt("face", "fangsong"));
  style.size = size;
  // ^N in the case text is a footnote marker N glued to what precedes it;
  // <br/> a forced line break.
  auto push_text = [&](std::string_view s) {
    for (size_t br = s.find("<br/>"); br != std::string_view::npos; br = s.find("<br/>")) {
      text.push(s.substr(0, br), style);
      text.push_break();
      s.remove_prefix(br + 5);
    }
    text.push(s, style);
  };
  size_t at = 0;
  while (at < c.text.size()) {
    const size_t caret = c.text.find('^', at);
    push_text(std::string_view(c.text).substr(at, caret == std::string::npos ? std::string::npos : caret - at));
    if (caret == std::string::npos) break;
    size_t end = caret + 1;
    while (end < c.text.size() && std::isdigit(static_cast<unsigned char>(c.text[end]))) ++end;
    SpanStyle marker = style;
    marker.size = 9.6;
    marker.baseline_shift = 6;
    marker.attached = true;
    marker.footnote = 0;
    text.push(c.text.substr(caret + 1, end - caret - 1), marker);
    at = end;
  }
  const ComposedParagraph p = composer.compose(text, spec);
  std::vector<std::string> lines;
  for (const auto& l : p.lines) lines.push_back(text.text.substr(l.text_begin, l.text_end - l.text_begin));
  return lines;
}

TEST_P(LineBreakCases, BreaksAsExpected) {
  const Case& c = GetParam();
  const auto lines = set_case(*fonts_, c);
  std::ostringstream got, want;
  for (const auto& l : lines) got << l << "\n";
  for (const auto& l : c.expected) want << l << "\n";
  // Printed raw (not escaped) so a failure shows the Chinese lines.
  EXPECT_TRUE(got.str() == want.str()) << c.file << ":" << c.line << ": " << c.name << "\n--- got:\n"
                                       << got.str() << "--- want:\n"
                                       << want.str();
}

INSTANTIATE_TEST_SUITE_P(Data, LineBreakCases, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string n = info.param.file.substr(0, info.param.file.find('.')) + "_line" +
                                           std::to_string(info.param.line);
                           return n;
                         });

}  // namespace
}  // namespace banshi
