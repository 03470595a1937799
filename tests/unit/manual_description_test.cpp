// The command-line description (engine/manual/banshi.xml): the compiled-in copy
// parses, and a broken description is refused at its line, so a typo
// cannot quietly drop an option from the parser, the help and the manual.
#include <gtest/gtest.h>

#include "manual/manual.h"
#include "util/diag.h"

namespace banshi::manual {
namespace {

std::string error_of(const std::string& xml) {
  try {
    parse(xml, "m.xml");
  } catch (const EngineError& e) {
    return e.what();
  }
  return "";
}

const char* kHead = R"(<?xml version="1.0"?>
<manual version="1" name="x" section="1" title="t">
)";

TEST(ManualDescription, TheCompiledInDescriptionParses) {
  const Manual& m = banshi();
  ASSERT_NE(m.command("render"), nullptr);
  const Command& render = *m.command("render");
  bool output = false;
  for (const Option& o : render.options) output |= o.name == "--output" && o.alias == "-o" && o.value == "OUT.pdf";
  EXPECT_TRUE(output);
  EXPECT_FALSE(m.exit_status.empty());
  EXPECT_FALSE(m.environment.empty());
  EXPECT_FALSE(m.limits.empty());
}

TEST(ManualDescription, MarkupAndWhitespace) {
  const Manual m = parse(std::string(kHead) + R"(<command name="c" args="A"><summary>
      Reads <i>A</i>   and writes
      <b>--x</b>.</summary></command></manual>)",
                         "m.xml");
  const Text& t = m.commands.at(0).summary;
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(plain(t), "Reads A and writes --x.");
  EXPECT_EQ(t[1].kind, Span::Kind::Variable);
  EXPECT_EQ(t[3].kind, Span::Kind::Literal);
}

TEST(ManualDescription, MistakesAreRefusedAtTheirLine) {
  EXPECT_EQ(error_of(std::string(kHead) + "<command name=\"c\"><p>x</p></command></manual>"),
            "m.xml:3: c has no <summary>");
  EXPECT_EQ(error_of(std::string(kHead) +
                     "<command name=\"c\"><summary>s</summary>\n<option name=\"--a\" alais=\"-a\">x</option>"
                     "</command></manual>"),
            "m.xml:4: <option> has no attribute alais");
  EXPECT_EQ(error_of(std::string(kHead) +
                     "<command name=\"c\"><summary>s</summary>\n<option name=\"--a\" value=\"V\">x</option>"
                     "</command></manual>"),
            "m.xml:4: --a: an option with a value says what completes it (complete=), a flag not");
  EXPECT_EQ(error_of(std::string(kHead) + "<command name=\"c\"><summary>s <em>e</em></summary></command></manual>"),
            "m.xml:3: text may hold only <b> and <i>, not <em>");
  EXPECT_EQ(error_of(std::string(kHead) + "<command name=\"c\"><summary>s</summary><option name=\"--a\">x</option>"
                                          "<option name=\"--a\">y</option></command></manual>"),
            "m.xml:3: c has --a twice");
}

TEST(ManualDescription, RoffIsAsciiAndEscaped) {
  const Manual m = parse(std::string(kHead) + R"(<description><p>.starts with a dot, 仿宋 and a \ backslash</p>
      </description><command name="c"><summary>--x</summary></command></manual>)",
                         "m.xml");
  const std::string page = roff(m, "1.0");
  for (char c : page) ASSERT_LT(static_cast<unsigned char>(c), 0x80);
  EXPECT_NE(page.find("\\&.starts with a dot, \\[u4EFF]\\[u5B8B] and a \\e backslash"), std::string::npos) << page;
  EXPECT_NE(page.find("\\-\\-x"), std::string::npos);
}

}  // namespace
}  // namespace banshi::manual
