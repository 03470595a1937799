#include "docx/structure.h"

#include <algorithm>

#include "docx/inline_edit.h"
#include "util/utf8.h"

namespace banshi::docx {

namespace {

using R = Item::Role;

constexpr int kMaxDepth = 4;  // the template numbers four levels

bool blank(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const char32_t c = utf8_next(s, i);
    if (c != ' ' && c != '\t' && c != 0x3000 && c != 0xA0) return false;
  }
  return true;
}

bool has_node(const model::Inlines& in, model::InlineKind kind) {
  for (const auto& n : in)
    if (n.kind == kind || has_node(n.children, kind)) return true;
  return false;
}

std::string squeezed(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    const char32_t c = utf8_next(s, i);
    if (c != ' ' && c != '\t' && c != 0x3000 && c != 0xA0) utf8_append(out, c);
  }
  return out;
}

// Items in reading order, without what is not printed: empty paragraphs,
// the generated table of contents.
std::vector<Item> collect(const StructureInput& in) {
  std::vector<Item> items;
  bool toc_noted = false, break_noted = false;
  for (Block& b : in.body.blocks) {
    Item it;
    it.block = &b;
    if (Para* p = it.para()) {
      if (p->in_toc) {
        if (!toc_noted) {
          in.log.note(p->index, "docx.toc-dropped");
          toc_noted = true;
          // Its heading, "目录" on a line of its own, goes with it.
          if (!items.empty() && items.back().para() && squeezed(items.back().text) == "目录") items.pop_back();
        }
        continue;
      }
      if (p->page_break && !break_noted) {
        in.log.note(p->index, "docx.page-breaks");
        break_noted = true;
      }
      it.content = p->content;
      trim_blanks(it.content);
      prune(it.content);
      it.text = visible_text(it.content);
      if (blank(it.text) && p->images.empty() && !has_node(it.content, model::InlineKind::Footnote)) continue;
      if (p->from_text_box) in.log.note(p->index, "docx.text-box");
    } else if (it.table()->rows.empty()) {
      continue;
    }
    items.push_back(std::move(it));
  }
  return items;
}

// Captions and notes belong to the table or picture next to them.
void mark_captions(std::vector<Item>& items) {
  auto body_para = [&](size_t k) { return k < items.size() && items[k].para() && items[k].role == R::Body; };
  for (size_t k = 0; k < items.size(); ++k) {
    if (items[k].table()) {
      size_t after = k + 1;
      if (k > 0 && body_para(k - 1) && looks_like_table_caption(items[k - 1].text)) {
        items[k - 1].role = R::TableCaption;
      } else if (body_para(after) && looks_like_table_caption(items[after].text) &&
                 !(after + 1 < items.size() && items[after + 1].table())) {
        items[after].role = R::TableCaption;
        ++after;
      }
      while (body_para(after) && looks_like_table_note(items[after].text)) items[after++].role = R::TableNote;
    } else if (Para* p = items[k].para(); p && !p->images.empty()) {
      if (body_para(k + 1) && looks_like_figure_caption(items[k + 1].text)) items[k + 1].role = R::FigureCaption;
      else if (k > 0 && body_para(k - 1) && looks_like_figure_caption(items[k - 1].text))
        items[k - 1].role = R::FigureCaption;
    }
  }
}

// Depths from the levels the document gives: style levels shifted when the
// document's top headings are not level 1 (heading 1 kept for the title),
// jumps closed up, numbers that disagree with the level warned of.
void assign_depths(std::vector<Item>& items, size_t from, ImportLog& log) {
  int min_style = 10;
  for (size_t k = from; k < items.size(); ++k) {
    const Item& it = items[k];
    if (it.role != R::Heading) continue;
    const auto e = it.heading.evidence;
    if (e != HeadingEvidence::Numbering && e != HeadingEvidence::TypedNumber)
      min_style = std::min(min_style, it.heading.level);
  }
  const int shift = min_style < 10 ? min_style - 1 : 0;
  bool shift_noted = false;
  int current = 0;
  for (size_t k = from; k < items.size(); ++k) {
    Item& it = items[k];
    if (it.role == R::ReferencesHeading) {
      current = 0;
      continue;
    }
    if (it.role != R::Heading) continue;
    const auto e = it.heading.evidence;
    const bool by_style = e != HeadingEvidence::Numbering && e != HeadingEvidence::TypedNumber;
    int depth = it.heading.level - (by_style ? shift : 0);
    if (by_style && shift > 0 && !shift_noted) {
      log.note(it.index(), "docx.headings-shifted", {{"level", min_style}});
      shift_noted = true;
    }
    if (depth > kMaxDepth) {
      log.warn(it.index(), "docx.heading-too-deep", {{"level", depth}});
      it.role = R::Body;
      model::Inline b;
      b.kind = model::InlineKind::Bold;
      b.pos = {it.index(), 0};
      b.children = unwrap(it.content, model::InlineKind::Bold);
      it.content = {std::move(b)};
      continue;
    }
    if (depth > current + 1) {
      log.warn(it.index(), "docx.heading-jump", {{"from", current}, {"to", depth}, {"printed", current + 1}});
      depth = current + 1;
    }
    it.depth = depth;
    current = depth;
    const HeadingGuess& h = it.heading;
    if (h.typed_depth > 0 && h.typed_depth != depth && h.generated.empty())
      log.warn(it.index(), "docx.typed-number-level",
               {{"number", h.typed}, {"number-level", h.typed_depth}, {"level", depth}});
    else if (h.generated_depth > 0 && h.generated_depth != depth)
      log.warn(it.index(), "docx.generated-number-level",
               {{"number", h.generated}, {"number-level", h.generated_depth}, {"level", depth}});
  }
}

// A heading's text: the typed number left out, the run-in paragraph split
// off, bold dropped (the template sets headings in their own face).
model::Inlines heading_text(Item& it, model::Inlines* run_in_body, ImportLog& log) {
  const HeadingGuess& h = it.heading;
  model::Inlines content = it.content;
  if (h.run_in) {
    auto [head, rest] = split_at(content, h.body_from);
    content = std::move(head);
    // The heading's own full stop: the template adds 。 itself.
    const std::string t = visible_text(content);
    if (t.ends_with("。")) content = split_at(content, char_count(t) - 1).first;
    trim_blanks(rest);
    if (run_in_body) *run_in_body = std::move(rest);
  }
  if (h.typed_chars > 0) {
    drop_leading(content, h.typed_chars);
    if (h.evidence != HeadingEvidence::TypedNumber)
      log.note(it.index(), "docx.typed-number-dropped", {{"number", h.typed}});
  }
  content = unwrap(std::move(content), model::InlineKind::Bold);
  trim_blanks(content);
  prune(content);
  return content;
}

// Numbered paragraphs that are not headings: bullets become a list, and
// Word's own "1." numbering an ordered list; other numbers (（1）, ①, a.)
// are kept in front of the text, as the reader saw them.
bool is_plain_list(const Para& p) {
  if (!p.number || p.number->label.empty()) return false;
  if (p.number->bullet) return true;
  return p.number->format == "decimal" && p.number->pattern.size() == 3 && p.number->pattern[0] == '%' &&
         p.number->pattern[2] == '.';
}

}  // namespace

model::Outcome build_outcome(const StructureInput& in) {
  std::vector<Item> items = collect(in);
  model::Outcome out;
  const size_t start = read_front_matter(items, out, in);

  size_t headings = 0;
  for (size_t k = start; k < items.size(); ++k) {
    Item& it = items[k];
    Para* p = it.para();
    if (!p || it.role != R::Body) continue;
    std::string text = it.text;
    if (auto n = typed_number(text)) text = text.substr(n->size());
    if (is_references_heading(text)) {
      it.role = R::ReferencesHeading;
      continue;
    }
    it.heading = guess_heading(*p, it.content);
    if (it.heading.level > 0) {
      it.role = R::Heading;
      ++headings;
      if (it.heading.note) in.log.note(p->index, it.heading.note->code, it.heading.note->args);
    } else if (is_plain_list(*p)) {
      it.role = R::ListItem;
    }
  }
  mark_captions(items);
  assign_depths(items, start, in.log);

  // The sections, opened and closed as headings come.
  struct Open {
    model::Blocks* blocks;
    int depth;
  };
  std::vector<Open> stack{{&out.body, 0}};
  auto add = [&](model::Block b) { stack.back().blocks->push_back(std::move(b)); };
  for (size_t k = start; k < items.size(); ++k) {
    Item& it = items[k];
    const model::Pos pos{it.index(), 0};
    if (it.table()) {
      add(model::Block{read_table(items, k, in.log)});
      continue;
    }
    switch (it.role) {
      case R::Heading: {
        model::Inlines body;
        model::Section s;
        s.heading = heading_text(it, &body, in.log);
        if (s.heading.empty()) {
          // Nothing but a number: not a heading after all.
          if (!it.content.empty()) add(model::Block{model::Paragraph{it.content, pos}});
          break;
        }
        s.heading_pos = pos;
        s.pos = pos;
        s.depth = it.depth;
        if (it.heading.run_in) s.run_in = true;
        while (stack.back().depth >= it.depth) stack.pop_back();
        if (!body.empty()) s.blocks.push_back(model::Block{model::Paragraph{std::move(body), pos}});
        add(model::Block{std::move(s)});
        auto& sec = std::get<model::Section>(stack.back().blocks->back().node);
        stack.push_back({&sec.blocks, it.depth});
        break;
      }
      case R::ReferencesHeading: {
        size_t end = k + 1;
        while (end < items.size() && items[end].role != R::Heading) ++end;
        out.references = read_references(items, k, end, in.log);
        out.references_pos = pos;
        stack.resize(1);
        k = end - 1;
        break;
      }
      case R::ListItem: {
        model::ListBlock list;
        list.ordered = !it.para()->number->bullet;
        list.pos = pos;
        const int num = it.para()->props.numbering->num_id;
        size_t j = k;
        for (; j < items.size() && items[j].role == R::ListItem && items[j].para()->props.numbering->num_id == num &&
               items[j].para()->number->bullet == !list.ordered;
             ++j) {
          list.items.push_back(items[j].content);
          list.item_pos.push_back({items[j].index(), 0});
        }
        add(model::Block{std::move(list)});
        k = j - 1;
        break;
      }
      case R::Body: {
        Para& p = *it.para();
        model::Inlines content = it.content;
        if (p.number && !p.number->label.empty()) {
          // Word's number, as the reader saw it, in front of the text.
          model::Inline label;
          label.kind = model::InlineKind::Text;
          label.text = p.number->label;
          label.pos = pos;
          content.insert(content.begin(), std::move(label));
        }
        if (!blank(visible_text(content)) || has_node(content, model::InlineKind::Footnote))
          add(model::Block{model::Paragraph{std::move(content), pos}});
        if (!p.images.empty())
          for (auto& f : read_figures(items, k, in)) add(model::Block{std::move(f)});
        break;
      }
      case R::Title:
      case R::Subtitle:
      case R::Author:
      case R::Abstract:
      case R::Keywords:
      case R::Dropped:
      case R::Reference:
      case R::TableCaption:
      case R::TableNote:
      case R::FigureCaption: break;
    }
  }

  if (headings == 0 && !out.body.empty()) in.log.warn(0, "docx.no-headings");
  link_citations(out, in.log);
  return out;
}

}  // namespace banshi::docx
