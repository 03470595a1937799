#include "layout/caption_label.h"

#include "layout/flow.h"
#include "para/char_class.h"
#include "util/utf8.h"

namespace banshi {

namespace {

// Bytes of the digit at text[at]: 1 for 0–9, 3 for a full-width ０–９.
size_t digit_bytes(const std::string& text, size_t at) {
  if (at < text.size() && text[at] >= '0' && text[at] <= '9') return 1;
  if (at + 2 < text.size() && text.compare(at, 2, "\xEF\xBC") == 0 &&
      static_cast<unsigned char>(text[at + 2]) >= 0x90 && static_cast<unsigned char>(text[at + 2]) <= 0x99)
    return 3;
  return 0;
}

}  // namespace

model::Inlines with_label_space(const model::Inlines& caption, std::string_view prefix) {
  model::Inlines out = caption;
  if (out.empty() || out.front().kind != model::InlineKind::Text) return out;
  std::string& text = out.front().text;
  if (!text.starts_with(prefix)) return out;
  size_t at = prefix.size();
  const size_t digits_from = at;
  while (const size_t n = digit_bytes(text, at)) at += n;
  if (at == digits_from) return out;
  size_t words = at;
  while (words < text.size() && text[words] == ' ') ++words;
  if (words == text.size()) return out;
  size_t next = words;
  const char32_t first = utf8_next(text, next);
  // "图1-2", "表1." and the like are not a number followed by words.
  if (words == at && char_class(first) != CharClass::Ideographic) return out;
  if (first == 0x3000) return out;
  text.replace(at, words - at, kCaptionLabelSpace);
  return out;
}

}  // namespace banshi
