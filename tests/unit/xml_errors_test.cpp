// Bad reports that are not data files: the translation of tinyxml2's own
// errors, and inputs generated here (too big or too random to keep).
#include <gtest/gtest.h>
#include <tinyxml2.h>

#include <chrono>
#include <random>
#include <string>

#include "util/file.h"
#include "xml/parse.h"
#include "xml/syntax_error.h"

namespace {

using banshi::Diagnostics;

const std::string kData = std::string(BANSHI_TEST_DATA) + "/xml/";

std::string error_of(std::string_view xml, const banshi::ParseLimits& limits = {}) {
  Diagnostics d;
  try {
    banshi::parse_report(xml, "report.xml", kData + "good", d, limits);
  } catch (const banshi::InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

// A minimal outcome report around `body`, which starts on line 2.
std::string in_body(std::string_view body) {
  return "<report template=\"outcome\" version=\"1\"><outcome><title>T</title><body>\n" + std::string(body) +
         "\n</body></outcome></report>";
}

// Every other refusal is a data file under tests/data/xml/bad/ with its
// expected messages in it (render_error_cases_test).

TEST(XmlSyntax, TinyXml2ErrorsAreTranslated) {
  // The scanner catches these first; the translation is the net behind it.
  const char* xml = "<r>\n  <b></em></r>";
  tinyxml2::XMLDocument doc;
  doc.Parse(xml);
  ASSERT_TRUE(doc.Error());
  try {
    banshi::xml::throw_syntax_error(doc, xml, "report.xml");
    FAIL() << "no error thrown";
  } catch (const banshi::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "report.xml:2:3: error: XML syntax error: an end tag does not match its start tag "
                 "in <b> (tinyxml2: XML_ERROR_MISMATCHED_ELEMENT)");
  }
}

// ---------------------------------------------------------------- hostile input

// A document shaped to make a careless lexer quadratic (many texts, the
// only '&' at the very end: searching on to it from every text) must
// still take linear time.
TEST(XmlHostile, NoQuadraticPaths) {
  std::string body;
  for (int i = 0; i < 200000; ++i) body += "<p>text</p>";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(error_of(in_body(body + "&")), "report.xml:2:2200001: error: a bare \"&\" must be written &amp;");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
}

TEST(XmlHostile, DeepNestingIsRefusedNotRecursed) {
  std::string xml = "<report template=\"outcome\" version=\"1\">";
  for (int i = 0; i < 100000; ++i) xml += "<b>";
  EXPECT_EQ(error_of(xml), "report.xml:1:229: error: elements are nested more than 64 deep (the limit)");
}

// Random damage to a good report must end in a model or an InputError:
// never a crash, a hang or another exception.
TEST(XmlHostile, MutatedReportsNeverCrash) {
  const std::string good = banshi::read_file(kData + "good/jiexiang.xml");
  std::mt19937 rng(20251015);
  const std::string alphabet =
      "<>/&;\"'=!?-[] \n\x80\xE4\xFF"
      "abc#x0";
  int accepted = 0, refused = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string xml = good;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % xml.size();
      switch (rng() % 3) {
        case 0: xml[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: xml.erase(at, 1 + rng() % 8); break;
        default: xml.insert(at, 1, alphabet[rng() % alphabet.size()]);
      }
    }
    Diagnostics d;
    try {
      banshi::parse_report(xml, "fuzz.xml", kData + "good", d);
      ++accepted;
    } catch (const banshi::InputError&) {
      ++refused;
    }
  }
  EXPECT_GT(refused, 0);
  EXPECT_GT(accepted, 0);
}

}  // namespace
