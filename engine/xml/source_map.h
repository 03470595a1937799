// Where each node of the tinyxml2 tree was written: the scanner's tokens
// (scan.h) zipped with the tree, which holds the same markup in the same
// order. tinyxml2 alone knows only line numbers.
#pragma once

#include <tinyxml2.h>

#include <string_view>
#include <unordered_map>

#include "model/document.h"
#include "xml/scan.h"

namespace banshi::xml {

class SourceMap {
 public:
  // `scan` must outlive the map.
  SourceMap(const tinyxml2::XMLDocument& doc, const ScanResult& scan);

  // Start tag, or a text's first non-blank character. A node the zip could
  // not place gets tinyxml2's line and column 0 (unknown): positions
  // degrade, messages stay right.
  model::Pos pos(const tinyxml2::XMLNode* node) const;
  model::Pos attr_name_pos(const tinyxml2::XMLElement* el, std::string_view name) const;
  model::Pos attr_value_pos(const tinyxml2::XMLElement* el, std::string_view name) const;

  // White space that tinyxml2 dropped directly before the node, or before
  // the element's end tag.
  bool blank_before(const tinyxml2::XMLNode* node) const;
  bool blank_before_end(const tinyxml2::XMLElement* el) const;

 private:
  struct Entry {
    const Token* start = nullptr;
    const Token* end = nullptr;  // end tag; null when self-closing
  };

  bool zip(const tinyxml2::XMLNode* parent, size_t& cursor);
  const Entry* find(const tinyxml2::XMLNode* node) const;
  const AttrLoc* attr(const tinyxml2::XMLElement* el, std::string_view name) const;

  const ScanResult& scan_;
  std::unordered_map<const tinyxml2::XMLNode*, Entry> entries_;
};

}  // namespace banshi::xml
