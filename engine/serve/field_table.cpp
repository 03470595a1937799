#include "serve/field_table.h"

#include <algorithm>
#include <set>
#include <variant>

#include "fields/field_report.h"
#include "fields/field_table.h"
#include "style/template.h"
#include "util/json.h"

namespace banshi::serve {

namespace {

// What the page checks as the applicant types: the field table's pattern,
// anchored, or a date's shape (the server checks that the date exists).
std::string pattern_of(const FieldSpec& f) {
  switch (f.type) {
    case FieldType::Id:
    case FieldType::Phone: return "^(?:" + f.pattern + ")$";
    case FieldType::Date: return "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    case FieldType::YearMonth: return "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$";
    case FieldType::Text:
    case FieldType::Choice: break;
  }
  return {};
}

void field_row(JsonWriter& w, const FieldTable& table, const FieldSpec& f, bool required) {
  w.begin_object();
  w.key("group").value(f.group);
  w.key("key").value(f.name);
  w.key("path").value(field_xml_path(table, f));
  w.key("label").value(f.label);
  w.key("type").value(field_type_name(f.type));
  w.key("required").value(required);
  if (f.type == FieldType::Choice) {
    w.key("choices").begin_array();
    for (const auto& o : f.options) w.value(o.value);
    w.end_array();
  }
  if (const std::string p = pattern_of(f); !p.empty()) w.key("pattern").value(p);
  w.key("help").value(f.help);
  w.end_object();
}

// The placeholders a template's form pages print ({project.id} →
// "project.id"; {box changes.changed=yes} → "changes.changed";
// {leader.original.name} → "original-leader.name"; in a row repeated for
// each original member, {person.name} → "original-member.name"), so the
// page shows the fields the chosen template prints and no others.
struct Printed {
  std::set<std::string> keys;
  std::set<std::string> repeated_roles;  // on rows printed once per person
};

Printed printed_fields(const Template& t) {
  Printed printed;
  std::set<std::string>& keys = printed.keys;
  auto scan = [&](std::string_view text, std::string_view repeat) {
    for (size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
      const size_t close = text.find('}', open);
      if (close == std::string_view::npos) break;
      std::string key(text.substr(open + 1, close - open - 1));
      if (key.starts_with("box ")) key = key.substr(4, key.find('=') - 4);
      // A person's fields by the person's role, as the report names roles.
      if (key.starts_with("person.") && repeat.starts_with("changes.")) {
        printed.repeated_roles.insert(std::string(repeat.substr(8)));
        key = std::string(repeat.substr(8)) + key.substr(6);
      } else if (key.starts_with("leader.original.")) key = "original-leader" + key.substr(15);
      else if (key.starts_with("leader.current.")) key = "current-leader" + key.substr(14);
      keys.insert(key);
    }
  };
  for (const auto& page : t.front) {
    for (const auto& item : page.items) {
      if (const auto* p = std::get_if<FormText>(&item)) scan(p->text, "");
      if (const auto* f = std::get_if<FormFields>(&item))
        for (const auto& field : f->fields) scan(field.value, "");
      if (const auto* table = std::get_if<FormTable>(&item))
        for (const auto& row : table->rows)
          for (const auto& cell : row.cells) scan(cell.text, row.repeat);
    }
  }
  return printed;
}

}  // namespace

std::string fields_json(const std::filesystem::path& data_dir) {
  const FieldTable& table = report_fields();
  JsonWriter w;
  w.begin_object();
  w.key("templates").begin_array();
  std::set<std::string> repeated;  // roles some template prints a row for per person
  std::set<std::string> required;  // fields some template requires
  for (const auto& t : list_templates(data_dir / "templates")) {
    const Template tmpl = load_template(data_dir / "templates" / t.name);
    w.begin_object();
    w.key("name").value(t.name);
    w.key("description").value(t.description);
    w.key("prints").begin_array();
    const Printed printed = printed_fields(tmpl);
    for (const auto& key : printed.keys) w.value(key);
    repeated.insert(printed.repeated_roles.begin(), printed.repeated_roles.end());
    w.end_array();
    w.key("requires").begin_array();
    for (const auto& key : tmpl.required_fields) w.value(key);
    required.insert(tmpl.required_fields.begin(), tmpl.required_fields.end());
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("groups").begin_array();
  for (const auto& g : table.groups()) {
    if (!g.parent.empty()) continue;
    w.begin_object();
    w.key("key").value(g.element);
    w.key("label").value(g.label);
    w.end_object();
  }
  w.end_array();
  w.key("fields").begin_array();
  for (const auto& g : table.groups()) {
    const FieldSpec* key = g.key_field();
    for (const auto& f : g.fields)
      if (&f != key)
        field_row(w, table, f, f.always_required || required.count(f.key) > 0);  // a person's role: its row
  }
  w.end_array();
  // The rows of the change-data table a person may be on.
  w.key("roles").begin_array();
  if (const FieldGroupSpec* person = table.group("person"); person && person->key_field()) {
    for (const auto& o : person->key_field()->options) {
      w.begin_object();
      w.key("value").value(o.value);
      w.key("label").value(o.label);
      // A role printed on a repeated row may have any number of people.
      w.key("many").value(repeated.count(o.value) > 0);
      w.end_object();
    }
  }
  w.end_array();
  w.end_object();
  return w.str();
}

}  // namespace banshi::serve
