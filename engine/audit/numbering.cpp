#include "audit/numbering.h"

#include "util/utf8.h"

namespace banshi::audit {

namespace {

bool is_zh_numeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百零〇两").find(c) != std::u32string_view::npos;
}
bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

// The full-width twin of an ASCII punctuation mark, and back.
char32_t twin(char32_t c) {
  if (c >= 0x21 && c <= 0x7E) return c + 0xFEE0;
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  return c;
}

}  // namespace

size_t match_numbering(std::string_view format, const std::u32string& text) {
  size_t t = 0;
  for (size_t f = 0; f < format.size();) {
    if (format.substr(f, 4) == "{zh}") {
      const size_t from = t;
      while (t < text.size() && is_zh_numeral(text[t])) ++t;
      if (t == from || t - from > 3) return 0;
      f += 4;
      continue;
    }
    if (format.substr(f, 3) == "{n}") {
      const size_t from = t;
      while (t < text.size() && is_digit(text[t])) ++t;
      if (t == from || t - from > 3) return 0;
      f += 3;
      continue;
    }
    const char32_t c = utf8_next(format, f);
    if (c == ' ') continue;
    while (t < text.size() && (text[t] == ' ' || text[t] == 0x3000)) ++t;
    if (t >= text.size() || (text[t] != c && text[t] != twin(c))) return 0;
    ++t;
  }
  // The heading's words follow; a digit would make it a number (1.5).
  if (t >= text.size() || is_digit(text[t])) return 0;
  return t;
}

}  // namespace banshi::audit
