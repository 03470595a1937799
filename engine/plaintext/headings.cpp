#include "plaintext/headings.h"

#include "docx/headings.h"
#include "plaintext/blocks.h"
#include "util/utf8.h"

namespace banshi::plaintext {

namespace {

bool is_sentence_end(char32_t c) { return c == U'。' || c == U'！' || c == U'？' || c == U'；'; }

}  // namespace

std::optional<TypedHeading> typed_heading(std::string_view paragraph) {
  // The numbers the Word importer reads typed headings by, with the same
  // levels: 一、 第一章 → 1, （一） 第一节 → 2, 1. → 3, （1） → 4.
  const auto number = docx::typed_number(paragraph);
  if (!number) return std::nullopt;
  const std::string_view rest = trim(paragraph.substr(number->size()));
  if (rest.empty()) return std::nullopt;

  TypedHeading h;
  h.level = docx::scheme_depth(*number);
  // Where the first sentence ends, and whether that is the end of the text.
  size_t i = 0, chars = 0, sentence_end = std::string_view::npos, after = 0;
  while (i < rest.size()) {
    const char32_t c = utf8_next(rest, i);
    ++chars;
    if (is_sentence_end(c) && sentence_end == std::string_view::npos) {
      sentence_end = chars;
      after = i;
    }
  }
  const bool one_phrase = sentence_end == std::string_view::npos || after == rest.size();
  if (one_phrase && chars <= kMaxHeadingChars) {
    std::string_view text = rest;
    // A heading typed with a full stop: the template does not print one.
    if (after == rest.size() && sentence_end != std::string_view::npos) text = rest.substr(0, rest.rfind("。"));
    h.text = std::string(text.empty() ? rest : text);
    return h;
  }
  if (h.level >= 3 && sentence_end != std::string_view::npos && sentence_end <= kMaxRunInChars + 1 &&
      rest.substr(0, after).ends_with("。")) {
    h.run_in = true;
    h.text = std::string(rest.substr(0, after - std::string_view("。").size()));
    h.run_in_body = std::string(trim_start(rest.substr(after)));
    if (!h.text.empty() && !h.run_in_body.empty()) return h;
  }
  return std::nullopt;
}

}  // namespace banshi::plaintext
