// Reading a filled-in form: values found after their printed labels, the
// way an applicant fills the federation's Word file — tolerant of spaces
// inside labels ("立 项 编 号"), of label and value in one cell or two, of
// tab-separated lines, of underlines typed as ____, of dates written
// "2025 年 10 月 15 日" or "2025.10.15", and of boxes ticked as ☑ ☒ √ or
// （√）. What the values mean is the field table's business; this only
// finds them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "docx/body.h"

namespace banshi::docx {

// A value found on the form, and the paragraph it was written in.
struct FormValue {
  std::string text;
  int paragraph = 0;
};

// Text compared without blanks (space, tab, U+3000, U+00A0) and without a
// colon at its end: "立 项 编 号：" and "立项编号" are the same label.
std::string label_key(std::string_view text);

// "2025 年 10 月 15 日", "2025.10.15", "2025/10/15", "2025-10-15" → "2025-10-15";
// "1979 年 12 月", "1979.12" → "1979-12"; nullopt for anything else. Full-width
// digits are read as digits.
std::optional<std::string> form_date(std::string_view text);

// The state of a box written right after (or right before) an option word:
// true ☑ ☒ √ ✓ ✔ ■ （√）, false ☐ □ （ ）, nullopt when there is no box.
// `text` starts after the option word.
std::optional<bool> box_after(std::string_view text);

class FormText {
 public:
  // The form's blocks: everything before the report. `labels` are the
  // form's labels (label_key form): a value is never taken from a cell or
  // segment that is one of them, so a blank field does not take the next
  // field's label as its value.
  explicit FormText(std::span<const Block> blocks, std::vector<std::string> labels = {});

  // The value after the label that starts a line, a tab-separated segment
  // or a table cell: the rest of it after a colon and blanks, else the next
  // segment or the next cell of the row. Searched in the lines and the
  // tables outside `skip_table` (the change table holds labels of its own).
  std::optional<FormValue> after_label(std::string_view label, const Table* skip_table = nullptr) const;

  // Which of `options` ("是", "否") is ticked on the line (or table row)
  // that holds `question`: its index; -1 when none is ticked, -2 when more
  // than one; nullopt when the question is not on the form.
  struct Choice {
    int index = -1;
    int paragraph = 0;
  };
  std::optional<Choice> ticked(std::string_view question, std::span<const std::string_view> options) const;

  // The first table with a cell whose label is `label`.
  const Table* table_with(std::string_view label) const;

  // The paragraphs and tables read.
  std::span<const Block> blocks() const { return blocks_; }

  // Does `text` (a cell's, a segment's) start with one of the form's labels?
  bool is_label(std::string_view text) const;

 private:
  std::span<const Block> blocks_;
  std::vector<std::string> labels_;
};

// The text of a cell, its paragraphs joined by spaces.
std::string cell_text(const Cell& c);
int cell_paragraph(const Cell& c, int fallback);

}  // namespace banshi::docx
