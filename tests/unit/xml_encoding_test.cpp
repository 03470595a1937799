// Encodings: UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030/GBK
// declared or detected — converted, never mojibake — and everything else
// refused with the place of the first byte that did not fit.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

#include "model/document.h"
#include "xml/parse.h"

namespace {

using banshi::Diagnostics;

// `utf8` re-encoded with ICU, so the test files' bytes are exactly what
// a Chinese Windows editor would save.
std::string encode(std::string_view utf8, const char* charset) {
  UErrorCode ec = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &ec);
  EXPECT_TRUE(U_SUCCESS(ec)) << u_errorName(ec);
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string title_of(const banshi::model::Report& r) { return banshi::model::plain_text(r.outcome.title); }

std::string error_of(std::string_view bytes) {
  Diagnostics d;
  try {
    banshi::parse_report(bytes, "report.xml", ".", d);
  } catch (const banshi::InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

std::vector<std::string> warnings(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& i : d.items()) out.push_back(i.format());
  return out;
}

const std::string kTitle = "新质生产力驱动巴中城乡融合发展的实践进路研究";

std::string report(std::string_view declaration) {
  return std::string(declaration) +
         "<report template=\"outcome\" version=\"1\">\n"
         "  <outcome>\n"
         "    <title>" +
         kTitle +
         "</title>\n"
         "    <body><p>巴中，“宜居、韧性、智慧”城市。</p></body>\n"
         "  </outcome>\n"
         "</report>\n";
}

TEST(XmlEncoding, Utf8WithAndWithoutBom) {
  Diagnostics d;
  EXPECT_EQ(title_of(banshi::parse_report(report(""), "report.xml", ".", d)), kTitle);
  EXPECT_EQ(title_of(banshi::parse_report("\xEF\xBB\xBF" + report(""), "report.xml", ".", d)), kTitle);
  EXPECT_TRUE(d.items().empty());
}

TEST(XmlEncoding, DeclaredGbkIsConvertedWithAWarning) {
  for (const char* name : {"GBK", "gb18030", "GB2312"}) {
    const std::string decl = std::string("<?xml version=\"1.0\" encoding=\"") + name + "\"?>\n";
    const std::string bytes = encode(report(decl), "GB18030");
    ASSERT_NE(bytes, report(decl));  // really not UTF-8
    Diagnostics d;
    const auto r = banshi::parse_report(bytes, "report.xml", ".", d);
    EXPECT_EQ(title_of(r), kTitle);
    EXPECT_EQ(banshi::model::plain_text(std::get<banshi::model::Paragraph>(r.outcome.body[0].node).content),
              "巴中，“宜居、韧性、智慧”城市。");
    std::string upper = name;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(warnings(d), (std::vector<std::string>{"report.xml:1:31: warning: converted from " + upper +
                                                     " to UTF-8, as the file declares"}));
  }
}

TEST(XmlEncoding, UndeclaredGb18030IsDetected) {
  const std::string bytes = encode(report(""), "GB18030");
  Diagnostics d;
  EXPECT_EQ(title_of(banshi::parse_report(bytes, "report.xml", ".", d)), kTitle);
  EXPECT_EQ(warnings(d),
            (std::vector<std::string>{"report.xml:3:12: warning: the file is not UTF-8 (byte 0xD0 at byte offset 63); "
                                      "it was read as GB18030 and converted to UTF-8 — save it as UTF-8 to be sure of "
                                      "the text"}));
}

TEST(XmlEncoding, Gb18030ByteOrderMarkIsDropped) {
  Diagnostics d;
  const std::string bytes = "\x84\x31\x95\x33" + encode(report(""), "GB18030");
  EXPECT_EQ(title_of(banshi::parse_report(bytes, "report.xml", ".", d)), kTitle);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].loc.line, 1);
  EXPECT_EQ(d.items()[0].severity, banshi::Severity::Warning);
}

TEST(XmlEncoding, LinesAndColumnsSurviveConversion) {
  // An error after the Chinese text points where an editor showing the
  // GBK file would: line 4, counted in characters, not bytes.
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"GBK\"?>\n"
      "<report template=\"outcome\" version=\"1\">\n"
      "  <outcome><title>" +
      kTitle +
      "</title>\n"
      "    <body><p>巴中城市<cite ref=\"r9\"/></p></body>\n"
      "  </outcome>\n"
      "</report>\n";
  EXPECT_EQ(error_of(encode(xml, "GB18030")),
            "report.xml:4:18: error: <outcome>/<body>/<p>/<cite> (文献引用) refers to \"r9\", which "
            "is not in <references>");
  EXPECT_EQ(error_of(encode(xml, "UTF-16LE").insert(0, "\xFF\xFE")),
            "report.xml:4:18: error: <outcome>/<body>/<p>/<cite> (文献引用) refers to \"r9\", which "
            "is not in <references>");
}

TEST(XmlEncoding, Utf16And32WithBom) {
  for (const auto& [bom, charset] :
       std::vector<std::pair<std::string, const char*>>{{"\xFF\xFE", "UTF-16LE"},
                                                        {"\xFE\xFF", "UTF-16BE"},
                                                        {std::string("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
                                                        {std::string("\x00\x00\xFE\xFF", 4), "UTF-32BE"}}) {
    Diagnostics d;
    const std::string bytes = bom + encode(report("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"), charset);
    EXPECT_EQ(title_of(banshi::parse_report(bytes, "report.xml", ".", d)), kTitle) << charset;
    EXPECT_TRUE(d.items().empty()) << charset;
  }
}

TEST(XmlEncoding, BadUtf16IsRefused) {
  // An unpaired high surrogate (D800) followed by "a".
  EXPECT_EQ(error_of(std::string("\xFF\xFE<\0r\0\x00\xD8"
                                 "a\0",
                                 10)),
            "report.xml:1:3: error: the file starts with a UTF-16LE byte-order mark but is not "
            "valid UTF-16LE at byte offset 6");
}

TEST(XmlEncoding, Utf16WithoutBomIsRefused) {
  EXPECT_EQ(error_of(encode(report(""), "UTF-16LE")),
            "report.xml:1:2: error: the file contains a NUL byte at byte offset 1: it looks like "
            "UTF-16 without a byte-order mark; save it as UTF-8");
  EXPECT_EQ(error_of("<?xml version=\"1.0\" encoding=\"UTF-16\"?><report/>"),
            "report.xml:1:31: error: the file declares encoding=\"UTF-16\" but has no byte-order "
            "mark; save it as UTF-8");
}

TEST(XmlEncoding, InvalidBytesAreRefused) {
  // Latin-1 "café" is neither UTF-8 nor GB18030.
  EXPECT_EQ(error_of(report("").replace(report("").find(kTitle), kTitle.size(), "caf\xE9 au lait")),
            "report.xml:3:15: error: the file is neither UTF-8 nor GB18030/GBK: byte 0xE9 at byte "
            "offset 66 is not valid UTF-8; save the file as UTF-8");
  // Decodes as GB18030, but only to a control character: not Chinese text.
  EXPECT_EQ(error_of(report("").replace(report("").find(kTitle), kTitle.size(), "\x81\x30\x81\x30")),
            "report.xml:3:12: error: the file is neither UTF-8 nor GB18030/GBK: byte 0x81 at byte "
            "offset 63 is not valid UTF-8; save the file as UTF-8");
  EXPECT_EQ(error_of("\xEF\xBB\xBF<report>\n\xFF</report>"),
            "report.xml:2:1: error: the file starts with a UTF-8 byte-order mark but byte 0xFF at "
            "byte offset 12 is not valid UTF-8");
}

TEST(XmlEncoding, DeclaredGbkWithBytesThatAreNotGbk) {
  EXPECT_EQ(error_of(encode("<?xml version=\"1.0\" encoding=\"GBK\"?>\n<report>\n中", "GB18030") + "\xFF</report>"),
            "report.xml:3:2: error: the file declares encoding=\"GBK\" but byte 0xFF at byte "
            "offset 48 is not valid GBK; save the file as UTF-8");
}

TEST(XmlEncoding, DeclaredGbkButActuallyUtf8IsReadAsUtf8) {
  Diagnostics d;
  const auto r = banshi::parse_report(report("<?xml version=\"1.0\" encoding=\"GBK\"?>\n"), "report.xml", ".", d);
  EXPECT_EQ(title_of(r), kTitle);
  EXPECT_EQ(warnings(d), (std::vector<std::string>{
                             "report.xml:1:31: warning: the file declares encoding=\"GBK\" but is valid UTF-8; "
                             "read as UTF-8 (correct the declaration to encoding=\"UTF-8\")"}));
}

TEST(XmlEncoding, UnsupportedDeclaredEncoding) {
  EXPECT_EQ(error_of("<?xml version=\"1.0\" encoding=\"Big5\"?>\n<report/>"),
            "report.xml:1:31: error: encoding \"Big5\" is not supported; save the file as UTF-8");
}

}  // namespace
