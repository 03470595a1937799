// Parsing and checking the values written in fields and attributes. Each
// check returns what is wrong in words (to follow the XML path in a
// message), or nothing when the value is fine.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/document.h"
#include "xml/schema.h"

namespace banshi::xml {

// ISO dates: "2025-10-15"; with `allow_month_only` also "1979-12".
// Returns the date or the problem.
std::variant<model::Date, std::string> parse_date(std::string_view s, bool allow_month_only);

// "3" → 3, for 1..max; nullopt for anything else ("03" is fine, "+3", "3.0" are not).
std::optional<int> parse_positive_int(std::string_view s, int max);

// An absolute, positive length in points: "120mm", "8cm", "300pt", "2in".
std::optional<double> parse_width_pt(std::string_view s);

// "r1 r2  r3" → {"r1", "r2", "r3"}.
std::vector<std::string> split_ids(std::string_view s);

// The problem with an attribute value of this type, if any.
std::optional<std::string> check_attribute_value(const AttrSpec& spec, std::string_view value);

// "allowed values: yes, no" for a Choice attribute.
std::string allowed_values(const AttrSpec& spec);

// The problem with a link address, if any: a printed report links to the
// web or to an address (javascript:, file: and the like would become
// actions in the PDF), with at most kMaxHrefBytes.
std::optional<std::string> check_href(std::string_view href);

// BZ25YB119: the federation's numbering of its projects (report_parser.cpp).
bool is_project_id(std::string_view v);

// "yes"/"no" → true/false.
bool yes(std::string_view value);

}  // namespace banshi::xml
