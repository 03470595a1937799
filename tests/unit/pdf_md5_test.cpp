// The file identifier's MD5 (pdf/md5): RFC 1321's own test suite, and the
// same digests as libharu's MD5 (which wrote the identifiers before) for
// lengths around every block boundary, given whole or in pieces.
#include <gtest/gtest.h>
#include <hpdf_encrypt.h>

#include <random>
#include <string>

#include "pdf/md5.h"

namespace banshi::pdf {
namespace {

std::string hex(const std::array<uint8_t, 16>& d) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (uint8_t b : d) {
    s += digits[b >> 4];
    s += digits[b & 15];
  }
  return s;
}

std::string md5(std::string_view data) {
  Md5 m;
  m.update(data);
  return hex(m.finish());
}

std::string haru_md5(const std::string& data) {
  HPDF_MD5_CTX ctx;
  HPDF_MD5Init(&ctx);
  HPDF_MD5Update(&ctx, reinterpret_cast<const HPDF_BYTE*>(data.data()), static_cast<HPDF_UINT32>(data.size()));
  std::array<uint8_t, 16> d{};
  HPDF_MD5Final(d.data(), &ctx);
  return hex(d);
}

TEST(PdfMd5, Rfc1321TestSuite) {
  EXPECT_EQ(md5(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5("a"), "0cc175b9c0f1b6a831c399e269772661");
  EXPECT_EQ(md5("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(md5("message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(md5("abcdefghijklmnopqrstuvwxyz"), "c3fcd3d76192e4007dfb496cca67e13b");
  EXPECT_EQ(md5("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), "d174ab98d277d9f5a5611c2c9f419d9f");
  EXPECT_EQ(md5("12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
            "57edf4a22be3c955ac49da2e2107b67a");
}

TEST(PdfMd5, AsLibharuAtEveryLengthAndSplit) {
  std::mt19937 rng(17);
  std::string data(1000, '\0');
  for (char& c : data) c = static_cast<char>(rng());
  for (size_t n = 0; n <= 300; ++n) {
    const std::string s = data.substr(0, n);
    ASSERT_EQ(md5(s), haru_md5(s)) << n;
    // The same bytes in three pieces of uneven length.
    Md5 m;
    const size_t a = n / 3, b = n - n / 5;
    m.update(std::string_view(s).substr(0, a));
    m.update(std::string_view(s).substr(a, b - a));
    m.update(std::string_view(s).substr(b));
    ASSERT_EQ(hex(m.finish()), haru_md5(s)) << n;
  }
  EXPECT_EQ(md5(data), haru_md5(data));
}

}  // namespace
}  // namespace banshi::pdf
