#include "xml/source_map.h"

namespace banshi::xml {

namespace {

std::optional<TokenKind> kind_of(const tinyxml2::XMLNode* node) {
  if (node->ToElement()) return TokenKind::StartTag;
  if (const auto* t = node->ToText()) return t->CData() ? TokenKind::CData : TokenKind::Text;
  if (node->ToComment()) return TokenKind::Comment;
  if (node->ToDeclaration()) return TokenKind::Pi;
  return std::nullopt;  // XMLUnknown: the scanner refuses <!…> before tinyxml2 sees it
}

}  // namespace

SourceMap::SourceMap(const tinyxml2::XMLDocument& doc, const ScanResult& scan) : scan_(scan) {
  entries_.reserve(scan.tokens.size());
  size_t cursor = 0;
  zip(&doc, cursor);
}

// Both sides list the same markup in document order; a disagreement (which
// would be a gap in the scanner) stops the zip rather than misplace nodes.
bool SourceMap::zip(const tinyxml2::XMLNode* parent, size_t& cursor) {
  const auto& tokens = scan_.tokens;
  for (const auto* node = parent->FirstChild(); node; node = node->NextSibling()) {
    if (cursor >= tokens.size()) return false;
    const Token& t = tokens[cursor];
    if (kind_of(node) != t.kind || node->GetLineNum() != t.pos.line) return false;
    const auto* el = node->ToElement();
    if (el && t.name != el->Name()) return false;
    entries_[node].start = &t;
    ++cursor;
    if (!el || t.self_closing) continue;
    if (!zip(node, cursor)) return false;
    if (cursor >= tokens.size() || tokens[cursor].kind != TokenKind::EndTag) return false;
    // Looked up again: the recursion may have grown the map.
    entries_[node].end = &tokens[cursor++];
  }
  return true;
}

const SourceMap::Entry* SourceMap::find(const tinyxml2::XMLNode* node) const {
  const auto it = entries_.find(node);
  return it == entries_.end() ? nullptr : &it->second;
}

model::Pos SourceMap::pos(const tinyxml2::XMLNode* node) const {
  if (const Entry* e = find(node)) return e->start->pos;
  return {node->GetLineNum(), 0};
}

const AttrLoc* SourceMap::attr(const tinyxml2::XMLElement* el, std::string_view name) const {
  const Entry* e = find(el);
  if (!e) return nullptr;
  for (std::uint32_t k = 0; k < e->start->attr_count; ++k) {
    const AttrLoc& a = scan_.attrs[e->start->first_attr + k];
    if (a.name == name) return &a;
  }
  return nullptr;
}

model::Pos SourceMap::attr_name_pos(const tinyxml2::XMLElement* el, std::string_view name) const {
  const AttrLoc* a = attr(el, name);
  return a ? a->name_pos : pos(el);
}

model::Pos SourceMap::attr_value_pos(const tinyxml2::XMLElement* el, std::string_view name) const {
  const AttrLoc* a = attr(el, name);
  return a ? a->value_pos : pos(el);
}

bool SourceMap::blank_before(const tinyxml2::XMLNode* node) const {
  const Entry* e = find(node);
  return e && e->start->blank_before;
}

bool SourceMap::blank_before_end(const tinyxml2::XMLElement* el) const {
  const Entry* e = find(el);
  return e && e->end && e->end->blank_before;
}

}  // namespace banshi::xml
