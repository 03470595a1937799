// The field table for other programs and for people: `banshi fields
// --json` (the web form and the Word import build on it) and `banshi
// fields`. Which templates require a field is the templates' business, so
// the caller passes it in.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "fields/field_table.h"
#include "i18n/lang.h"

namespace banshi {

// Field key ("project.id") → names of the templates that require it.
using RequiredBy = std::map<std::string, std::vector<std::string>, std::less<>>;

// One JSON object: {"version":1, "groups":[…], "fields":[{key, group,
// element | attribute, xml-path, label, type, pattern, example, format,
// options, required-by, required-always, default, placeholders, help, …}]}.
std::string fields_json(const FieldTable& table, const RequiredBy& required_by);

// A table for a terminal: key, label, type, required by; help in `lang`.
std::string describe_fields(const FieldTable& table, const RequiredBy& required_by, Lang lang);

// The form's fields for INPUT.md, a Markdown table per group (`banshi
// fields --markdown`; input_doc_test keeps INPUT.md equal to it).
std::string fields_markdown(const FieldTable& table, const RequiredBy& required_by);

// The XML path of a field: "<project>/<id>", "<changes>/<person>/@role".
std::string field_xml_path(const FieldTable& table, const FieldSpec& f);

// The placeholders that print it on a form page: {project.id}, or for a
// repeated group {person.name}, {leader.original.name} …; a choice's
// {box changes.changed=yes} for each option.
std::vector<std::string> field_placeholders(const FieldTable& table, const FieldSpec& f);

}  // namespace banshi
