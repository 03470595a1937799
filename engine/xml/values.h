// Parsing and checking the attribute values of the outcome's elements
// (the form's fields are checked by fields/field_value.h). Each check
// returns what is wrong, to follow the XML path in a message, or nothing
// when the value is fine.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diag.h"
#include "xml/schema.h"

namespace banshi::xml {

// "3" → 3, for 1..max; nullopt for anything else ("03" is fine, "+3", "3.0" are not).
std::optional<int> parse_positive_int(std::string_view s, int max);

// An absolute, positive length in points: "120mm", "8cm", "300pt", "2in".
std::optional<double> parse_width_pt(std::string_view s);

// "r1 r2  r3" → {"r1", "r2", "r3"}.
std::vector<std::string> split_ids(std::string_view s);

// The problem with an attribute value of this type, if any.
std::optional<Message> check_attribute_value(const AttrSpec& spec, std::string_view value);

// The problem with a link address, if any: a printed report links to the
// web or to an address (javascript:, file: and the like would become
// actions in the PDF), with at most kMaxHrefBytes.
std::optional<Message> check_href(std::string_view href);

// "yes"/"no" → true/false.
bool yes(std::string_view value);

}  // namespace banshi::xml
