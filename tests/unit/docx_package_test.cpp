// The .docx package reader: limits checked before inflating, relationships
// resolved inside the package only, files that are not a .docx named for
// what they are.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "docx/package.h"
#include "filekind/sniff.h"
#include "util/diag.h"

using namespace banshi;
using namespace banshi::docx;
using namespace banshi::filekind;

namespace {

uint32_t crc32(std::string_view s) {
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : s) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

void put16(std::string& s, uint16_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>(v >> 8);
}
void put32(std::string& s, uint32_t v) {
  put16(s, static_cast<uint16_t>(v & 0xFFFF));
  put16(s, static_cast<uint16_t>(v >> 16));
}

// A zip of stored (uncompressed) members, written here so each test states
// its package whole.
std::string zip(const std::vector<std::pair<std::string, std::string>>& members) {
  std::string out, dir;
  for (const auto& [name, data] : members) {
    const uint32_t offset = static_cast<uint32_t>(out.size());
    const uint32_t crc = crc32(data);
    out += "PK\x03\x04";
    put16(out, 20);
    put16(out, 0);
    put16(out, 0);  // stored
    put32(out, 0);
    put32(out, crc);
    put32(out, static_cast<uint32_t>(data.size()));
    put32(out, static_cast<uint32_t>(data.size()));
    put16(out, static_cast<uint16_t>(name.size()));
    put16(out, 0);
    out += name;
    out += data;
    dir += "PK\x01\x02";
    put16(dir, 20);
    put16(dir, 20);
    put16(dir, 0);
    put16(dir, 0);
    put32(dir, 0);
    put32(dir, crc);
    put32(dir, static_cast<uint32_t>(data.size()));
    put32(dir, static_cast<uint32_t>(data.size()));
    put16(dir, static_cast<uint16_t>(name.size()));
    put16(dir, 0);
    put16(dir, 0);
    put16(dir, 0);
    put16(dir, 0);
    put32(dir, 0);
    put32(dir, offset);
    dir += name;
  }
  const uint32_t dir_at = static_cast<uint32_t>(out.size());
  out += dir;
  out += "PK\x05\x06";
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint16_t>(members.size()));
  put16(out, static_cast<uint16_t>(members.size()));
  put32(out, static_cast<uint32_t>(dir.size()));
  put32(out, dir_at);
  put16(out, 0);
  return out;
}

const char* kTypes =
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";

std::string rels(const std::string& inner) {
  return R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" + inner +
         "</Relationships>";
}

std::string rel(const std::string& id, const std::string& type, const std::string& target, bool external = false) {
  return R"(<Relationship Id=")" + id +
         R"(" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/)" + type + R"(" Target=")" +
         target + "\"" + (external ? R"( TargetMode="External")" : "") + "/>";
}

std::vector<std::pair<std::string, std::string>> minimal(std::string doc_rels = "") {
  return {{"[Content_Types].xml", kTypes},
          {"_rels/.rels", rels(rel("rId1", "officeDocument", "word/document.xml"))},
          {"word/document.xml", "<w:document/>"},
          {"word/_rels/document.xml.rels", rels(doc_rels)}};
}

std::string refusal(const std::string& bytes, const PackageLimits& limits = {}) {
  try {
    Package::open_bytes(bytes, "t.docx", limits);
  } catch (const InputError& e) {
    return e.diagnostic().format(Lang::En);
  }
  return "(opened)";
}

}  // namespace

TEST(DocxPackage, ResolvesPartsInsideThePackageOnly) {
  EXPECT_EQ(resolve_part("word/document.xml", "media/image1.png"), "word/media/image1.png");
  EXPECT_EQ(resolve_part("word/document.xml", "../customXml/item1.xml"), "customXml/item1.xml");
  EXPECT_EQ(resolve_part("word/document.xml", "/word/media/a.png"), "word/media/a.png");
  EXPECT_EQ(resolve_part("", "word/document.xml"), "word/document.xml");
  EXPECT_EQ(resolve_part("word/document.xml", "media/image%201.png"), "word/media/image 1.png");
  EXPECT_EQ(resolve_part("word/document.xml", "./media/./a.png#frag"), "word/media/a.png");
  EXPECT_EQ(resolve_part("word/document.xml", "..\\..\\etc\\passwd"), std::nullopt);
  EXPECT_EQ(resolve_part("word/document.xml", "../../etc/passwd"), std::nullopt);
  EXPECT_EQ(resolve_part("word/document.xml", "media/../../../x"), std::nullopt);
  EXPECT_EQ(resolve_part("word/document.xml", "%2e%2e/%2e%2e/etc/passwd"), std::nullopt);
}

TEST(DocxPackage, ReadsPartsByNameWithoutRegardToCase) {
  const Package p = Package::open_bytes(zip(minimal()), "t.docx");
  EXPECT_EQ(p.main_part(), "word/document.xml");
  EXPECT_TRUE(p.has("Word/Document.XML"));
  EXPECT_TRUE(p.has("/word/document.xml"));
  EXPECT_EQ(p.read("WORD/document.xml"), "<w:document/>");
  EXPECT_EQ(p.size("word/document.xml"), 13u);
  EXPECT_EQ(p.content_type("word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  EXPECT_EQ(p.content_type("word/other.xml"), "application/xml");
  EXPECT_FALSE(p.has("word/styles.xml"));
}

TEST(DocxPackage, FollowsTheOfficeDocumentRelationship) {
  auto parts = minimal();
  parts[1].second = rels(rel("rId1", "officeDocument", "/content/main.xml"));
  parts.push_back({"content/main.xml", "<w:document/>"});
  EXPECT_EQ(Package::open_bytes(zip(parts), "t.docx").main_part(), "content/main.xml");
}

TEST(DocxPackage, RelationshipsKnowExternalAndEscapingTargets) {
  const Package p = Package::open_bytes(
      zip(minimal(rel("rId1", "styles", "styles.xml") + rel("rId2", "image", "../../../etc/passwd") +
                  rel("rId3", "image", "file:///etc/passwd", true) +
                  rel("rId4", "hyperlink", "https://www.cnbz.gov.cn/", true))),
      "t.docx");
  const Relationship* styles = p.related("word/document.xml", "styles");
  ASSERT_NE(styles, nullptr);
  EXPECT_EQ(styles->part, "word/styles.xml");
  const Relationship* escaping = p.relationship("word/document.xml", "rId2");
  ASSERT_NE(escaping, nullptr);
  EXPECT_TRUE(escaping->escapes);
  EXPECT_TRUE(escaping->part.empty());
  const Relationship* external = p.relationship("word/document.xml", "rId3");
  ASSERT_NE(external, nullptr);
  EXPECT_TRUE(external->external);
  EXPECT_TRUE(external->part.empty());
  EXPECT_EQ(p.relationship("word/document.xml", "rId4")->kind(), "hyperlink");
  EXPECT_EQ(p.relationship("word/document.xml", "rId9"), nullptr);
  EXPECT_TRUE(p.relationships("word/styles.xml").empty());
}

TEST(DocxPackage, LimitsAreCheckedBeforeInflating) {
  PackageLimits few;
  few.max_parts = 3;
  EXPECT_NE(refusal(zip(minimal()), few).find("4 parts, more than the limit of 3"), std::string::npos);
  PackageLimits small;
  small.max_part_bytes = 1000;
  auto parts = minimal();
  parts.push_back({"word/media/big.bin", std::string(2000, 'x')});
  EXPECT_NE(refusal(zip(parts), small).find("part word/media/big.bin would inflate to"), std::string::npos);
  PackageLimits total;
  total.max_total_bytes = 1500;
  EXPECT_NE(refusal(zip(parts), total).find("the package would inflate to"), std::string::npos);
  PackageLimits file;
  file.max_file_bytes = 1000;
  EXPECT_NE(refusal(zip(parts), file).find("more than the limit of"), std::string::npos);
  EXPECT_EQ(refusal(zip(parts)), "(opened)");
}

TEST(DocxPackage, AnXmlPartWithADoctypeIsRefused) {
  auto parts = minimal();
  parts[1].second = R"(<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>)" + parts[1].second;
  EXPECT_NE(refusal(zip(parts)).find("declares a DOCTYPE"), std::string::npos);
}

TEST(DocxPackage, MacrosAndOtherFormatsAreNamed) {
  auto parts = minimal(rel("rId9", "vbaProject", "vbaProject.bin"));
  parts.push_back({"word/vbaProject.bin", "x"});
  EXPECT_NE(refusal(zip(parts)).find("macro-enabled document (.docm)"), std::string::npos);
  EXPECT_NE(refusal(zip({{"hello.txt", "hi"}})).find("not a Word document"), std::string::npos);
  EXPECT_NE(refusal(zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}}))
                .find("OpenDocument"),
            std::string::npos);
  const std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(600, '\0');
  EXPECT_NE(refusal(ole).find("Word 97–2003"), std::string::npos);
  EXPECT_NE(refusal(ole + std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32)).find("password"),
            std::string::npos);
  EXPECT_NE(refusal("{\\rtf1 x}").find("RTF"), std::string::npos);
  EXPECT_NE(refusal("").find("not a readable .docx"), std::string::npos);
  const std::string whole = zip(minimal());
  EXPECT_NE(refusal(whole.substr(0, whole.size() / 2)).find("damaged or truncated"), std::string::npos);
}

TEST(DocxSniff, TellsFilesByTheirFirstBytes) {
  EXPECT_EQ(sniff("PK\x03\x04rest"), FileKind::Zip);
  EXPECT_EQ(sniff("{\\rtf1"), FileKind::Rtf);
  EXPECT_EQ(sniff("\xEF\xBB\xBF  <html><body>"), FileKind::Html);
  EXPECT_EQ(sniff("MIME-Version: 1.0\r\n"), FileKind::Html);
  EXPECT_EQ(sniff(R"(<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument>)"),
            FileKind::Word2003Xml);
  EXPECT_EQ(sniff(R"(<?xml version="1.0"?><report template="outcome">)"), FileKind::Xml);
  EXPECT_EQ(sniff("just text"), FileKind::Unknown);
}
