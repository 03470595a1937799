// The report's fields as data: templates/fields.xml, compiled in, holds
// one row per value an applicant fills in on the form — its element or
// attribute, the form's Chinese label, its type and checks, help text. The
// reader, its messages, the form pages' placeholders, `banshi check` and
// `banshi fields --json` all read this table, so a field is described once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fields/pattern.h"

namespace banshi {

enum class FieldType { Text, Id, Phone, Date, YearMonth, Choice };

// "text", "id", "phone", "date", "year-month", "choice".
std::string_view field_type_name(FieldType type);

struct FieldOption {
  std::string value;        // "original-leader"
  std::string label;        // "原负责人"
  bool once = false;        // at most one group may have it
  std::string placeholder;  // "leader.original": {leader.original.name} on the form
  std::string repeat;       // "changes.original-member": the form's repeated rows
};

struct FieldSpec {
  std::string name;   // "id": the child element, or the attribute
  std::string key;    // "project.id": the model's slot and the placeholder
  std::string group;  // "project"
  std::string label;  // "立项编号"
  FieldType type = FieldType::Text;
  bool attribute = false;        // written as an attribute of the group's element
  bool always_required = false;  // needed whenever the group is written
  std::string pattern;           // ECMAScript, the whole value (id, phone)
  Pattern compiled;
  std::string example, format, format_en;  // for a value that does not match
  std::string default_from;                // key of the field it defaults to
  std::string help, help_en;
  std::vector<FieldOption> options;  // choice
  int line = 0;                      // in the table's file

  const FieldOption* option(std::string_view value) const;
  // Every value a choice allows: {"yes", "no"}.
  std::vector<std::string> option_values() const;
};

struct FieldGroupSpec {
  std::string name;     // "person"
  std::string element;  // "person"
  std::string parent;   // the group whose element holds it; empty: <report>
  std::string label;    // "项目负责人及参与人员"
  std::string help, help_en;
  bool repeats = false;
  std::vector<FieldSpec> fields;
  int line = 0;

  const FieldSpec* field(std::string_view name) const;
  const FieldSpec* element_field(std::string_view element) const;  // a child element
  const FieldSpec* attribute_field(std::string_view attr) const;
  // The choice that tells repeated groups apart and names them (a person's
  // role: 原负责人); null when the group has none.
  const FieldSpec* key_field() const;
};

class FieldTable {
 public:
  // Reads a table; EngineError naming `file` and the line for a malformed one.
  static FieldTable parse(std::string_view xml, const std::string& file);

  const std::vector<FieldGroupSpec>& groups() const { return groups_; }
  const FieldGroupSpec* group(std::string_view name) const;
  // The group written as <element> inside the group `parent` (empty: inside <report>).
  const FieldGroupSpec* group_at(std::string_view parent, std::string_view element) const;
  // "project.id" → its row; null for a key the table lacks.
  const FieldSpec* find(std::string_view key) const;
  // The option whose placeholder is `prefix` ("leader.original"), with its field.
  const FieldOption* placeholder_option(std::string_view prefix, const FieldSpec** field = nullptr) const;
  // The option whose repeat is `name` ("changes.original-member").
  const FieldOption* repeat_option(std::string_view name, const FieldSpec** field = nullptr) const;

 private:
  std::vector<FieldGroupSpec> groups_;
};

// The table compiled into banshi (templates/fields.xml).
const FieldTable& report_fields();

}  // namespace banshi
