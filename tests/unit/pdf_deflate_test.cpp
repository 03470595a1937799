// The PDF's streams are deflated by banshi (libdeflate), not by libharu:
// what a reader inflates must be exactly what was written, the bytes must
// not depend on which Deflater or thread made them, and a document saved
// without compression must hold its streams as they are.
#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <string>

#include "pdf/deflate.h"
#include "pdf/haru_doc.h"
#include "util/diag.h"

namespace banshi::pdf {
namespace {

// zlib's inflate, as a PDF reader's /FlateDecode.
std::string inflate(std::string_view z, size_t size) {
  std::string out(size, '\0');
  uLongf n = static_cast<uLongf>(out.size());
  if (size == 0) out.resize(1);
  const int rc = uncompress(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(z.data()),
                            static_cast<uLong>(z.size()));
  EXPECT_EQ(rc, Z_OK);
  out.resize(n);
  return out;
}

// Page-content-like text, and bytes as dense as a font program's.
std::string sample(size_t size, bool dense) {
  std::mt19937 rng(17);
  std::string s;
  while (s.size() < size) {
    if (dense) s += static_cast<char>(rng() & 0xff);
    else s += "BT /F1 16 Tf 1 0 0 1 " + std::to_string(rng() % 600) + " 700 Tm <0a1b2c> Tj ET\n";
  }
  s.resize(size);
  return s;
}

TEST(PdfDeflate, InflatesToWhatWasWrittenAtEachLevel) {
  for (const Deflater::Level level : {Deflater::kFontProgram, Deflater::kStream}) {
    for (const size_t size : {size_t{0}, size_t{1}, size_t{5000}, size_t{700 * 1024}}) {
      for (const bool dense : {false, true}) {
        const std::string data = sample(size, dense);
        const std::string z = deflate(data, level);
        ASSERT_GE(z.size(), 2u);
        EXPECT_EQ(static_cast<unsigned char>(z[0]), 0x78);  // a zlib stream, as /FlateDecode reads
        EXPECT_EQ(inflate(z, data.size()), data) << "level " << level << ", " << size << " bytes";
        if (!dense && size > 1000) {
          EXPECT_LT(z.size(), data.size() / 3);
        }
      }
    }
  }
}

TEST(PdfDeflate, SameBytesWhicheverDeflaterMakesThem) {
  const std::string a = sample(300 * 1024, false), b = sample(90 * 1024, true);
  Deflater shared(Deflater::kStream);
  const std::string first = shared(a);
  EXPECT_EQ(shared(b), deflate(b, Deflater::kStream));  // a used compressor keeps nothing of the last stream
  EXPECT_EQ(shared(a), first);
  EXPECT_EQ(deflate(a, Deflater::kStream), first);
}

// The bytes between the keywords stream and endstream of the only stream
// of a document that has just one (with the end-of-line libharu writes
// before endstream), and its dictionary in `dict`.
std::string only_stream(const std::string& pdf, std::string& dict) {
  const size_t keyword = pdf.find("stream");
  size_t begin = keyword + 6;
  if (pdf[begin] == '\r') ++begin;
  if (pdf[begin] == '\n') ++begin;
  const size_t end = pdf.find("endstream", begin);
  EXPECT_EQ(pdf.find("stream", end + 9), std::string::npos) << "more than one stream";
  const size_t open = pdf.rfind("<<", keyword);
  dict = pdf.substr(open, keyword - open);
  return pdf.substr(begin, end - begin);
}

// `raw` is `data` and at most an end-of-line.
void expect_data(std::string raw, const std::string& data) {
  while (raw.size() > data.size() && (raw.back() == '\n' || raw.back() == '\r')) raw.pop_back();
  EXPECT_EQ(raw, data);
}

TEST(PdfDeflate, DocumentStreamsAreFlateWhenCompressingAndRawOtherwise) {
  const std::string data = sample(20000, false);
  for (const bool compress : {true, false}) {
    HaruDoc doc(compress);
    HPDF_Dict s = doc.new_stream(data);
    doc.add(doc.new_indirect_dict(), "Data", s);
    std::string dict;
    std::string raw = only_stream(doc.save(), dict);
    if (compress) {
      EXPECT_NE(dict.find("/Filter /FlateDecode"), std::string::npos) << dict;
      EXPECT_EQ(inflate(raw, data.size()), data);
    } else {
      EXPECT_EQ(dict.find("/Filter"), std::string::npos) << dict;
      expect_data(raw, data);
    }
  }
}

TEST(PdfDeflate, ContentSetOnceAndDeflatedLikeAnyStream) {
  const std::string ops = sample(8000, false);
  HaruDoc doc(true);
  HPDF_Dict form = doc.new_stream({}, false);
  doc.add(doc.new_indirect_dict(), "Form", form);
  doc.set_content(form, ops);
  EXPECT_THROW(doc.set_content(form, ops), EngineError);
  std::string dict;
  EXPECT_EQ(inflate(only_stream(doc.save(), dict), ops.size()), ops);
  EXPECT_NE(dict.find("/Filter /FlateDecode"), std::string::npos) << dict;
}

}  // namespace
}  // namespace banshi::pdf
