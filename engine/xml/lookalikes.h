// Characters that print like a common ideograph but are another code
// point: Kangxi radicals (⼀ U+2F00) and CJK compatibility ideographs
// (兀 U+FA0C). Text pasted from PDFs is full of them; the printout looks
// right, but the text no longer matches a search for the ideograph.
#pragma once

namespace banshi {

// The unified ideograph `cp` stands for (⼀ → 一 U+4E00), or 0 when `cp` is
// not such a look-alike.
char32_t unified_lookalike(char32_t cp);

}  // namespace banshi
