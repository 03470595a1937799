// The report XML schema as data: one row per element of the outcome, in
// the context where it may appear, so a child is found by (parent, name).
// The form's fields (<project>, <declaration>, <changes>, <person> and
// what they hold) are not listed here but in the field table
// (templates/fields.xml): in this schema they are the two rows Group
// and Field, which the checker (checker.h) fills in from that table.
//
// Adding an element or an attribute of the outcome means adding a row here
// (and its label in labels.cpp), not another branch in the parser; adding
// a field of the form means a row of the field table.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "model/document.h"

namespace banshi::xml {

enum class ElementId : std::uint8_t {
  Document,  // the pseudo-parent of the root element
  Report,
  // the form's fields, from the field table
  Group,  // <project>, <changes>, <person> …: a group of fields
  Field,  // <id>, <filled> …: one field's value
  // <outcome>
  Outcome,
  OutcomeTitle,
  Authors,
  Author,
  Abstract,
  Keywords,
  Keyword,
  Body,
  References,
  Reference,
  // blocks
  Section,
  Heading,
  Paragraph,
  List,
  Item,
  Table,
  TableCaption,
  TableRow,
  HeaderCell,
  DataCell,
  TableNote,
  Figure,
  FigureCaption,
  Quote,
  // inline
  Bold,
  Emphasis,
  Sup,
  Sub,
  Footnote,
  Cite,
  Link,
  LineBreak,
  Count
};

constexpr std::size_t kElementCount = static_cast<std::size_t>(ElementId::Count);

constexpr std::size_t index_of(ElementId id) { return static_cast<std::size_t>(id); }

enum class Content : std::uint8_t {
  Elements,  // child elements only (white space and comments between them)
  Text,      // plain text, no child elements
  Inline,    // text mixed with inline elements
  Empty,     // nothing at all (<br/>, <cite/>)
};

enum class Occurs : std::uint8_t {
  Optional,   // 0..1
  Required,   // exactly 1
  Many,       // 0..n
  OneOrMore,  // 1..n
  First,      // exactly 1, before every other child element
};

constexpr bool at_most_once(Occurs o) { return o == Occurs::Optional || o == Occurs::Required || o == Occurs::First; }
constexpr bool is_required(Occurs o) { return o == Occurs::Required || o == Occurs::OneOrMore || o == Occurs::First; }

enum class AttrType : std::uint8_t {
  Choice,       // one of `choices`
  PositiveInt,  // 1..kMaxSpan
  Length,       // an absolute length: 120mm, 8cm, 300pt, 2in
  Name,         // letters, digits, '-', '_' (safe as a directory name)
  Token,        // non-empty, no white space (ids, URLs)
  IdList,       // one or more Tokens separated by white space
  Text,         // anything
};

// Table spans above this are refused: a typo like colspan="1000000" would
// otherwise make the layout stage allocate a grid of that size.
constexpr int kMaxSpan = 1000;

// Link addresses longer than this are refused: the PDF stores a link's
// address as one string, which libharu caps at 64 KB, and no real address
// comes near it (browsers stop at a few thousand characters).
constexpr size_t kMaxHrefBytes = 8000;

struct AttrSpec {
  std::string_view name;
  AttrType type = AttrType::Text;
  bool required = false;
  std::span<const std::string_view> choices = {};
};

struct ChildSpec {
  ElementId id;
  Occurs occurs;
};

struct ElementSpec {
  ElementId id;
  std::string_view name;
  Content content;
  std::span<const ChildSpec> children = {};
  std::span<const AttrSpec> attrs = {};
  bool non_empty = false;        // must contain some text
  bool no_self_nesting = false;  // may not occur inside itself at any depth (<fn>, <a>)
  // Attribute shown in the XML path, so messages tell repeated siblings
  // apart: <person role="original-leader">, <ref id="r3">.
  std::string_view key_attr = {};
};

const ElementSpec& spec(ElementId id);

// The child of `parent` called `name`, if the schema allows one.
const ChildSpec* find_child(ElementId parent, std::string_view name);

const AttrSpec* find_attr(ElementId id, std::string_view name);

// The deepest <section> nesting (一级标题 … 四级标题).
constexpr int kMaxSectionDepth = 4;

}  // namespace banshi::xml
