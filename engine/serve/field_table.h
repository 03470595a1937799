// The form's fields as the page builds its inputs from them (GET
// /api/fields): one row per field with its place in the report XML, the
// form's label, its type and what it must look like.
#pragma once

#include <filesystem>
#include <string>

namespace banshi::serve {

// JSON, from the field table (templates/fields.xml) and the templates:
// {"templates": [{"name", "description", "prints", "requires"}], "groups",
// "fields": [{"group", "key", "path", "label", "type", "required",
// "choices", "pattern", "help"}], "roles": [{"value", "label", "many"}]}.
std::string fields_json(const std::filesystem::path& data_dir);

}  // namespace banshi::serve
