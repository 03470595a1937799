#include "docx/form_labels.h"

#include <array>
#include <utility>

#include "fields/field_report.h"
#include "fields/field_table.h"

namespace banshi::docx {

namespace {

// The other words the federation's Word file prints for a field: the
// members' rows head their columns with 单位 for 所在单位, 电话 for 联系电话 ….
// Each field's own label is the field table's (templates/fields.xml).
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kAliases{{
    {"person.born", "出生年月"},
    {"person.organization", "单位|工作单位"},
    {"person.rank", "职称"},
    {"person.phone", "电话"},
}};

}  // namespace

std::string role_label(std::string_view role) {
  if (const FieldSpec* f = report_fields().find("person.role"))
    if (const FieldOption* o = f->option(role)) return o->label;
  return {};
}

FormField form_field(std::string_view key, std::string_view role) {
  const FieldTable& table = report_fields();
  const FieldSpec* spec = table.find(key);
  if (!spec) return {};
  FormField f;
  f.key = std::string(key);
  f.path = field_xml_path(table, *spec);
  if (!role.empty()) {
    // As the XML reader names a person: <changes>/<person role="…">/<name>.
    const std::string person = "<person>";
    if (const size_t at = f.path.find(person); at != std::string::npos)
      f.path.replace(at, person.size(), "<person role=\"" + std::string(role) + "\">");
  }
  const std::string row = role.empty() ? std::string() : role_label(role);
  f.label = row.empty() ? spec->label : row + " " + spec->label;
  f.printed.push_back(spec->label);
  for (const auto& [alias_key, aliases] : kAliases) {
    if (alias_key != key) continue;
    for (std::string_view rest = aliases; !rest.empty();) {
      const size_t bar = rest.find('|');
      f.printed.emplace_back(rest.substr(0, bar));
      rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
    }
  }
  return f;
}

}  // namespace banshi::docx
