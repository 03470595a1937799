// A lexical pass over the UTF-8 text before tinyxml2 parses it.
//
// tinyxml2 builds the tree but knows too little for our messages and too
// much trust for hostile input: it keeps only line numbers, drops
// white-space-only text between elements (even in PRESERVE_WHITESPACE
// mode, so `<b>x</b> <em>y</em>` would lose its space), passes undefined
// entities and DOCTYPEs through, and reports a mismatched tag without
// saying which. This pass walks the same markup once and
//   - records every token's line and column (columns in code points), and
//     each attribute's, for the source map;
//   - records where white space was dropped, so inline text keeps it;
//   - refuses what report files never need and what tinyxml2 would let
//     through or garble: <!DOCTYPE> (hence entity definitions), undefined
//     entities, bad character references, control characters, text or a
//     second element outside the root;
//   - checks that tags nest, with messages naming both tags, and enforces
//     the ParseLimits' depth (so nothing later recurses deeper) and node
//     count (so nothing later allocates without bound).
// Errors are thrown as InputError.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "xml/parse.h"

namespace banshi::xml {

enum class TokenKind : std::uint8_t { StartTag, EndTag, Text, CData, Comment, Pi };

struct Token {
  TokenKind kind = TokenKind::Text;
  bool self_closing = false;  // StartTag: <br/>
  // A white-space-only run came directly before this token. tinyxml2
  // drops such runs; inline content puts a space back.
  bool blank_before = false;
  model::Pos pos;         // of '<'; for Text, of its first non-blank character
  std::string_view name;  // tags; PI target
  std::uint32_t first_attr = 0;
  std::uint32_t attr_count = 0;
};

struct AttrLoc {
  std::string_view name;
  model::Pos name_pos;
  model::Pos value_pos;  // first character inside the quotes
};

struct ScanResult {
  std::vector<Token> tokens;  // document order
  std::vector<AttrLoc> attrs;
};

ScanResult scan_xml(std::string_view text, const std::string& file, const ParseLimits& limits);

}  // namespace banshi::xml
