#include "pdf/pdf_format.h"

#include <charconv>
#include <cmath>

#include "util/diag.h"
#include "util/utf8.h"

namespace banshi::pdf {

double round_to(double v, int decimals) {
  // The powers every caller uses from a table: pow() was 1 % of a render's
  // instructions, and these are exact, as pow's own results for them are.
  static constexpr double kPowers[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  const double scale = decimals >= 0 && decimals <= 6 ? kPowers[decimals] : std::pow(10.0, decimals);
  const double r = std::round(v * scale) / scale;
  return r == 0 ? 0.0 : r;  // folds -0 into 0
}

void append_number(std::string& out, double v, int decimals) {
  // A NaN or infinity from a layout bug would make the file unreadable.
  if (!std::isfinite(v)) throw EngineError("pdf.not-finite");
  v = round_to(v, decimals);
  // v is the double nearest k / 10^decimals for an integer k, so its digits
  // are k's: written from k directly where k is well inside a double's
  // integers, which to_chars's fixed notation took ~700 instructions a
  // number to find (thousands a page).
  if (decimals >= 0 && decimals <= 6 && std::abs(v) < 1e9) {
    static constexpr int64_t kPowers[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    const int64_t scale = kPowers[decimals];
    int64_t k = std::llround(v * static_cast<double>(scale));
    if (k < 0) {
      out += '-';
      k = -k;
    }
    char buf[32];
    const auto whole = std::to_chars(buf, buf + sizeof buf, k / scale);
    out.append(buf, whole.ptr);
    int64_t frac = k % scale;
    if (frac != 0) {
      int digits = decimals;
      while (frac % 10 == 0) {
        frac /= 10;
        --digits;
      }
      out += '.';
      const auto f = std::to_chars(buf, buf + sizeof buf, frac);
      out.append(static_cast<size_t>(digits - (f.ptr - buf)), '0');
      out.append(buf, f.ptr);
    }
    return;
  }
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
  if (s.find('.') != std::string_view::npos) {
    while (s.back() == '0') s.remove_suffix(1);
    if (s.back() == '.') s.remove_suffix(1);
  }
  out += s;
}

std::string format_number(double v, int decimals) {
  std::string s;
  append_number(s, v, decimals);
  return s;
}

void append_hex(std::string& out, uint32_t value, int digits) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

void append_utf16be_units(std::u16string& out, char32_t cp) {
  if (cp >= 0x10000 && cp <= 0x10FFFF) {
    const char32_t v = cp - 0x10000;
    out += static_cast<char16_t>(0xD800 + (v >> 10));
    out += static_cast<char16_t>(0xDC00 + (v & 0x3FF));
  } else if (cp < 0x10000 && (cp < 0xD800 || cp > 0xDFFF)) {
    out += static_cast<char16_t>(cp);
  } else {
    out += static_cast<char16_t>(0xFFFD);
  }
}

namespace {

std::u32string text_string_chars(std::string_view utf8) {
  std::u32string cps = decode_utf8(utf8);
  if (cps.size() > kMaxTextStringChars) {
    cps.resize(kMaxTextStringChars - 1);
    cps += U'…';
  }
  return cps;
}

}  // namespace

std::string text_string_utf8(std::string_view utf8) {
  std::string out;
  for (char32_t cp : text_string_chars(utf8)) {
    // What append_utf16be_units writes for a code point it cannot encode.
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    out += utf8_encode(cp);
  }
  return out;
}

std::string utf16be_text_string(std::string_view utf8) {
  std::u16string units;
  for (char32_t cp : text_string_chars(utf8)) append_utf16be_units(units, cp);
  std::string bytes = "\xFE\xFF";
  for (char16_t u : units) {
    bytes += static_cast<char>(u >> 8);
    bytes += static_cast<char>(u & 0xFF);
  }
  return bytes;
}

std::u32string decode_utf8(std::string_view utf8) {
  std::u32string cps;
  for (size_t i = 0; i < utf8.size();) cps += utf8_next(utf8, i);
  return cps;
}

}  // namespace banshi::pdf
