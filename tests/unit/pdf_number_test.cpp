// Numbers in content streams (pdf_format's append_number): written from
// the rounded integer where they can be, they must read exactly as
// to_chars's fixed notation of the rounded value, trailing zeros dropped,
// as they were written before (the bytes of every PDF depend on it).
#include <gtest/gtest.h>

#include <charconv>
#include <random>
#include <string>

#include "pdf/pdf_format.h"

namespace banshi::pdf {
namespace {

std::string reference(double v, int decimals) {
  v = round_to(v, decimals);
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
  if (s.find('.') != std::string_view::npos) {
    while (s.back() == '0') s.remove_suffix(1);
    if (s.back() == '.') s.remove_suffix(1);
  }
  return std::string(s);
}

TEST(PdfNumber, AsFixedNotationOfTheRoundedValue) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> page(-2000, 2000), unit(-2, 2), huge(-3e9, 3e9);
  for (int d = 0; d <= 7; ++d) {
    for (int i = 0; i < 20000; ++i) {
      for (double v : {page(rng), unit(rng), huge(rng)})
        ASSERT_EQ(format_number(v, d), reference(v, d)) << v << " " << d;
    }
    // Halves and exact values at every scale, and the signs of small ones.
    for (int k = -3000; k <= 3000; ++k) {
      for (double v : {k / 1000.0, k * 0.005, k * 0.0005, k * 1e-7})
        ASSERT_EQ(format_number(v, d), reference(v, d)) << v;
    }
  }
  EXPECT_EQ(format_number(-0.0001, 3), "0");
  EXPECT_EQ(format_number(12.5, 3), "12.5");
  EXPECT_EQ(format_number(-0.05, 2), "-0.05");
  EXPECT_EQ(format_number(841.89, 3), "841.89");
}

}  // namespace
}  // namespace banshi::pdf
