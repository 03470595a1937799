#include "docx/form_labels.h"

#include <array>

#include "xml/labels.h"
#include "xml/schema.h"

namespace banshi::docx {

namespace {

using E = xml::ElementId;

struct Slot {
  std::string_view key;
  E element;
  std::string_view attribute;  // empty: the element's text
  std::string_view aliases;    // other printed labels, separated by |
};

// Until the field table is data of its own, the XML's labels (xml/labels.h);
// the aliases are the words the form's members' rows head their columns with.
constexpr std::array<Slot, 25> kSlots{{
    {"project.id", E::ProjectId, {}, {}},
    {"project.category", E::ProjectCategory, {}, {}},
    {"project.title", E::ProjectTitle, {}, {}},
    {"project.leader", E::ProjectLeader, {}, {}},
    {"project.organization", E::ProjectOrganization, {}, {}},
    {"project.filled", E::ProjectFilled, {}, {}},
    {"declaration.sensitive", E::Declaration, "sensitive", {}},
    {"declaration.secret", E::Declaration, "secret", {}},
    {"changes.changed", E::Changes, "changed", {}},
    {"changes.project-title", E::ChangesProjectTitle, {}, {}},
    {"changes.result-title", E::ChangesResultTitle, {}, {}},
    {"changes.what-changed", E::ChangesWhatChanged, {}, {}},
    {"changes.planned-form", E::ChangesPlannedForm, {}, {}},
    {"changes.actual-form", E::ChangesActualForm, {}, {}},
    {"changes.planned-date", E::ChangesPlannedDate, {}, {}},
    {"changes.actual-date", E::ChangesActualDate, {}, {}},
    {"person.name", E::PersonName, {}, {}},
    {"person.gender", E::PersonGender, {}, {}},
    {"person.ethnicity", E::PersonEthnicity, {}, {}},
    {"person.born", E::PersonBorn, {}, "出生年月"},
    {"person.organization", E::PersonOrganization, {}, "单位|工作单位"},
    {"person.post", E::PersonPost, {}, {}},
    {"person.rank", E::PersonRank, {}, "职称"},
    {"person.address", E::PersonAddress, {}, {}},
    {"person.phone", E::PersonPhone, {}, "电话"},
}};

const Slot* slot_of(std::string_view key) {
  for (const auto& s : kSlots)
    if (s.key == key) return &s;
  return nullptr;
}

std::string tag(E id) { return "<" + std::string(xml::spec(id).name) + ">"; }

}  // namespace

std::string role_label(std::string_view role) {
  if (const auto r = xml::parse_role(role)) return std::string(xml::role_label(*r));
  return {};
}

FormField form_field(std::string_view key, std::string_view role) {
  const Slot* s = slot_of(key);
  if (!s) return {};
  FormField f;
  f.key = std::string(key);
  xml::LabelContext ctx;
  if (!role.empty()) ctx.role = xml::parse_role(role);
  if (!s->attribute.empty()) {
    f.path = tag(s->element) + "/@" + std::string(s->attribute);
    f.label = xml::attribute_label(s->element, s->attribute, ctx);
    f.printed.push_back(xml::attribute_label(s->element, s->attribute));
  } else {
    const std::string group = key.starts_with("person.")    ? "<changes>/<person role=\"" + std::string(role) + "\">/"
                              : key.starts_with("changes.") ? "<changes>/"
                                                            : "<project>/";
    f.path = group + tag(s->element);
    f.label = xml::element_label(s->element, ctx);
    f.printed.push_back(xml::element_label(s->element));
  }
  for (std::string_view rest = s->aliases; !rest.empty();) {
    const size_t bar = rest.find('|');
    f.printed.emplace_back(rest.substr(0, bar));
    rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
  }
  return f;
}

}  // namespace banshi::docx
