// libFuzzer target over the Word reader: the input is a .docx (a zip) or,
// when it is not one, the text of word/document.xml, which the target puts
// in a package of its own with fixed styles, numbering and footnotes — so
// mutations reach the body walk instead of dying at the zip's checksums.
//
// The oracle beyond crashes and sanitizer reports: whatever the importer
// accepts, the XML `banshi import` would write for it must read back as a
// valid report. An InputError on the way in is an expected outcome (the
// CLI exits 2); an InputError reading the importer's own XML is a finding.
//
// Built only with clang and -DBANSHI_FUZZ=ON (see engine/fuzz/CMakeLists.txt
// and .ci/run); seeds in engine/fuzz/docx-corpus/ (made by
// tests/docx/make_fixtures.py).
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "docx/import.h"
#include "docx/package.h"
#include "util/diag.h"
#include "xml/parse.h"

namespace {

void put16(std::string& s, uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

// A zip of stored members.
std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& members) {
  std::string out, dir;
  for (const auto& [name, data] : members) {
    const auto offset = static_cast<uint32_t>(out.size());
    const auto crc =
        static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const auto size = static_cast<uint32_t>(data.size());
    out += "PK\x03\x04";
    put16(out, 20), put16(out, 0), put16(out, 0), put32(out, 0), put32(out, crc);
    put32(out, size), put32(out, size), put16(out, static_cast<uint32_t>(name.size())), put16(out, 0);
    out += name;
    out += data;
    dir += "PK\x01\x02";
    put16(dir, 20), put16(dir, 20), put16(dir, 0), put16(dir, 0), put32(dir, 0), put32(dir, crc);
    put32(dir, size), put32(dir, size), put16(dir, static_cast<uint32_t>(name.size()));
    put16(dir, 0), put16(dir, 0), put16(dir, 0), put16(dir, 0), put32(dir, 0), put32(dir, offset);
    dir += name;
  }
  const auto at = static_cast<uint32_t>(out.size());
  out += dir;
  out += "PK\x05\x06";
  put16(out, 0), put16(out, 0), put16(out, static_cast<uint32_t>(members.size()));
  put16(out, static_cast<uint32_t>(members.size())), put32(out, static_cast<uint32_t>(dir.size())), put32(out, at);
  put16(out, 0);
  return out;
}

constexpr const char* kW = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string package_around(std::string_view document) {
  static const std::string types = R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
                                   R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";
  static const std::string root_rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)";
  static const std::string doc_rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
      R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)"
      R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>)"
      R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.cnbz.gov.cn/" TargetMode="External"/>)"
      R"(</Relationships>)";
  static const std::string styles =
      std::string("<w:styles ") + kW +
      R"(><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="t"><w:name w:val="Title"/></w:style></w:styles>)";
  static const std::string numbering =
      std::string("<w:numbering ") + kW +
      R"(><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>)"
      R"(<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="[%2]"/></w:lvl></w:abstractNum>)"
      R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>)";
  static const std::string footnotes =
      std::string("<w:footnotes ") + kW +
      R"(><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t> 注释。</w:t></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:id="2"><w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p></w:footnote></w:footnotes>)";
  return stored_zip({{"[Content_Types].xml", types},
                     {"_rels/.rels", root_rels},
                     {"word/document.xml", document},
                     {"word/_rels/document.xml.rels", doc_rels},
                     {"word/styles.xml", styles},
                     {"word/numbering.xml", numbering},
                     {"word/footnotes.xml", footnotes}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  banshi::Diagnostics diags;
  banshi::docx::Imported imported;
  try {
    const std::string zip = bytes.starts_with("PK") ? std::string(bytes) : package_around(bytes);
    const auto package = banshi::docx::Package::open_bytes(zip, "fuzz.docx");
    imported = banshi::docx::import_package(package, ".", diags);
  } catch (const banshi::InputError&) {
    return 0;  // refused: the CLI's exit 2
  }
  const std::string xml = banshi::docx::imported_xml(imported);
  try {
    banshi::Diagnostics again;
    banshi::parse_report(xml, "imported.xml", ".", again);
  } catch (const banshi::InputError& e) {
    // The importer wrote XML its own reader refuses.
    fprintf(stderr, "imported XML refused: %s\n%s\n", e.what(), xml.c_str());
    __builtin_trap();
  }
  return 0;
}
