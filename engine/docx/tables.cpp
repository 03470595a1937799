// Tables: Word's grid (gridSpan across, vMerge down) as the model's
// colspan and rowspan, header rows (w:tblHeader, or a bold first row), the
// caption above (表1 …) or below, and the notes under it (注：…, 资料来源：…).
#include <map>

#include "docx/inline_edit.h"
#include "docx/structure.h"
#include "util/utf8.h"

namespace banshi::docx {

namespace {

using R = Item::Role;

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); }
bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

// "表1 …", "表 2-1 …", "图３ …": the label, a number right after it (blanks
// allowed), on a short line.
bool numbered_label(std::string_view text, std::string_view label) {
  if (!text.starts_with(label) || utf8_count(text) > 80) return false;
  size_t i = label.size();
  while (i < text.size()) {
    size_t j = i;
    if (!is_blank(utf8_next(text, j))) break;
    i = j;
  }
  if (i >= text.size()) return false;
  size_t j = i;
  return is_digit(utf8_next(text, j));
}

// The blanks between 表 (or 图) and its number go: the layout prints the
// caption as given when it starts with 表N.
void close_label_gap(model::Inlines& in, std::string_view label) {
  if (in.empty() || in.front().kind != model::InlineKind::Text) return;
  std::string& t = in.front().text;
  if (!t.starts_with(label)) return;
  size_t i = label.size();
  while (i < t.size()) {
    size_t j = i;
    if (!is_blank(utf8_next(t, j))) break;
    i = j;
  }
  t.erase(label.size(), i - label.size());
}

bool paragraph_bold(const Para& p) { return p.all_bold; }

model::Inlines joined(const std::vector<Para>& paras, std::vector<std::string>* images_warned, ImportLog& log) {
  model::Inlines out;
  for (const Para& p : paras) {
    if (!p.images.empty() && images_warned->empty()) {
      log.warn(p.index, "docx.table-picture");
      images_warned->push_back("");
    }
    model::Inlines c = p.content;
    trim_blanks(c);
    prune(c);
    if (c.empty()) continue;
    if (!out.empty()) {
      model::Inline br;
      br.kind = model::InlineKind::LineBreak;
      br.pos = {p.index, 0};
      out.push_back(std::move(br));
    }
    for (auto& n : c) out.push_back(std::move(n));
  }
  return out;
}

}  // namespace

bool looks_like_table_caption(std::string_view text) {
  return numbered_label(text, "表") || numbered_label(text, "续表") || numbered_label(text, "Table");
}

bool looks_like_table_note(std::string_view text) {
  for (std::string_view w : {"注：", "注:", "注 ：", "注释：", "说明：", "资料来源", "数据来源", "来源："})
    if (text.starts_with(w)) return true;
  return false;
}

bool looks_like_figure_caption(std::string_view text) {
  return numbered_label(text, "图") || numbered_label(text, "Figure") || numbered_label(text, "Fig.");
}

model::Table read_table(std::vector<Item>& items, size_t at, ImportLog& log) {
  const Table& t = *items[at].table();
  model::Table out;
  out.pos = {t.index, 0};

  // Rows spanned by each vMerge restart: count the continuing cells below
  // in the same grid column.
  std::vector<std::map<int, const Cell*>> by_column(t.rows.size());
  for (size_t r = 0; r < t.rows.size(); ++r)
    for (const Cell& c : t.rows[r].cells) by_column[r][c.column] = &c;

  size_t header_rows = 0;
  while (header_rows < t.rows.size() && t.rows[header_rows].header) ++header_rows;
  bool guessed_header = false;
  if (header_rows == 0 && t.rows.size() > 1 && !t.rows[0].cells.empty()) {
    bool bold = true;
    size_t texts = 0;
    for (const Cell& c : t.rows[0].cells)
      for (const Para& p : c.paras) {
        if (p.text.empty()) continue;
        ++texts;
        bold = bold && paragraph_bold(p);
      }
    if (bold && texts > 0) {
      header_rows = 1;
      guessed_header = true;
    }
  }

  std::vector<std::string> images_warned;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    model::TableRow row;
    row.pos = {
        t.rows[r].cells.empty() || t.rows[r].cells[0].paras.empty() ? t.index : t.rows[r].cells[0].paras[0].index, 0};
    for (const Cell& c : t.rows[r].cells) {
      if (c.vmerge == Cell::Merge::Continue) {
        // Part of the cell above, unless nothing above started a merge.
        bool above = false;
        for (size_t up = r; up-- > 0;) {
          auto it = by_column[up].find(c.column);
          if (it == by_column[up].end()) break;
          if (it->second->vmerge != Cell::Merge::Continue) {
            above = it->second->vmerge == Cell::Merge::Restart;
            break;
          }
        }
        if (above) continue;
      }
      model::TableCell cell;
      cell.colspan = c.span;
      cell.header = r < header_rows;
      cell.pos = {c.paras.empty() ? row.pos.line : c.paras[0].index, 0};
      if (c.vmerge == Cell::Merge::Restart) {
        for (size_t down = r + 1; down < t.rows.size(); ++down) {
          auto it = by_column[down].find(c.column);
          if (it == by_column[down].end() || it->second->vmerge != Cell::Merge::Continue) break;
          ++cell.rowspan;
        }
      }
      cell.content = joined(c.paras, &images_warned, log);
      row.cells.push_back(std::move(cell));
    }
    if (!row.cells.empty()) out.rows.push_back(std::move(row));
  }
  if (guessed_header) log.note(t.index, "docx.table-header");

  // Caption and notes, marked by the structure pass (mark_captions).
  if (at > 0 && items[at - 1].role == R::TableCaption) {
    out.caption = unwrap(items[at - 1].content, model::InlineKind::Bold);
    log.note(items[at - 1].index(), "docx.table-caption-above");
  }
  size_t k = at + 1;
  if (k < items.size() && items[k].role == R::TableCaption) {
    out.caption = unwrap(items[k].content, model::InlineKind::Bold);
    log.note(items[k].index(), "docx.table-caption-below");
    ++k;
  }
  close_label_gap(out.caption, "表");
  for (; k < items.size() && items[k].role == R::TableNote; ++k) {
    if (!out.note.empty()) {
      model::Inline br;
      br.kind = model::InlineKind::LineBreak;
      br.pos = {items[k].index(), 0};
      out.note.push_back(std::move(br));
    }
    for (auto& n : items[k].content) out.note.push_back(n);
    log.note(items[k].index(), "docx.table-note");
  }
  return out;
}

}  // namespace banshi::docx
