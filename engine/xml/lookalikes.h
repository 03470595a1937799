// Characters that print like a common ideograph but are another code
// point: Kangxi radicals (⼀ U+2F00) and CJK compatibility ideographs
// (兀 U+FA0C). Text pasted from PDFs is full of them; the printout looks
// right, but the text no longer matches a search for the ideograph.
#pragma once

#include <string>
#include <string_view>

#include "i18n/message.h"
#include "util/utf8.h"

namespace banshi {

// The unified ideograph `cp` stands for (⼀ → 一 U+4E00), or 0 when `cp` is
// not such a look-alike.
char32_t unified_lookalike(char32_t cp);

// Calls f(cp, ideograph) for each look-alike in `text`. Every look-alike is
// encoded with lead byte E2, EF or F0; the ideographs of ordinary text
// (E3–E9) are skipped without decoding.
template <class F>
void for_each_lookalike(std::string_view text, F&& f) {
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead != 0xE2 && lead != 0xEF && lead != 0xF0) {
      ++i;
      continue;
    }
    const char32_t cp = utf8_next(text, i);
    if (const char32_t to = unified_lookalike(cp)) f(cp, to);
  }
}

// The arguments of the message text.lookalike about look-alike `cp`
// printed for ideograph `to`, the same from every reader.
Args lookalike_args(char32_t cp, char32_t to);

}  // namespace banshi
