// The 最终成果: title, authors, abstract, keywords, the body's blocks and
// inline content, references, and the citations between them.
#include <array>
#include <system_error>
#include <unordered_map>

#include "xml/heading_number.h"
#include "xml/messages.h"
#include "xml/report_parser.h"
#include "xml/schema.h"
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
  auto scope = check_.open(el, Kind{E::Outcome});
  model::Outcome o;
  o.pos = pos(&el);
  for (const auto& [child, kind] : check_.children()) {
    switch (kind.id) {
      case E::OutcomeTitle:
        o.title = read_inline_block(*child, kind.id);
        o.title_pos = pos(child);
        break;
      case E::Authors: o.authors = read_authors(*child); break;
      case E::Abstract:
        o.abstract = read_inline_block(*child, kind.id);
        o.abstract_pos = pos(child);
        break;
      case E::Keywords: {
        auto keywords = check_.open(*child, kind);
        o.keywords_pos = pos(child);
        for (const auto& [k, kk] : check_.children()) o.keywords.push_back(text_of(*k, kk.id));
        break;
      }
      case E::Body: {
        auto body = check_.open(*child, kind);
        o.body = read_blocks();
        break;
      }
      case E::References:
        o.references_pos = pos(child);
        o.references = read_references(*child);
        break;
      default: break;
    }
  }
  // References may come after the text that cites them: check at the end.
  check_citations(o);
  return o;
}

// A plain-text element of the outcome (<author>, <k>), checked to be not empty.
std::string ReportParser::text_of(const El& el, ElementId id) {
  auto scope = check_.open(el, Kind{id});
  std::string text = field_text(el);
  check_lookalikes(text, pos(&el));
  if (check_.clean() && text.empty() && spec(id).non_empty) check_.error_here(pos(&el), "element.empty");
  return text;
}

std::vector<model::Author> ReportParser::read_authors(const El& el) {
  auto scope = check_.open(el, Kind{E::Authors});
  std::vector<model::Author> authors;
  for (const auto& [child, kind] : check_.children())
    authors.push_back({std::string(attribute(*child, "role")), text_of(*child, kind.id), pos(child)});
  return authors;
}

std::vector<model::Reference> ReportParser::read_references(const El& el) {
  auto scope = check_.open(el, Kind{E::References});
  std::vector<model::Reference> refs;
  std::unordered_map<std::string, model::Pos> ids;
  for (const auto& [child, kind] : check_.children()) {
    auto ref = check_.open(*child, kind);
    model::Reference r{std::string(attribute(*child, "id")), block_content(*child), pos(child)};
    const auto [it, fresh] = ids.emplace(r.id, r.pos);
    if (!fresh && !r.id.empty())
      check_.error_at(check_.map().attr_value_pos(child, "id"), check_.path_with("@id"),
                      check_.attribute_label_of(kind, "id"), "reference.duplicate-id",
                      {{"id", r.id}, {"line", it->second.line}, {"column", it->second.column}});
    reference_paths_.push_back(check_.path_with());
    refs.push_back(std::move(r));
  }
  return refs;
}

void ReportParser::check_citations(const model::Outcome& outcome) {
  std::unordered_map<std::string_view, size_t> index;
  for (size_t k = 0; k < outcome.references.size(); ++k) index.emplace(outcome.references[k].id, k);
  std::vector<bool> cited(outcome.references.size());
  for (const auto& c : cites_) {
    const auto it = index.find(c.id);
    if (it == index.end()) {
      check_.error_at(c.pos, c.path, c.label, "cite.unknown", {{"id", c.id}});
      continue;
    }
    cited[it->second] = true;
  }
  // Many reports list 参考文献 without citing them in the text: one
  // warning says so, rather than one per reference.
  if (cites_.empty() && outcome.references.size() > 1) {
    check_.warn_at(outcome.references_pos, "<outcome>/<references>", element_label(E::References),
                   "references.none-cited", {{"count", outcome.references.size()}});
    return;
  }
  for (size_t k = 0; k < cited.size(); ++k)
    if (!cited[k])
      check_.warn_at(outcome.references[k].pos, reference_paths_[k], element_label(E::Reference),
                     "reference.not-cited");
}

// ---------------------------------------------------------------- blocks

// The blocks of the current element (<body>, <section>).
model::Blocks ReportParser::read_blocks() {
  model::Blocks blocks;
  const std::vector<Checker::Accepted> children = check_.children();
  for (const auto& [child, kind] : children) {
    switch (kind.id) {
      case E::Paragraph: blocks.push_back({read_paragraph(*child)}); break;
      case E::Section:
        if (auto s = read_section(*child)) blocks.push_back({std::move(*s)});
        break;
      case E::List: blocks.push_back({read_list(*child)}); break;
      case E::Table: blocks.push_back({read_table(*child)}); break;
      case E::Figure: blocks.push_back({read_figure(*child)}); break;
      case E::Quote: blocks.push_back({read_quote(*child)}); break;
      default: break;  // <h>: read by read_section
    }
  }
  return blocks;
}

std::optional<model::Section> ReportParser::read_section(const El& el) {
  const int depth = check_.section_depth() + 1;
  if (depth > kMaxSectionDepth) {
    // Said once for the section; what it holds is not checked further.
    check_.error_at(pos(&el), check_.path_with("<section>"), check_.label_of(Kind{E::Section}), "section.too-deep",
                    {{"depth", depth}, {"max", kMaxSectionDepth}});
    return std::nullopt;
  }
  auto scope = check_.open(el, Kind{E::Section});
  model::Section s;
  s.pos = pos(&el);
  s.depth = depth;
  s.numbered = !has_attribute(el, "numbered") || yes(attribute(el, "numbered"));
  if (has_attribute(el, "run-in")) s.run_in = yes(attribute(el, "run-in"));
  const std::vector<Checker::Accepted> children = check_.children();
  if (!children.empty() && children.front().kind.id == E::Heading) {
    const El& heading = *children.front().el;
    s.heading = read_heading(heading, s.numbered);
    s.heading_pos = pos(&heading);
  }
  s.blocks = read_blocks();
  return s;
}

model::Inlines ReportParser::read_heading(const El& el, bool numbered) {
  auto scope = check_.open(el, Kind{E::Heading});
  model::Inlines heading = block_content(el);
  if (!numbered) return heading;  // numbered="no": the author numbers by hand
  if (auto number = leading_heading_number(model::plain_text(heading)))
    check_.warn_at(pos(&el), check_.path_with(), check_.label(), "heading.own-number", {{"number", *number}});
  return heading;
}

model::Paragraph ReportParser::read_paragraph(const El& el) { return {read_inline_block(el, E::Paragraph), pos(&el)}; }

model::ListBlock ReportParser::read_list(const El& el) {
  auto scope = check_.open(el, Kind{E::List});
  model::ListBlock list;
  list.pos = pos(&el);
  list.ordered = attribute(el, "type") == "ordered";
  const std::vector<Checker::Accepted> children = check_.children();
  for (const auto& [item, kind] : children) {
    list.items.push_back(read_inline_block(*item, kind.id));
    list.item_pos.push_back(pos(item));
  }
  return list;
}

model::Table ReportParser::read_table(const El& el) {
  auto scope = check_.open(el, Kind{E::Table});
  model::Table table;
  table.pos = pos(&el);
  const std::vector<Checker::Accepted> children = check_.children();
  for (const auto& [child, kind] : children) {
    switch (kind.id) {
      case E::TableCaption: table.caption = read_inline_block(*child, kind.id); break;
      case E::TableRow: table.rows.push_back(read_row(*child)); break;
      case E::TableNote: table.note = read_inline_block(*child, kind.id); break;
      default: break;
    }
  }
  return table;
}

model::TableRow ReportParser::read_row(const El& el) {
  auto scope = check_.open(el, Kind{E::TableRow});
  model::TableRow row;
  row.pos = pos(&el);
  const std::vector<Checker::Accepted> children = check_.children();
  for (const auto& [cell, kind] : children) {
    auto cell_scope = check_.open(*cell, kind);
    model::TableCell c;
    c.header = kind.id == E::HeaderCell;
    c.colspan = parse_positive_int(attribute(*cell, "colspan"), kMaxSpan).value_or(1);
    c.rowspan = parse_positive_int(attribute(*cell, "rowspan"), kMaxSpan).value_or(1);
    c.pos = pos(cell);
    c.content = block_content(*cell);
    row.cells.push_back(std::move(c));
  }
  return row;
}

model::Figure ReportParser::read_figure(const El& el) {
  auto scope = check_.open(el, Kind{E::Figure});
  model::Figure f;
  f.pos = pos(&el);
  f.src = attribute(el, "src");
  // Only the name: the image stage finds the file under the allowed roots
  // (and says nothing of files outside them).
  f.image = {model::FigureImage::Origin::File, f.src, nullptr};
  f.src_pos = check_.map().attr_value_pos(&el, "src");
  f.src_path = check_.path_with("@src");
  f.src_label = attribute_label(E::Figure, "src");
  if (has_attribute(el, "width")) f.width_pt = parse_width_pt(attribute(el, "width"));
  const std::vector<Checker::Accepted> children = check_.children();
  for (const auto& [caption, kind] : children) f.caption = read_inline_block(*caption, kind.id);
  return f;
}

model::Quote ReportParser::read_quote(const El& el) {
  auto scope = check_.open(el, Kind{E::Quote});
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
      check_.error_here(pos(text), "quote.mixed");
      continue;
    }
    const El* child = node->ToElement();
    if (!child) continue;
    if (spec(E::Paragraph).name != child->Name()) {
      check_.error_at(pos(child), check_.path_with("<" + std::string(child->Name()) + ">"), "", "quote.only-p");
      continue;
    }
    q.paragraphs.push_back(read_paragraph(*child));
  }
  return q;
}

// ---------------------------------------------------------------- inline

model::Inlines ReportParser::read_inline_block(const El& el, ElementId id) {
  auto scope = check_.open(el, Kind{id});
  return block_content(el);
}

model::Inlines ReportParser::block_content(const El& el) {
  model::Inlines content = read_inlines(el);
  normalize_block(content);
  if (check_.clean() && spec(check_.current().id).non_empty && is_blank(content))
    check_.error_here(pos(&el), "element.empty");
  return content;
}

model::Inlines ReportParser::read_inlines(const El& el) {
  model::Inlines out;
  // The elements the check accepted, in order; the others are skipped.
  const std::vector<Checker::Accepted> children = check_.children();
  size_t next = 0;
  for (const auto* node = el.FirstChild(); node; node = node->NextSibling()) {
    // tinyxml2 drops white space between elements; it may be the only
    // space between two words (`<b>x</b> <em>y</em>`).
    if (check_.map().blank_before(node)) out.push_back(text_inline(" ", pos(node)));
    if (const auto* text = node->ToText()) {
      check_lookalikes(text->Value(), pos(text));
      out.push_back(text_inline(text->Value(), pos(text)));
    } else if (const auto* child = node->ToElement()) {
      if (next < children.size() && children[next].el == child)
        out.push_back(read_inline_element(*child, children[next++].kind.id));
    }
  }
  if (check_.map().blank_before_end(&el)) out.push_back(text_inline(" ", pos(&el)));
  return out;
}

model::Inline ReportParser::read_inline_element(const El& el, ElementId id) {
  auto scope = check_.open(el, Kind{id});
  model::Inline in;
  in.kind = inline_kind(id);
  in.pos = pos(&el);
  switch (in.kind) {
    case K::Cite:
      in.refs = split_ids(attribute(el, "ref"));
      for (const auto& ref : in.refs) cites_.push_back({ref, in.pos, check_.path_with(), check_.label()});
      break;
    case K::LineBreak: break;
    case K::Link: {
      in.href = attribute(el, "href");
      // An empty href is the check's to report.
      if (!in.href.empty())
        if (auto problem = check_href(in.href)) check_.error_here(pos(&el), problem->code, std::move(problem->args));
      in.children = read_inlines(el);
      break;
    }
    default: in.children = read_inlines(el);
  }
  if (check_.clean() && spec(id).non_empty && is_blank(in.children)) check_.error_here(pos(&el), "element.empty");
  return in;
}

}  // namespace banshi::xml
