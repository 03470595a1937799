// Which paragraphs are headings, and of what level — trying, in order, the
// evidence Word and WPS leave (issue 12): the paragraph's own outline
// level; its style's outline level through the basedOn chain; the style's
// name (heading N, 标题 N — whatever its id); Word's automatic numbering;
// and last a number typed by hand (一、 （一） 1. （1）) on a short
// paragraph set in bold or 黑体/楷体. The number in front of a heading,
// typed or generated, is not kept: the template numbers headings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "docx/body.h"
#include "util/diag.h"

namespace banshi::docx {

enum class HeadingEvidence { None, ParagraphOutline, StyleOutline, StyleName, Numbering, TypedNumber };

struct HeadingGuess {
  int level = 0;  // 1..9 as the document has it (outline level + 1); 0 = not a heading
  HeadingEvidence evidence = HeadingEvidence::None;
  // The number typed at the start of the text ("（一）", "第二章"), with the
  // characters to drop for it (blanks after it included), and the depth it
  // has in the template's scheme (一、 1, （一） 2, 1. 3, （1） 4; 0 = none).
  std::string typed;
  size_t typed_chars = 0;
  int typed_depth = 0;
  // Word's own number for the paragraph, and its depth in the scheme.
  std::string generated;
  int generated_depth = 0;
  // "1.培育新型人才。人才是…": the heading runs into its paragraph; the
  // heading is the first heading_chars characters (number included, the
  // full stop not), the paragraph what follows the full stop.
  bool run_in = false;
  size_t heading_chars = 0;
  size_t body_from = 0;
  std::optional<Message> note;  // why, when the decision was a guess
};

// `content` is the paragraph's content with leading blanks already dropped.
HeadingGuess guess_heading(const Para& p, const model::Inlines& content);

// The depth a heading number has in the template's scheme: 一、 → 1,
// （一） → 2, 1. → 3, （1） → 4, 第一章 → 1, 第一节 → 2; 0 for none.
int scheme_depth(std::string_view number);

// The number at the start of `text` — a heading number (一、 （一） 1. （1）
// １．) or a chapter prefix (第一章, 第二节, 第三部分) — or nothing.
std::optional<std::string> typed_number(std::string_view text);

// 黑体, 楷体 and their Windows and 方正 names: the faces a typed heading is
// set in.
bool is_heading_face(std::string_view font);

}  // namespace banshi::docx
