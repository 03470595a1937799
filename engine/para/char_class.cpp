#include "para/char_class.h"

#include <algorithm>
#include <array>

namespace banshi {

namespace {

// Sorted lists so lookups are binary searches.
constexpr std::array<char32_t, 23> kOpening = {0x0028, 0x005B, 0x007B, 0x2018, 0x201C, 0x3008, 0x300A, 0x300C,
                                               0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x301D, 0xFE59,
                                               0xFE5B, 0xFE5D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62};
constexpr std::array<char32_t, 25> kClosing = {0x0029, 0x005D, 0x007D, 0x2019, 0x201D, 0x3009, 0x300B, 0x300D, 0x300F,
                                               0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x301E, 0x301F, 0xFE5A, 0xFE5C,
                                               0xFE5E, 0xFF09, 0xFF3D, 0xFF5D, 0xFF60, 0xFF63, 0xFF64};
constexpr std::array<char32_t, 10> kStop = {0x3001, 0x3002, 0xFE52, 0xFF01, 0xFF0C,
                                            0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF61};
constexpr std::array<char32_t, 4> kMiddle = {0x00B7, 0x2027, 0x30FB, 0xFF65};
constexpr std::array<char32_t, 6> kLong = {0x2014, 0x2015, 0x2025, 0x2026, 0x22EF, 0x2E3A};
constexpr std::array<char32_t, 4> kConnector = {0x2013, 0x2053, 0x301C, 0xFF5E};

template <size_t N>
constexpr bool well_formed(const std::array<char32_t, N>& a) {
  return std::is_sorted(a.begin(), a.end()) && a.front() != 0;
}
static_assert(well_formed(kOpening) && well_formed(kClosing) && well_formed(kStop) && well_formed(kMiddle) &&
              well_formed(kLong) && well_formed(kConnector));

template <size_t N>
bool in(const std::array<char32_t, N>& a, char32_t cp) {
  return std::binary_search(a.begin(), a.end(), cp);
}

}  // namespace

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3040 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) ||
         cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D || cp == 0x2014 || cp == 0x2026 || cp == 0x00B7 ||
         (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x25A0 && cp <= 0x27BF) || cp == 0x2E3A;
}

CharClass char_class(char32_t cp) {
  // The common cases first, without a search: Han text and kana (no mark of
  // the lists lies in U+3400–A4CF), and ASCII letters and digits.
  if (cp >= 0x3400 && cp <= 0xA4CF) return CharClass::Ideographic;
  if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) return CharClass::Latin;
  if (cp == ' ') return CharClass::Space;
  if (in(kOpening, cp)) return CharClass::Opening;
  if (in(kClosing, cp)) return CharClass::Closing;
  if (in(kStop, cp)) return CharClass::Stop;
  if (in(kMiddle, cp)) return CharClass::Middle;
  if (in(kLong, cp)) return CharClass::Long;
  if (in(kConnector, cp)) return CharClass::Connector;
  if (is_wide(cp)) return CharClass::Ideographic;
  if (cp < 0x2E80) return CharClass::Latin;
  return CharClass::Other;
}

bool no_line_start(char32_t cp) {
  switch (char_class(cp)) {
    case CharClass::Closing:
    case CharClass::Stop:
    case CharClass::Middle:
    case CharClass::Long:
    case CharClass::Connector: return true;
    default: break;
  }
  // Half-width marks that close or separate, and the percent signs.
  switch (cp) {
    case ',':
    case '.':
    case ';':
    case ':':
    case '?':
    case '!':
    case '%':
    case 0x2030:
    case 0xFF05:
    case 0x2103:
    case 0x3005: return true;
    default: return false;
  }
}

bool no_line_end(char32_t cp) {
  if (char_class(cp) == CharClass::Opening) return true;
  switch (cp) {
    case 0xFF04:
    case 0xFFE1:
    case 0xFFE5:
    case 0xFFE6:
    case '$':
    case 0x00A3:
    case 0x00A5: return true;
    default: return false;
  }
}

}  // namespace banshi
