// The 最终成果: title, authors, abstract, keywords, the body's blocks and
// inline content, references, and the citations between them.
#include <array>
#include <system_error>
#include <unordered_map>

#include "xml/heading_number.h"
#include "xml/messages.h"
#include "xml/report_parser.h"
#include "xml/values.h"
#include "xml/whitespace.h"

namespace banshi::xml {

namespace {

using E = ElementId;
using K = model::InlineKind;

struct InlineKindOf {
  ElementId id;
  model::InlineKind kind;
};
constexpr std::array<InlineKindOf, 8> kInlineKinds{{
    {E::Bold, K::Bold},
    {E::Emphasis, K::Emphasis},
    {E::Sup, K::Sup},
    {E::Sub, K::Sub},
    {E::Footnote, K::Footnote},
    {E::Cite, K::Cite},
    {E::Link, K::Link},
    {E::LineBreak, K::LineBreak},
}};

model::InlineKind inline_kind(ElementId id) {
  for (const auto& k : kInlineKinds)
    if (k.id == id) return k.kind;
  return K::Text;
}

// No visible text: only white space, line breaks and formatting around nothing.
bool is_blank(const model::Inlines& in) {
  for (const auto& i : in) {
    if (i.kind == K::Cite) return false;
    if (i.kind == K::Text && !trim_ascii_space(i.text).empty()) return false;
    if (!is_blank(i.children)) return false;
  }
  return true;
}

model::Inline text_inline(std::string text, model::Pos pos) {
  model::Inline i;
  i.text = std::move(text);
  i.pos = pos;
  return i;
}

}  // namespace

model::Outcome ReportParser::read_outcome(const El& el) {
  auto scope = open(el, E::Outcome);
  model::Outcome o;
  o.pos = pos(&el);
  each_child(el, [&](const El& child, ElementId id) {
    switch (id) {
      case E::OutcomeTitle:
        o.title = read_inline_block(child, id);
        o.title_pos = pos(&child);
        break;
      case E::Authors: o.authors = read_authors(child); break;
      case E::Abstract:
        o.abstract = read_inline_block(child, id);
        o.abstract_pos = pos(&child);
        break;
      case E::Keywords: {
        auto keywords = open(child, id);
        o.keywords_pos = pos(&child);
        each_child(child, [&](const El& k, ElementId kid) { o.keywords.push_back(read_field(k, kid).value); });
        break;
      }
      case E::Body: {
        auto body = open(child, id);
        o.body = read_blocks(child);
        break;
      }
      case E::References:
        o.references_pos = pos(&child);
        o.references = read_references(child);
        break;
      default: break;
    }
  });
  // References may come after the text that cites them: check at the end.
  check_citations(o);
  return o;
}

std::vector<model::Author> ReportParser::read_authors(const El& el) {
  auto scope = open(el, E::Authors);
  std::vector<model::Author> authors;
  each_child(el, [&](const El& child, ElementId id) {
    const model::Field name = read_field(child, id);
    authors.push_back({std::string(attribute(child, "role")), name.value, name.pos});
  });
  return authors;
}

std::vector<model::Reference> ReportParser::read_references(const El& el) {
  auto scope = open(el, E::References);
  std::vector<model::Reference> refs;
  std::unordered_map<std::string, model::Pos> ids;
  each_child(el, [&](const El& child, ElementId id) {
    auto ref = open(child, id);
    model::Reference r{std::string(attribute(child, "id")), block_content(child), pos(&child)};
    const auto [it, fresh] = ids.emplace(r.id, r.pos);
    if (!fresh)
      fail_at(map_.attr_value_pos(&child, "id"), path_with("@id"), attribute_label(id, "id"),
              "\"" + r.id + "\" is already the id of the reference at " + where(it->second));
    reference_paths_.push_back(path_with());
    refs.push_back(std::move(r));
  });
  return refs;
}

void ReportParser::check_citations(const model::Outcome& outcome) {
  std::unordered_map<std::string_view, size_t> index;
  for (size_t k = 0; k < outcome.references.size(); ++k) index.emplace(outcome.references[k].id, k);
  std::vector<bool> cited(outcome.references.size());
  for (const auto& c : cites_) {
    const auto it = index.find(c.id);
    if (it == index.end()) fail_at(c.pos, c.path, c.label, "refers to \"" + c.id + "\", which is not in <references>");
    cited[it->second] = true;
  }
  // Many reports list 参考文献 without citing them in the text: one
  // warning says so, rather than one per reference.
  if (cites_.empty() && outcome.references.size() > 1) {
    warn_at(outcome.references_pos, "<outcome>/<references>", element_label(E::References),
            "none of the " + std::to_string(outcome.references.size()) +
                " references is cited (no <cite ref=\"…\"/> in the text)");
    return;
  }
  for (size_t k = 0; k < cited.size(); ++k)
    if (!cited[k])
      warn_at(outcome.references[k].pos, reference_paths_[k], element_label(E::Reference), "is never cited");
}

// ---------------------------------------------------------------- blocks

model::Blocks ReportParser::read_blocks(const El& el) {
  model::Blocks blocks;
  each_child(el, [&](const El& child, ElementId id) {
    switch (id) {
      case E::Paragraph: blocks.push_back({read_paragraph(child)}); break;
      case E::Section: blocks.push_back({read_section(child)}); break;
      case E::List: blocks.push_back({read_list(child)}); break;
      case E::Table: blocks.push_back({read_table(child)}); break;
      case E::Figure: blocks.push_back({read_figure(child)}); break;
      case E::Quote: blocks.push_back({read_quote(child)}); break;
      default: break;  // <h>: read by read_section
    }
  });
  return blocks;
}

model::Section ReportParser::read_section(const El& el) {
  const int depth = label_context().section_depth + 1;
  if (depth > kMaxSectionDepth)
    fail_at(pos(&el), path_with("<section>"), label_of(E::Section),
            "is nested " + std::to_string(depth) + " deep; sections go at most " + std::to_string(kMaxSectionDepth) +
                " deep (一级标题 to 四级标题)");
  auto scope = open(el, E::Section);
  model::Section s;
  s.pos = pos(&el);
  s.depth = depth;
  s.numbered = !has_attribute(el, "numbered") || yes(attribute(el, "numbered"));
  if (has_attribute(el, "run-in")) s.run_in = yes(attribute(el, "run-in"));
  const El& heading = *el.FirstChildElement();  // <h> comes first: checked by open()
  s.heading = read_heading(heading, s.numbered);
  s.heading_pos = pos(&heading);
  s.blocks = read_blocks(el);
  return s;
}

model::Inlines ReportParser::read_heading(const El& el, bool numbered) {
  auto scope = open(el, E::Heading);
  model::Inlines heading = block_content(el);
  if (!numbered) return heading;  // numbered="no": the author numbers by hand
  if (auto number = leading_heading_number(model::plain_text(heading)))
    warn_at(pos(&el), path_with(), label(),
            "starts with its own number \"" + *number +
                "\", and the engine numbers headings too, so it would print twice; remove it, or "
                "set numbered=\"no\" on the <section>");
  return heading;
}

model::Paragraph ReportParser::read_paragraph(const El& el) { return {read_inline_block(el, E::Paragraph), pos(&el)}; }

model::ListBlock ReportParser::read_list(const El& el) {
  auto scope = open(el, E::List);
  model::ListBlock list;
  list.pos = pos(&el);
  list.ordered = attribute(el, "type") == "ordered";
  each_child(el, [&](const El& item, ElementId id) {
    list.items.push_back(read_inline_block(item, id));
    list.item_pos.push_back(pos(&item));
  });
  return list;
}

model::Table ReportParser::read_table(const El& el) {
  auto scope = open(el, E::Table);
  model::Table table;
  table.pos = pos(&el);
  each_child(el, [&](const El& child, ElementId id) {
    switch (id) {
      case E::TableCaption: table.caption = read_inline_block(child, id); break;
      case E::TableRow: table.rows.push_back(read_row(child)); break;
      case E::TableNote: table.note = read_inline_block(child, id); break;
      default: break;
    }
  });
  return table;
}

model::TableRow ReportParser::read_row(const El& el) {
  auto scope = open(el, E::TableRow);
  model::TableRow row;
  row.pos = pos(&el);
  each_child(el, [&](const El& cell, ElementId id) {
    auto cell_scope = open(cell, id);
    model::TableCell c;
    c.header = id == E::HeaderCell;
    c.colspan = parse_positive_int(attribute(cell, "colspan"), kMaxSpan).value_or(1);
    c.rowspan = parse_positive_int(attribute(cell, "rowspan"), kMaxSpan).value_or(1);
    c.pos = pos(&cell);
    c.content = block_content(cell);
    row.cells.push_back(std::move(c));
  });
  return row;
}

model::Figure ReportParser::read_figure(const El& el) {
  auto scope = open(el, E::Figure);
  model::Figure f;
  f.pos = pos(&el);
  f.src = attribute(el, "src");
  // Only the name: the image stage finds the file under the allowed roots
  // (and says nothing of files outside them).
  f.image = {model::FigureImage::Origin::File, f.src, nullptr};
  f.src_pos = map_.attr_value_pos(&el, "src");
  f.src_path = path_with("@src");
  f.src_label = attribute_label(E::Figure, "src");
  if (has_attribute(el, "width")) f.width_pt = parse_width_pt(attribute(el, "width"));
  each_child(el, [&](const El& caption, ElementId id) { f.caption = read_inline_block(caption, id); });
  return f;
}

model::Quote ReportParser::read_quote(const El& el) {
  auto scope = open(el, E::Quote);
  model::Quote q;
  q.pos = pos(&el);
  bool paragraphs = false;
  for (const El* c = el.FirstChildElement(); c; c = c->NextSiblingElement())
    paragraphs = paragraphs || spec(E::Paragraph).name == c->Name();
  if (!paragraphs) {
    q.paragraphs.push_back({block_content(el), pos(&el)});
    return q;
  }
  // With <p> in it, a quote is a list of paragraphs and nothing else.
  for (const auto* node = el.FirstChild(); node; node = node->NextSibling()) {
    if (const auto* text = node->ToText()) {
      if (trim_ascii_space(text->Value()).empty()) continue;
      fail_here(pos(text), "mixes text with <p> paragraphs; put all of its text in <p> elements");
    }
    const El* child = node->ToElement();
    if (!child) continue;
    if (spec(E::Paragraph).name != child->Name())
      fail_at(pos(child), path_with("<" + std::string(child->Name()) + ">"), "",
              "is not allowed here; a <quote> with <p> paragraphs holds only <p> elements");
    q.paragraphs.push_back(read_paragraph(*child));
  }
  return q;
}

// ---------------------------------------------------------------- inline

model::Inlines ReportParser::read_inline_block(const El& el, ElementId id) {
  auto scope = open(el, id);
  return block_content(el);
}

model::Inlines ReportParser::block_content(const El& el) {
  model::Inlines content = read_inlines(el);
  normalize_block(content);
  if (spec(frames_.back().id).non_empty && is_blank(content)) fail_here(pos(&el), "is empty");
  return content;
}

model::Inlines ReportParser::read_inlines(const El& el) {
  model::Inlines out;
  for (const auto* node = el.FirstChild(); node; node = node->NextSibling()) {
    // tinyxml2 drops white space between elements; it may be the only
    // space between two words (`<b>x</b> <em>y</em>`).
    if (map_.blank_before(node)) out.push_back(text_inline(" ", pos(node)));
    if (const auto* text = node->ToText()) {
      check_lookalikes(text->Value(), pos(text));
      out.push_back(text_inline(text->Value(), pos(text)));
    } else if (const auto* child = node->ToElement())
      out.push_back(read_inline_element(*child, find_child(frames_.back().id, child->Name())->id));
  }
  if (map_.blank_before_end(&el)) out.push_back(text_inline(" ", pos(&el)));
  return out;
}

model::Inline ReportParser::read_inline_element(const El& el, ElementId id) {
  auto scope = open(el, id);
  model::Inline in;
  in.kind = inline_kind(id);
  in.pos = pos(&el);
  switch (in.kind) {
    case K::Cite:
      in.refs = split_ids(attribute(el, "ref"));
      for (const auto& ref : in.refs) cites_.push_back({ref, in.pos, path_with(), label()});
      break;
    case K::LineBreak: break;
    case K::Link: {
      in.href = attribute(el, "href");
      if (auto problem = check_href(in.href)) fail_here(pos(&el), *problem);
      in.children = read_inlines(el);
      break;
    }
    default: in.children = read_inlines(el);
  }
  if (spec(id).non_empty && is_blank(in.children)) fail_here(pos(&el), "is empty");
  return in;
}

}  // namespace banshi::xml
