#include "layout/placeholders.h"

#include "fields/field_value.h"
#include "fields/placeholder.h"
#include "util/diag.h"

namespace banshi {

namespace {

// The group a placeholder reads: the repeated row's, the one whose key
// field has the placeholder's option (the original leader), or the first
// of the field's group. Null when the report has none (the form prints the
// field empty, or its blank).
const model::FieldGroup* group_for(const Placeholder& p, const Bindings& b) {
  if (p.repeated_row) return b.row;
  if (p.instance) {
    const FieldGroupSpec* g = report_fields().group(p.field->group);
    const FieldSpec* key = g->key_field();
    for (const model::FieldGroup* candidate : b.report.groups(g->name))
      if (key && candidate->text(key->name) == p.instance->value) return candidate;
    return nullptr;
  }
  return b.report.group(p.field->group);
}

// ☒ when the report's choice has the box's value, ☐ otherwise (a question
// not answered leaves every box empty for the applicant to tick by hand).
std::string box(const Placeholder& p, const model::FieldGroup* g) {
  const bool ticked = g && g->text(p.field->name) == p.box->value;
  return ticked ? "☒" : "☐";
}

}  // namespace

std::string fill_placeholders(std::string_view text, const Bindings& b, const std::string& where) {
  std::string out;
  const bool closed = scan_placeholders(
      text, [&](std::string_view t) { out += t; },
      [&](std::string_view inside) {
        const auto p = resolve_placeholder(inside, report_fields());
        if (!p) throw EngineError({where}, "template.unknown-placeholder", {{"element", "p"}, {"placeholder", inside}});
        const model::FieldGroup* g = group_for(*p, b);
        out += p->box ? box(*p, g) : printed_value(*p->field, g ? g->find(p->field->name) : nullptr);
      });
  if (!closed) throw EngineError({where}, "template.unclosed-placeholder", {{"element", "p"}});
  return out;
}

}  // namespace banshi
