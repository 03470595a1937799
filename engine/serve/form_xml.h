// The form's fields as JSON, the way the page and scripts send them, and
// as report XML, the way the engine reads them. The JSON mirrors the XML
// element for element, named as the field table names them, so neither side
// keeps a list of fields of its own:
//
//   {"project":     {"id": "BZ25YB119", "category": "一般课题", …},
//    "changes":     {"changed": "no", "project-title": "…",
//                    "person": [{"role": "original-leader", "name": "…"}, …]},
//    "declaration": {"sensitive": "no", "secret": "no"}}
//
// An attribute or a text element is a string; a repeated element a list
// of objects. An empty value leaves its element out, so the checks report
// it as missing exactly as for a report written by hand.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace banshi::serve {

// Where a field went in the form's line: columns [begin, end) in code
// points from the form's start, and its key in the JSON ("project.id",
// "changes.changed", "changes.person[2].phone", "changes.person[2]").
struct FieldSpan {
  size_t begin = 0, end = 0;
  std::string key;
};

struct Form {
  std::string xml;
  std::vector<FieldSpan> spans;
  // The innermost field at `column` (0-based, from the form's start).
  const FieldSpan* field_at(size_t column) const;
};

// The <project>, <changes> and <declaration> elements for `json`, on one
// line (line breaks in values written as character references), so the
// report's own lines keep their numbers when the form is put in front of
// them; or `indented`, an element a line, for a file people read. Throws
// RequestError for JSON that is malformed or names a field the field table does
// not have.
Form form_xml(std::string_view json, bool indented = false);

// The fields found in a report's <project>, <changes> and <declaration>
// (report XML in UTF-8, already checked to be well-formed), as JSON of the
// same shape.
std::string form_json(std::string_view report_xml);

// `s` escaped for XML text or a double-quoted attribute; its line breaks
// as character references when `one_line`.
std::string xml_escape(std::string_view s, bool one_line = true);

}  // namespace banshi::serve
