#include "xml/schema.h"

#include <array>

namespace banshi::xml {

namespace {

using E = ElementId;
using O = Occurs;
using C = Content;
using A = AttrType;

// ------------------------------------------------------------ attribute values

constexpr std::array<std::string_view, 2> kYesNo{"yes", "no"};
constexpr std::array<std::string_view, 1> kVersions{"1"};
constexpr std::array<std::string_view, 2> kListTypes{"ordered", "bullet"};

// ------------------------------------------------------------ attributes

constexpr std::array<AttrSpec, 2> kReportAttrs{{
    {"template", A::Name, true},
    {"version", A::Choice, true, kVersions},
}};
constexpr std::array<AttrSpec, 1> kAuthorAttrs{{{"role", A::Text}}};
constexpr std::array<AttrSpec, 1> kReferenceAttrs{{{"id", A::Token, true}}};
constexpr std::array<AttrSpec, 2> kSectionAttrs{{
    {"numbered", A::Choice, false, kYesNo},
    {"run-in", A::Choice, false, kYesNo},
}};
constexpr std::array<AttrSpec, 1> kListAttrs{{{"type", A::Choice, false, kListTypes}}};
constexpr std::array<AttrSpec, 2> kCellAttrs{{
    {"colspan", A::PositiveInt},
    {"rowspan", A::PositiveInt},
}};
constexpr std::array<AttrSpec, 2> kFigureAttrs{{
    {"src", A::Token, true},
    {"width", A::Length},
}};
constexpr std::array<AttrSpec, 1> kCiteAttrs{{{"ref", A::IdList, true}}};
constexpr std::array<AttrSpec, 1> kLinkAttrs{{{"href", A::Token, true}}};

// ------------------------------------------------------------ children

constexpr std::array<ChildSpec, 1> kDocumentChildren{{{E::Report, O::Required}}};

// And the groups of the field table (<project>, <declaration>, <changes>):
// the checker adds them.
constexpr std::array<ChildSpec, 1> kReportChildren{{{E::Outcome, O::Required}}};

constexpr std::array<ChildSpec, 6> kOutcomeChildren{{
    {E::OutcomeTitle, O::Required},
    {E::Authors, O::Optional},
    {E::Abstract, O::Optional},
    {E::Keywords, O::Optional},
    {E::Body, O::Required},
    {E::References, O::Optional},
}};

constexpr std::array<ChildSpec, 1> kAuthorsChildren{{{E::Author, O::OneOrMore}}};
constexpr std::array<ChildSpec, 1> kKeywordsChildren{{{E::Keyword, O::OneOrMore}}};
constexpr std::array<ChildSpec, 1> kReferencesChildren{{{E::Reference, O::OneOrMore}}};

constexpr std::array<ChildSpec, 6> kBodyChildren{{
    {E::Paragraph, O::Many},
    {E::Section, O::Many},
    {E::List, O::Many},
    {E::Table, O::Many},
    {E::Figure, O::Many},
    {E::Quote, O::Many},
}};

constexpr std::array<ChildSpec, 7> kSectionChildren{{
    {E::Heading, O::First},
    {E::Paragraph, O::Many},
    {E::Section, O::Many},
    {E::List, O::Many},
    {E::Table, O::Many},
    {E::Figure, O::Many},
    {E::Quote, O::Many},
}};

constexpr std::array<ChildSpec, 1> kListChildren{{{E::Item, O::OneOrMore}}};

constexpr std::array<ChildSpec, 3> kTableChildren{{
    {E::TableCaption, O::Optional},
    {E::TableRow, O::OneOrMore},
    {E::TableNote, O::Optional},
}};

constexpr std::array<ChildSpec, 2> kRowChildren{{
    {E::HeaderCell, O::Many},
    {E::DataCell, O::Many},
}};

constexpr std::array<ChildSpec, 1> kFigureChildren{{{E::FigureCaption, O::Optional}}};

constexpr std::array<ChildSpec, 8> kInlineChildren{{
    {E::Bold, O::Many},
    {E::Emphasis, O::Many},
    {E::Sup, O::Many},
    {E::Sub, O::Many},
    {E::Footnote, O::Many},
    {E::Cite, O::Many},
    {E::Link, O::Many},
    {E::LineBreak, O::Many},
}};

// A <quote> holds either inline text or <p> paragraphs (report_parser.cpp
// refuses a mix of both).
constexpr std::array<ChildSpec, 9> kQuoteChildren{{
    {E::Paragraph, O::Many},
    {E::Bold, O::Many},
    {E::Emphasis, O::Many},
    {E::Sup, O::Many},
    {E::Sub, O::Many},
    {E::Footnote, O::Many},
    {E::Cite, O::Many},
    {E::Link, O::Many},
    {E::LineBreak, O::Many},
}};

// ------------------------------------------------------------ elements

constexpr ElementSpec text_element(E id, std::string_view name, bool non_empty = false) {
  return {id, name, C::Text, {}, {}, non_empty};
}

constexpr ElementSpec inline_element(E id, std::string_view name, bool non_empty = false) {
  return {id, name, C::Inline, kInlineChildren, {}, non_empty};
}

// Indexed by ElementId; the static_assert below keeps the order honest.
constexpr std::array<ElementSpec, kElementCount> kSpecs{{
    {E::Document, "", C::Elements, kDocumentChildren},
    {E::Report, "report", C::Elements, kReportChildren, kReportAttrs},

    // Names, children and attributes from the field table (checker.cpp).
    {E::Group, "", C::Elements},
    {E::Field, "", C::Text},

    {E::Outcome, "outcome", C::Elements, kOutcomeChildren},
    inline_element(E::OutcomeTitle, "title", true),
    {E::Authors, "authors", C::Elements, kAuthorsChildren},
    {E::Author, "author", C::Text, {}, kAuthorAttrs, true},
    inline_element(E::Abstract, "abstract"),
    {E::Keywords, "keywords", C::Elements, kKeywordsChildren},
    text_element(E::Keyword, "k", true),
    {E::Body, "body", C::Elements, kBodyChildren},
    {E::References, "references", C::Elements, kReferencesChildren},
    {E::Reference, "ref", C::Inline, kInlineChildren, kReferenceAttrs, true, false, "id"},

    {E::Section, "section", C::Elements, kSectionChildren, kSectionAttrs},
    inline_element(E::Heading, "h", true),
    inline_element(E::Paragraph, "p"),
    {E::List, "list", C::Elements, kListChildren, kListAttrs},
    inline_element(E::Item, "item"),
    {E::Table, "table", C::Elements, kTableChildren},
    inline_element(E::TableCaption, "caption"),
    {E::TableRow, "tr", C::Elements, kRowChildren},
    {E::HeaderCell, "th", C::Inline, kInlineChildren, kCellAttrs},
    {E::DataCell, "td", C::Inline, kInlineChildren, kCellAttrs},
    inline_element(E::TableNote, "note"),
    {E::Figure, "figure", C::Elements, kFigureChildren, kFigureAttrs},
    inline_element(E::FigureCaption, "caption"),
    {E::Quote, "quote", C::Inline, kQuoteChildren},

    inline_element(E::Bold, "b"),
    inline_element(E::Emphasis, "em"),
    inline_element(E::Sup, "sup"),
    inline_element(E::Sub, "sub"),
    {E::Footnote, "fn", C::Inline, kInlineChildren, {}, true, true},
    {E::Cite, "cite", C::Empty, {}, kCiteAttrs},
    {E::Link, "a", C::Inline, kInlineChildren, kLinkAttrs, false, true},
    {E::LineBreak, "br", C::Empty},
}};

constexpr bool specs_in_order() {
  for (std::size_t i = 0; i < kSpecs.size(); ++i)
    if (index_of(kSpecs[i].id) != i) return false;
  return true;
}
static_assert(specs_in_order(), "kSpecs must list the elements in ElementId order");

}  // namespace

const ElementSpec& spec(ElementId id) { return kSpecs[index_of(id)]; }

const ChildSpec* find_child(ElementId parent, std::string_view name) {
  for (const auto& c : spec(parent).children)
    if (spec(c.id).name == name) return &c;
  return nullptr;
}

const AttrSpec* find_attr(ElementId id, std::string_view name) {
  for (const auto& a : spec(id).attrs)
    if (a.name == name) return &a;
  return nullptr;
}

}  // namespace banshi::xml
