// The trailer's /ID (pdf/file_id): the SHA-1 of every byte before the
// trailer, cut to 16 bytes, written over the placeholder in place, both identifiers alike;
// a file without the placeholder is an error, not a silent /ID of zeros.
#include <gtest/gtest.h>

#include <string>

#include "pdf/file_id.h"
#include "util/diag.h"

namespace banshi::pdf {
namespace {

const std::string kZeros = "<" + std::string(32, '0') + ">";

TEST(PdfFileId, IsTheSha1OfTheBytesBeforeTheTrailer) {
  const std::string body = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 1\n0000000000 65535 f \n";
  std::string pdf = body + "trailer\n<< /Root 1 0 R /ID [" + kZeros + " " + kZeros + "] >>\n%%EOF\n";
  const size_t size = pdf.size();
  fill_file_id(pdf);
  // hashlib.sha1(body).hexdigest()[:32] in Python.
  const std::string id = "<EE3D54AB62F867F77E1ADF3C4B9C6494>";
  EXPECT_EQ(pdf.size(), size);  // no offset moves
  EXPECT_EQ(pdf.substr(0, body.size()), body);
  EXPECT_NE(pdf.find("/ID [" + id + " " + id + "]"), std::string::npos) << pdf;
}

TEST(PdfFileId, NoPlaceholderIsAnError) {
  std::string pdf = "%PDF-1.4\nxref\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  EXPECT_THROW(fill_file_id(pdf), EngineError);
}

}  // namespace
}  // namespace banshi::pdf
