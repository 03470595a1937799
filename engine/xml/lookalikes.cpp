#include "xml/lookalikes.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdio>

namespace banshi {

namespace {

bool suspect(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x2FDF)        // CJK radicals supplement, Kangxi radicals
         || (cp >= 0xF900 && cp <= 0xFAFF)     // CJK compatibility ideographs
         || (cp >= 0x2F800 && cp <= 0x2FA1F);  // … and their supplement
}

bool unified(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3134F);
}

}  // namespace

char32_t unified_lookalike(char32_t cp) {
  if (!suspect(cp)) return 0;
  // NFKC maps a radical to its ideograph and a compatibility ideograph to
  // its unified one (a dozen in U+FA0E… are unified themselves and stay).
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || !nfkc) return 0;
  const icu::UnicodeString out = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
  if (U_FAILURE(status) || out.countChar32() != 1) return 0;
  const auto mapped = static_cast<char32_t>(out.char32At(0));
  return mapped != cp && unified(mapped) ? mapped : 0;
}

Args lookalike_args(char32_t cp, char32_t to) {
  char code[16], ideograph_code[16];
  std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(cp));
  std::snprintf(ideograph_code, sizeof ideograph_code, "%04X", static_cast<unsigned>(to));
  return {
      {"char", utf8_encode(cp)}, {"code", code}, {"ideograph", utf8_encode(to)}, {"ideograph-code", ideograph_code}};
}

}  // namespace banshi
