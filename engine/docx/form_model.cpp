#include "docx/form_model.h"

#include "docx/form_labels.h"
#include "docx/form_text.h"
#include "fields/field_table.h"
#include "fields/field_value.h"
#include "xml/schema.h"
#include "xml/values.h"
#include "xml/whitespace.h"

namespace banshi::docx {

namespace {

const FoundValue* find(const std::vector<FoundValue>& vs, std::string_view key) {
  for (const auto& v : vs)
    if (v.key == key) return &v;
  return nullptr;
}

struct Reader {
  ImportLog& log;
  int fallback_paragraph = 0;  // where a field not on the form at all is reported

  void error(const FormField& f, int paragraph, MessageCode code, Args args = {}) {
    log.about(Severity::Error, paragraph, code, f.path, f.label, std::move(args));
  }

  // One group of the form as the field table describes it: each field the
  // form gave, checked as the XML reader checks it (fields/field_value.h);
  // `required` fields must be there and filled in.
  model::FieldGroup group(const FieldGroupSpec& spec, const std::vector<FoundValue>& vs, int paragraph, bool required,
                          std::string_view role = {}) {
    model::FieldGroup g;
    g.name = spec.name;
    g.pos = {paragraph, 0};
    if (!role.empty()) g.values["role"] = {std::string(role), std::nullopt, {paragraph, 0}, false};
    for (const FieldSpec& f : spec.fields) {
      if (f.always_required) continue;  // the role, given above
      const FoundValue* v = find(vs, f.key);
      const std::string value = v ? xml::normalize_text(v->text) : std::string();
      if (value.empty()) {
        if (required) error(form_field(f.key, role), v ? v->paragraph : fallback_paragraph, "field.missing");
        continue;
      }
      model::FieldValue out{value, std::nullopt, {v->paragraph, 0}, false};
      const bool date = f.type == FieldType::Date || f.type == FieldType::YearMonth;
      if (date) {
        // As the form writes it: 2025 年 10 月 15 日, 2025.10.15 …
        const auto iso = form_date(value);
        const FieldCheck check = iso ? check_field_value(f, *iso) : FieldCheck{};
        if (!iso || check.problem) {
          error(form_field(f.key, role), v->paragraph,
                f.type == FieldType::YearMonth ? MessageCode("docx.form-month") : MessageCode("docx.form-date"),
                {{"value", value}});
        } else {
          out.text = *iso;
          out.date = check.date;
        }
      } else if (const FieldCheck check = check_field_value(f, value); check.problem) {
        if (f.type == FieldType::Id) error(form_field(f.key, role), v->paragraph, "docx.form-id", {{"value", value}});
        else
          log.about(Severity::Error, v->paragraph, check.problem->code, form_field(f.key, role).path,
                    form_field(f.key, role).label, check.problem->args);
      }
      g.pos.line = std::max(g.pos.line, v->paragraph);
      g.values[f.name] = std::move(out);
    }
    return g;
  }
};

}  // namespace

void put_form(const FoundForm& form, model::Report& report, ImportLog& log) {
  const FieldTable& table = report_fields();
  Reader r{log, form.first_paragraph};
  // The cover's fields are what the 结项申请书 needs; its comments (the
  // notes on its fields) come before it in the XML.
  report.form.push_back(r.group(*table.group("project"), form.project, form.first_paragraph, true));
  if (!form.declaration.empty())
    report.form.push_back(r.group(*table.group("declaration"), form.declaration, form.first_paragraph, false));
  if (form.has_changes) {
    report.form.push_back(r.group(*table.group("changes"), form.changes, form.changes_paragraph, false));
    for (const FoundPerson& fp : form.persons)
      report.form.push_back(r.group(*table.group("person"), fp.values, fp.paragraph, false, fp.role));
  }
  // 立项项目名称 defaults to the project's title, as in the XML reader.
  apply_field_defaults(report);
}

}  // namespace banshi::docx
