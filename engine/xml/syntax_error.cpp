#include "xml/syntax_error.h"

#include <array>

#include "util/utf8.h"
#include "xml/messages.h"

namespace banshi::xml {

namespace {

struct ErrorText {
  tinyxml2::XMLError id;
  MessageCode text;
};

constexpr ErrorText kErrorTexts[] = {
    {tinyxml2::XML_ERROR_PARSING_ELEMENT, "tinyxml.element"},
    {tinyxml2::XML_ERROR_PARSING_ATTRIBUTE, "tinyxml.attribute"},
    {tinyxml2::XML_ERROR_PARSING_TEXT, "tinyxml.text"},
    {tinyxml2::XML_ERROR_PARSING_CDATA, "tinyxml.cdata"},
    {tinyxml2::XML_ERROR_PARSING_COMMENT, "tinyxml.comment"},
    {tinyxml2::XML_ERROR_PARSING_DECLARATION, "tinyxml.declaration"},
    {tinyxml2::XML_ERROR_PARSING_UNKNOWN, "tinyxml.unknown"},
    {tinyxml2::XML_ERROR_EMPTY_DOCUMENT, "tinyxml.empty"},
    {tinyxml2::XML_ERROR_MISMATCHED_ELEMENT, "tinyxml.mismatched"},
    {tinyxml2::XML_ERROR_PARSING, "tinyxml.parsing"},
    {tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED, "tinyxml.depth"},
};

// tinyxml2 appends the element it was in to its error string as
// "XMLElement name=…".
std::string element_in(const tinyxml2::XMLDocument& doc) {
  const std::string_view str = doc.ErrorStr();
  constexpr std::string_view kKey = "XMLElement name=";
  const size_t at = str.find(kKey);
  if (at == std::string_view::npos) return {};
  std::string_view name = str.substr(at + kKey.size());
  const size_t end = name.find_first_of(" \t\r\n");
  return std::string(name.substr(0, end));
}

// 1-based column of the first "<name" on `line`, or 0.
int column_of_tag(std::string_view text, int line, const std::string& name) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return 0;
    ++start;
  }
  const std::string_view row = text.substr(start, text.find('\n', start) - start);
  const size_t at = row.find("<" + name);
  if (at == std::string_view::npos) return 0;
  return static_cast<int>(utf8_count(row.substr(0, at))) + 1;
}

}  // namespace

void throw_syntax_error(const tinyxml2::XMLDocument& doc, std::string_view text, const std::string& file) {
  MessageCode problem = "tinyxml.parsing";
  for (const auto& e : kErrorTexts)
    if (e.id == doc.ErrorID()) problem = e.text;
  const std::string name = element_in(doc);
  model::Pos pos{doc.ErrorLineNum(), 0};
  Args args{{"problem", Message{problem}}, {"error", doc.ErrorName()}};
  if (name.empty()) fail(file, pos, "xml.syntax", std::move(args));
  pos.column = column_of_tag(text, pos.line, name);
  args.add({"element", name});
  fail(file, pos, "xml.syntax-in", std::move(args));
}

}  // namespace banshi::xml
