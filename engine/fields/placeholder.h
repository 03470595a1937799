// The placeholders of a form page, read against the field table:
//   {project.id}            a field of a group (the first such group)
//   {leader.original.name}  a field of the repeated group whose key field
//                           has the option with placeholder="leader.original"
//   {person.name}           a field of the group of the row being repeated
//                           (in a <tr repeat="…">)
//   {box changes.changed=yes}  ☒ when the choice has that value, else ☐
// The template loader refuses a placeholder this does not resolve; layout
// fills the resolved ones.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "fields/field_table.h"
#include "util/diag.h"

namespace banshi {

struct Placeholder {
  const FieldSpec* field = nullptr;       // the value shown (or the choice ticked)
  const FieldOption* instance = nullptr;  // {leader.original.X}: the group with this key option
  bool repeated_row = false;              // {person.X}: the row's own group
  const FieldOption* box = nullptr;       // {box K=V}: the option V
};

// The placeholder between the braces ("project.id", "box changes.changed=yes"),
// or nullopt when the table has no such field or option.
std::optional<Placeholder> resolve_placeholder(std::string_view inside, const FieldTable& table);

// Calls `on_text` with the text between placeholders and `on_placeholder`
// with what is inside each {…}; false at a { without its }.
bool scan_placeholders(std::string_view text, const std::function<void(std::string_view)>& on_text,
                       const std::function<void(std::string_view)>& on_placeholder);

}  // namespace banshi
