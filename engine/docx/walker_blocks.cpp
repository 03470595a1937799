// Blocks: paragraphs, tables and what wraps them.
#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "docx/package.h"
#include "docx/walker.h"
#include "util/utf8.h"

namespace banshi::docx {

namespace {

int int_val(const El* el, std::string_view w, int fallback) {
  const char* v = el ? attr(el, w, "val") : nullptr;
  if (!v || !*v) return fallback;
  const long n = std::strtol(v, nullptr, 10);
  return n < 0 || n > 1000 ? fallback : static_cast<int>(n);
}

bool is_blank_cp(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

}  // namespace

Walker::Walker(WalkContext& ctx, std::string part, const Namespaces& ns, bool numbered)
    : ctx_(ctx), part_(std::move(part)), ns_(ns), numbered_(numbered) {}

template <class F>
void Walker::each(const El* e, F&& f) const {
  const std::string& w = ns_.w;
  for (const El* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
    if (is(c, w, "sdt")) {
      if (const El* content = child(c, w, "sdtContent")) each(content, f);
    } else if (is(c, w, "customXml") || is(c, w, "ins") || is(c, w, "moveTo") || is(c, w, "smartTag")) {
      each(c, f);
    } else if (is(c, ns_.mc, "AlternateContent")) {
      if (const El* choice = child(c, ns_.mc, "Choice")) each(choice, f);
      else if (const El* fallback = child(c, ns_.mc, "Fallback")) each(fallback, f);
    } else if (is(c, w, "del") || is(c, w, "moveFrom")) {
      continue;
    } else {
      f(c);
    }
  }
}

void Walker::blocks(const El* container, std::vector<Block>& out) {
  each(container, [&](const El* c) { block(c, out); });
}

std::vector<Para> Walker::paragraphs(const El* container) {
  std::vector<Block> bs;
  blocks(container, bs);
  std::vector<Para> out;
  for (auto& b : bs) {
    if (auto* p = std::get_if<Para>(&b)) {
      out.push_back(std::move(*p));
      continue;
    }
    for (auto& row : std::get<Table>(b).rows)
      for (auto& cell : row.cells)
        for (auto& p : cell.paras) out.push_back(std::move(p));
  }
  return out;
}

void Walker::block(const El* e, std::vector<Block>& out) {
  const std::string& w = ns_.w;
  if (is(e, w, "p")) {
    paragraph(e, out);
  } else if (is(e, w, "tbl")) {
    out.emplace_back(table(e));
  } else if (is(e, w, "altChunk")) {
    ctx_.log.warn(here(), "docx.altchunk");
  }
  // w:sectPr, bookmarks, permissions, comment ranges: nothing to print.
}

void Walker::paragraph(const El* p, std::vector<Block>& out) {
  const std::string& w = ns_.w;
  int index = 0;
  if (numbered_) {
    index = ++ctx_.paragraphs;
    ctx_.openings.resize(static_cast<size_t>(index) + 1);
    at_ = index;
  }
  ParaState st(model::Pos{index > 0 ? index : at_, 0});
  Para& para = st.para;
  para.index = index;
  const El* ppr = child(p, w, "pPr");
  if (const El* ps = child(ppr, w, "pStyle"))
    if (const char* v = attr(ps, w, "val")) para.style = v;
  if (const Style* s = ctx_.styles.find(para.style)) para.style_name = s->name;
  const ParaProps direct = read_para_props(ppr, ns_);
  para.props = ctx_.styles.paragraph(para.style);
  para.props.apply(direct);
  para.direct_outline = direct.outline_level.has_value();
  para.role = ctx_.styles.role(para.style, &para.style_heading_level);
  if (para.role == StyleRole::Toc) para.in_toc = true;
  if (para.props.page_break_before.value_or(false)) para.page_break = true;
  if (para.props.numbering && para.props.numbering->num_id != 0)
    para.number = ctx_.numbering.next(*para.props.numbering);
  if (!fields_.empty())
    for (const Field& f : fields_) para.in_toc = para.in_toc || f.kind == Field::Kind::Toc;

  const std::string saved_style = para_style_;
  para_style_ = para.style;
  inlines(p, st, Format{});
  para_style_ = saved_style;

  para.content = st.out.build();
  para.all_bold = st.chars > 0 && st.bold_chars == st.chars;
  int best = 0;
  for (const auto& [font, n] : st.font_chars)
    if (n > best) {
      best = n;
      para.font = font;
    }
  best = 0;
  for (const auto& [size, n] : st.size_chars)
    if (n > best) {
      best = n;
      para.main_half_points = size;
    }
  best = 0;
  for (const auto& [spacing, n] : st.spacing_chars)
    if (n > best) {
      best = n;
      para.main_spacing = spacing;
    }
  // The opening words as Word shows them: with the number it generates.
  if (index > 0)
    ctx_.openings[static_cast<size_t>(index)] =
        opening_words(para.number && !para.number->bullet ? para.number->label + para.text : para.text, 40);
  std::vector<Para> boxes = std::move(st.boxes);
  out.emplace_back(std::move(para));
  for (auto& b : boxes) out.emplace_back(std::move(b));
}

Table Walker::table(const El* tbl) {
  const std::string& w = ns_.w;
  Table t;
  t.index = ctx_.paragraphs + 1;
  bool nested_warned = false;
  auto cell_of = [&](const El* tc, int column) {
    Cell cell;
    cell.column = column;
    const El* tcpr = child(tc, w, "tcPr");
    cell.span = std::max(1, int_val(child(tcpr, w, "gridSpan"), w, 1));
    if (const El* vm = child(tcpr, w, "vMerge")) {
      const char* v = attr(vm, w, "val");
      cell.vmerge = v && std::strcmp(v, "restart") == 0 ? Cell::Merge::Restart : Cell::Merge::Continue;
    }
    std::vector<Block> bs;
    blocks(tc, bs);
    for (auto& b : bs) {
      if (auto* p = std::get_if<Para>(&b)) {
        cell.paras.push_back(std::move(*p));
        continue;
      }
      // A table inside a cell: its cells' text, in reading order.
      if (!nested_warned) {
        ctx_.log.warn(here(), "docx.nested-table");
        nested_warned = true;
      }
      for (auto& row : std::get<Table>(b).rows)
        for (auto& c : row.cells)
          for (auto& p : c.paras) cell.paras.push_back(std::move(p));
    }
    return cell;
  };
  each(tbl, [&](const El* tr) {
    if (!is(tr, w, "tr")) return;
    Row row;
    const El* trpr = child(tr, w, "trPr");
    row.header = trpr && child(trpr, w, "tblHeader") && on_off(child(trpr, w, "tblHeader"), w);
    int column = int_val(child(trpr, w, "gridBefore"), w, 0);
    each(tr, [&](const El* tc) {
      if (!is(tc, w, "tc")) return;
      Cell c = cell_of(tc, column);
      // The old horizontal merge: a continuing cell widens the one before.
      const El* hm = child(child(tc, w, "tcPr"), w, "hMerge");
      const char* hv = hm ? attr(hm, w, "val") : nullptr;
      if (hm && !(hv && std::strcmp(hv, "restart") == 0) && !row.cells.empty()) {
        row.cells.back().span += c.span;
      } else {
        row.cells.push_back(std::move(c));
      }
      column = row.cells.back().column + row.cells.back().span;
    });
    t.rows.push_back(std::move(row));
  });
  return t;
}

std::string opening_words(std::string_view text, size_t chars) {
  std::string out;
  size_t n = 0, i = 0;
  bool blank = true;  // leading blanks dropped
  while (i < text.size() && n < chars) {
    const char32_t c = utf8_next(text, i);
    if (is_blank_cp(c)) {
      if (!blank) out += ' ';
      blank = true;
      continue;
    }
    blank = false;
    utf8_append(out, c);
    ++n;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (i < text.size()) {
    size_t j = i;
    if (!is_blank_cp(utf8_next(text, j))) {
      out += "…";
      break;
    }
    i = j;
  }
  return out;
}

}  // namespace banshi::docx
