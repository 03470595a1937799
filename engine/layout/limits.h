// The limits that keep hostile input from taking unbounded time or memory
// (LayoutOptions): past them a report is refused where it passes them,
// with the limit in the message.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"
#include "para/collect.h"
#include "util/diag.h"

namespace banshi {

// What a block of text is, for the message: its element and the form's label.
struct TextBlockKind {
  std::string_view path;
  std::string_view label;
};

inline constexpr TextBlockKind kParagraphText{"<p>", "正文段落"};
inline constexpr TextBlockKind kListItemText{"<item>", "列表项"};
inline constexpr TextBlockKind kQuoteText{"<quote>", "引文"};
inline constexpr TextBlockKind kNoteText{"<fn>", "脚注"};
inline constexpr TextBlockKind kTitleText{"<title>", "标题"};
inline constexpr TextBlockKind kAuthorsText{"<author>", "作者"};
inline constexpr TextBlockKind kAbstractText{"<abstract>", "摘要"};
inline constexpr TextBlockKind kKeywordsText{"<keywords>", "关键词"};
inline constexpr TextBlockKind kHeadingText{"<h>", "标题"};
inline constexpr TextBlockKind kReferenceText{"<ref>", "参考文献"};
inline constexpr TextBlockKind kFigureCaptionText{"<caption>", "图题"};
inline constexpr TextBlockKind kTableCaptionText{"<caption>", "表题"};
inline constexpr TextBlockKind kTableNoteText{"<note>", "表注"};
inline constexpr TextBlockKind kCellText{"<td>", "单元格"};
inline constexpr TextBlockKind kHeaderCellText{"<th>", "表头单元格"};

// Refuses (InputError at `at`: report.loc(pos)) a block of text of more
// than `max` characters: every block, not only paragraphs, is set by the
// same line breaker, whose time and memory grow with the block.
void check_text_length(const CollectedText& text, size_t max, const SourceLoc& at, const TextBlockKind& kind);

}  // namespace banshi
