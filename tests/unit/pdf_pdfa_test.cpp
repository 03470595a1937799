// PDF/A-1b output: the XMP packet, the CIDSet bits, the output profile and
// where it is found, the metadata clean-up, and what the writer adds in
// PDF/A mode and only then. tests/e2e/test_pdfa.py validates whole files
// with PDFBox Preflight.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "pdf/cid_font.h"
#include "pdf/icc_profile.h"
#include "pdf/pdfa.h"
#include "pdf/writer.h"
#include "pdf/xmp.h"
#include "pdf_test_support.h"
#include "util/diag.h"

namespace banshi {
namespace {

using namespace pdf_test;
namespace fs = std::filesystem;

constexpr const char* kSrgb = "/usr/share/color/icc/sRGB.icc";

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// ---------------------------------------------------------------- XMP

TEST(PdfaXmp, EscapesWhatXmlWouldMisread) {
  EXPECT_EQ(pdf::xml_escape("A & B <C> \"q\" 'a'"), "A &amp; B &lt;C&gt; \"q\" 'a'");
  // A literal CR would be read back as LF (XML's line-end normalisation).
  EXPECT_EQ(pdf::xml_escape("a\r\nb\tc"), "a&#xD;\nb\tc");
  EXPECT_EQ(pdf::xml_escape("巴中 𠀀"), "巴中 𠀀");
}

TEST(PdfaXmp, PacketMirrorsTheInfoFields) {
  pdf::XmpInfo info;
  info.title = "巴中 & <研究>";
  info.author = "张三、李四";
  info.subject = "BZ25YB119";
  info.keywords = "a; b";
  info.creator_tool = "banshi 1";
  info.producer = "Haru Free PDF Library 2.3.0";
  info.timestamp = 1700000000;
  const std::string x = pdf::xmp_packet(info);
  EXPECT_EQ(x.rfind("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>", 0), 0u) << x;
  EXPECT_EQ(x.substr(x.size() - 19), "<?xpacket end=\"w\"?>");
  EXPECT_NE(x.find("<pdfaid:part>1</pdfaid:part>"), std::string::npos);
  EXPECT_NE(x.find("<pdfaid:conformance>B</pdfaid:conformance>"), std::string::npos);
  EXPECT_NE(x.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">巴中 &amp; &lt;研究&gt;</rdf:li></rdf:Alt>"),
            std::string::npos);
  EXPECT_NE(x.find("<dc:creator><rdf:Seq><rdf:li>张三、李四</rdf:li></rdf:Seq></dc:creator>"), std::string::npos);
  EXPECT_NE(x.find("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">BZ25YB119</rdf:li>"), std::string::npos);
  EXPECT_NE(x.find("<pdf:Keywords>a; b</pdf:Keywords>"), std::string::npos);
  EXPECT_NE(x.find("<pdf:Producer>Haru Free PDF Library 2.3.0</pdf:Producer>"), std::string::npos);
  EXPECT_NE(x.find("<xmp:CreatorTool>banshi 1</xmp:CreatorTool>"), std::string::npos);
  EXPECT_NE(x.find("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"), std::string::npos);
  EXPECT_NE(x.find("<xmp:ModifyDate>2023-11-14T22:13:20Z</xmp:ModifyDate>"), std::string::npos);
}

TEST(PdfaXmp, AbsentInfoFieldsAreAbsentFromThePacket) {
  const std::string x = pdf::xmp_packet({});
  for (const char* p : {"dc:title", "dc:creator", "dc:description", "pdf:Keywords", "pdf:Producer", "xmp:CreatorTool",
                        "xmp:CreateDate", "xmp:ModifyDate"}) {
    EXPECT_EQ(x.find(p), std::string::npos) << p;
  }
  EXPECT_NE(x.find("<pdfaid:part>1</pdfaid:part>"), std::string::npos);
}

TEST(PdfaXmp, ControlCharactersBecomeSpacesWithAWarning) {
  DocumentInfo info;
  info.title = "第一\x01行\x0B";
  info.author = "张三\t李四";       // a tab XML holds: unchanged, no warning
  info.keywords = "a\xEF\xBF\xBE";  // U+FFFE
  Diagnostics diags;
  const DocumentInfo clean = pdf::pdfa_document_info(info, &diags);
  EXPECT_EQ(clean.title, "第一 行 ");
  EXPECT_EQ(clean.author, "张三\t李四");
  EXPECT_EQ(clean.keywords, "a ");
  ASSERT_EQ(diags.items().size(), 2u);
  EXPECT_EQ(diags.items()[0].severity, Severity::Warning);
  EXPECT_EQ(diags.items()[0].code_str(), "pdfa.metadata-control-characters");
  EXPECT_EQ(diags.items()[0].format(),
            "warning: the document information's Title contains control characters, "
            "which PDF/A's XMP metadata cannot hold; each was written as a space");
  EXPECT_EQ(diags.items()[1].format(Lang::Zh),
            "警告：文档信息的 Keywords 含有控制字符，PDF/A 的 XMP 元数据无法容纳，已各以一个空格代替");
}

// ---------------------------------------------------------------- CIDSet

TEST(PdfaCidSet, OneBitPerCidHighBitFirst) {
  EXPECT_EQ(pdf::cid_set_bits({0}), std::string("\x80", 1));
  EXPECT_EQ(pdf::cid_set_bits({0, 1, 7, 8, 15}), std::string("\xC1\x81", 2));
  const std::string far = pdf::cid_set_bits({0, 30000});
  ASSERT_EQ(far.size(), 30000u / 8 + 1);
  EXPECT_EQ(static_cast<unsigned char>(far.back()), 0x80u >> (30000 % 8));
}

// ---------------------------------------------------------------- the profile

TEST(PdfaProfile, DebianSrgbIsAVersion2RgbProfile) {
  const pdf::IccProfile p = pdf::read_output_profile(kSrgb);
  EXPECT_EQ(p.components, 3);
  EXPECT_EQ(p.bytes.size(), fs::file_size(kSrgb));
  EXPECT_EQ(p.path, fs::path(kSrgb));
}

std::string refusal_of_search() {
  try {
    pdf::find_srgb_profile();
  } catch (const EngineError& e) {
    return e.what();
  }
  return "(found)";
}

std::string refusal(const fs::path& path) {
  try {
    pdf::read_output_profile(path);
  } catch (const EngineError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(PdfaProfile, RefusesWhatPdfA1CannotUse) {
  const fs::path dir = test_output_dir("icc");
  const std::string good = read_all(kSrgb);
  auto variant = [&](const std::string& name, std::string bytes) {
    write_bytes(dir / name, bytes);
    return refusal(dir / name);
  };
  std::string v4 = good;
  v4[8] = 4;
  EXPECT_EQ(variant("v4.icc", v4), "the colour profile " + (dir / "v4.icc").string() +
                                       " is ICC version 4; PDF/A-1 takes version 2 profiles only");
  std::string cmyk = good;
  cmyk.replace(16, 4, "CMYK");
  EXPECT_NE(variant("cmyk.icc", cmyk).find("is for the 'CMYK' colour space, not RGB"), std::string::npos);
  std::string link = good;
  link.replace(12, 4, "link");
  EXPECT_NE(variant("link.icc", link).find("is of class 'link', not a device profile"), std::string::npos);
  EXPECT_NE(variant("short.icc", good.substr(0, 500)).find("is damaged: its header gives 6922 bytes, the file has 500"),
            std::string::npos);
  EXPECT_NE(variant("text.icc", "not a colour profile at all").find("is not an ICC colour profile"), std::string::npos);
  EXPECT_NE(refusal(dir / "absent.icc").find("cannot read the colour profile"), std::string::npos);
  remove_test_output(dir);
}

TEST(PdfaProfile, LooksInTheConfiguredPathThenTheXdgDataDirs) {
  unsetenv("BANSHI_SRGB_PROFILE");
  setenv("XDG_DATA_HOME", "/home/x/.local/share", 1);
  setenv("XDG_DATA_DIRS", "/opt/share:relative/ignored:/usr/share", 1);
  const std::vector<fs::path> c = pdf::srgb_profile_candidates();
  const std::vector<fs::path> expected = {"/usr/share/color/icc/sRGB.icc", "/home/x/.local/share/color/icc/sRGB.icc",
                                          "/opt/share/color/icc/sRGB.icc"};
  EXPECT_EQ(c, expected);
  EXPECT_EQ(pdf::find_srgb_profile().path, fs::path(kSrgb));
}

TEST(PdfaProfile, AFileFoundButUnusableIsReportedForItself) {
  const fs::path dir = test_output_dir("icc-found");
  std::string v4 = read_all(kSrgb);
  v4[8] = 4;
  write_bytes(dir / "sRGB.icc", v4);
  setenv("BANSHI_SRGB_PROFILE", (dir / "sRGB.icc").c_str(), 1);
  EXPECT_EQ(refusal_of_search(), "the colour profile " + (dir / "sRGB.icc").string() +
                                     " is ICC version 4; PDF/A-1 takes version 2 profiles only");
  unsetenv("BANSHI_SRGB_PROFILE");
  remove_test_output(dir);
}

TEST(PdfaProfile, MissingProfileSaysWhereItLookedAndWhatToDo) {
  setenv("BANSHI_SRGB_PROFILE", "/nonexistent/sRGB.icc", 1);
  try {
    pdf::find_srgb_profile();
    FAIL() << "no profile, yet one was found";
  } catch (const EngineError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("/nonexistent/sRGB.icc"), std::string::npos) << m;
    EXPECT_NE(m.find("icc-profiles-free"), std::string::npos) << m;
    EXPECT_NE(m.find("--no-pdfa"), std::string::npos) << m;
  }
  unsetenv("BANSHI_SRGB_PROFILE");
}

// ---------------------------------------------------------------- the writer

PageSequence small_document() {
  static const FontPtr fandol = Font::open(kFandolFang);
  static const FontPtr lxgw = Font::open(kLxgwWenKai);
  PageSequence doc;
  Page p;
  p.label = "1";
  p.items.push_back(shape_run(*fandol, "巴中市哲学社会科学规划项目", 16, 72, 100));
  p.items.push_back(shape_run(*lxgw, "结项申请书", 16, 72, 140));
  p.links.push_back(LinkArea{72, 200, 100, 20, "https://example.org/"});
  doc.pages.push_back(p);
  doc.outline = {{"结项申请书", 1, 0, 90}};
  doc.info.title = "巴中 & <研究>";
  doc.info.author = "张三";
  return doc;
}

PdfOptions pdfa_options() {
  PdfOptions o;
  o.pdfa = PdfA{std::make_shared<const pdf::IccProfile>(pdf::read_output_profile(kSrgb))};
  return o;
}

TEST(PdfaWriter, AddsTheArchivePartsOnlyWhenAsked) {
  const std::string a = write_pdf(small_document(), pdfa_options());
  EXPECT_EQ(a.rfind("%PDF-1.4\n", 0), 0u);
  EXPECT_EQ(count(a, "/Type /Metadata"), 1u);
  EXPECT_EQ(count(a, "/Subtype /XML"), 1u);
  EXPECT_EQ(count(a, "/S /GTS_PDFA1"), 1u);
  EXPECT_EQ(count(a, "/OutputIntents"), 1u);
  EXPECT_NE(a.find("巴中 &amp; &lt;研究&gt;"), std::string::npos) << "the XMP is stored uncompressed";
  // Two fonts: each descriptor has its CIDSet and CapHeight.
  EXPECT_EQ(count(a, "/Type /FontDescriptor"), 2u);
  EXPECT_EQ(count(a, "/CIDSet"), 2u);
  EXPECT_EQ(count(a, "/CapHeight"), 2u);
  EXPECT_EQ(count(a, "/ID [ <"), 1u);
  EXPECT_TRUE(write_pdf(small_document(), pdfa_options()) == a) << "PDF/A output is deterministic";

  const std::string plain = write_pdf(small_document(), PdfOptions{});
  EXPECT_EQ(plain.rfind("%PDF-1.3\n", 0), 0u);
  for (const char* part : {"/Metadata", "/OutputIntents", "/CIDSet"})
    EXPECT_EQ(plain.find(part), std::string::npos) << part;
  EXPECT_EQ(count(plain, "/CapHeight"), 2u);
}

TEST(PdfaWriter, RequiresAProfile) {
  PdfOptions o;
  o.pdfa = PdfA{};
  EXPECT_THROW(write_pdf(small_document(), o), EngineError);
}

}  // namespace
}  // namespace banshi
