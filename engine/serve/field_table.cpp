#include "serve/field_table.h"

#include <algorithm>
#include <set>
#include <variant>

#include "style/template.h"
#include "util/json.h"
#include "xml/labels.h"
#include "xml/schema.h"

namespace banshi::serve {

namespace {

using xml::ElementId;

const char* type_name(xml::TextValue v) {
  switch (v) {
    case xml::TextValue::Date: return "date";
    case xml::TextValue::YearMonth: return "year-month";
    case xml::TextValue::ProjectId: return "project-id";
    case xml::TextValue::Any: return "text";
  }
  return "text";
}

void row(JsonWriter& w, std::string_view group, std::string_view key, std::string_view path, const std::string& label,
         std::string_view type, bool required) {
  w.begin_object();
  w.key("group").value(group);
  w.key("key").value(key);
  w.key("path").value(path);
  w.key("label").value(label);
  w.key("type").value(type);
  w.key("required").value(required);
  if (type == "project-id") w.key("pattern").value("^BZ[0-9]{2}[A-Z]{2}[0-9]{3}$");
  if (type == "date") w.key("pattern").value("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  if (type == "year-month") w.key("pattern").value("^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$");
  w.end_object();
}

void element_rows(JsonWriter& w, ElementId id, std::string_view group, const std::string& prefix) {
  const xml::ElementSpec& spec = xml::spec(id);
  for (const auto& a : spec.attrs) {
    if (a.name == spec.key_attr) continue;  // person/@role: the row a person is on
    const std::string path = "<" + prefix + ">/@" + std::string(a.name);
    w.begin_object();
    w.key("group").value(group);
    w.key("key").value(a.name);
    w.key("path").value(path);
    w.key("label").value(xml::attribute_label(id, a.name));
    w.key("type").value("choice");
    w.key("required").value(a.required);
    w.key("choices").begin_array();
    for (const auto c : a.choices) w.value(c);
    w.end_array();
    w.end_object();
  }
  for (const auto& c : spec.children) {
    const xml::ElementSpec& cs = xml::spec(c.id);
    if (cs.content != xml::Content::Text) continue;
    row(w, group, cs.name, "<" + prefix + ">/<" + std::string(cs.name) + ">", xml::element_label(c.id),
        type_name(cs.value), c.occurs == xml::Occurs::Required || c.occurs == xml::Occurs::First || cs.non_empty);
  }
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
  JsonWriter w;
  w.begin_object();
  w.key("templates").begin_array();
  std::set<std::string> repeated;  // roles some template prints a row for per person
  for (const auto& t : list_templates(data_dir / "templates")) {
    w.begin_object();
    w.key("name").value(t.name);
    w.key("description").value(t.description);
    w.key("prints").begin_array();
    const Printed printed = printed_fields(load_template(data_dir / "templates" / t.name));
    for (const auto& key : printed.keys) w.value(key);
    repeated.insert(printed.repeated_roles.begin(), printed.repeated_roles.end());
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("groups").begin_array();
  for (const auto id : {ElementId::Project, ElementId::Declaration, ElementId::Changes}) {
    w.begin_object();
    w.key("key").value(xml::spec(id).name);
    w.key("label").value(xml::element_label(id));
    w.end_object();
  }
  w.end_array();
  w.key("fields").begin_array();
  element_rows(w, ElementId::Project, "project", "project");
  element_rows(w, ElementId::Changes, "changes", "changes");
  element_rows(w, ElementId::Person, "person", "person");
  element_rows(w, ElementId::Declaration, "declaration", "declaration");
  w.end_array();
  // The rows of the change-data table a person may be on.
  w.key("roles").begin_array();
  for (const auto& a : xml::spec(ElementId::Person).attrs) {
    if (a.name != xml::spec(ElementId::Person).key_attr) continue;
    for (const auto role : a.choices) {
      w.begin_object();
      w.key("value").value(role);
      w.key("label").value(xml::role_label(*xml::parse_role(role)));
      // A role printed on a repeated row may have any number of people.
      w.key("many").value(repeated.count(std::string(role)) > 0);
      w.end_object();
    }
  }
  w.end_array();
  w.end_object();
  return w.str();
}

}  // namespace banshi::serve
