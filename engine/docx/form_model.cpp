#include "docx/form_model.h"

#include "docx/form_labels.h"
#include "docx/form_text.h"
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

  // A text field; `required` ones must be there and filled in.
  model::Field text(const std::vector<FoundValue>& vs, std::string_view key, bool required,
                    std::string_view role = {}) {
    model::Field out;
    const FoundValue* v = find(vs, key);
    const std::string value = v ? xml::normalize_text(v->text) : std::string();
    if (value.empty()) {
      if (required) error(form_field(key, role), v ? v->paragraph : fallback_paragraph, "field.missing");
      return out;
    }
    out.value = value;
    out.pos = {v->paragraph, 0};
    out.present = true;
    return out;
  }

  // A date as the form writes it (2025 年 10 月 15 日, 2025.10.15 …).
  model::DateField date(const std::vector<FoundValue>& vs, std::string_view key, bool required, bool month_only,
                        std::string_view role = {}) {
    model::DateField out;
    const FoundValue* v = find(vs, key);
    const std::string value = v ? xml::normalize_text(v->text) : std::string();
    if (value.empty()) {
      if (required) error(form_field(key, role), v ? v->paragraph : fallback_paragraph, "field.missing");
      return out;
    }
    out.pos = {v->paragraph, 0};
    out.present = true;
    const auto iso = form_date(value);
    const auto parsed = iso ? xml::parse_date(*iso, month_only) : std::variant<model::Date, std::string>(std::string());
    if (const auto* d = std::get_if<model::Date>(&parsed)) {
      out.value = *d;
      out.raw = *iso;
      return out;
    }
    out.raw = value;
    if (month_only) error(form_field(key, role), v->paragraph, "docx.form-month", {{"value", value}});
    else error(form_field(key, role), v->paragraph, "docx.form-date", {{"value", value}});
    return out;
  }
};

std::optional<bool> yes_no(const std::vector<FoundValue>& vs, std::string_view key) {
  const FoundValue* v = find(vs, key);
  if (!v || v->text.empty()) return std::nullopt;
  return v->text == "yes";
}

}  // namespace

void put_form(const FoundForm& form, model::Report& report, ImportLog& log) {
  Reader r{log, form.first_paragraph};

  model::Project p;
  p.pos = {form.first_paragraph, 0};
  p.id = r.text(form.project, "project.id", true);
  if (p.id.present && !xml::is_project_id(p.id.value))
    r.error(form_field("project.id"), p.id.pos.line, "docx.form-id", {{"value", p.id.value}});
  p.category = r.text(form.project, "project.category", true);
  p.title = r.text(form.project, "project.title", true);
  p.leader = r.text(form.project, "project.leader", true);
  p.organization = r.text(form.project, "project.organization", true);
  p.filled = r.date(form.project, "project.filled", true, false);
  // Its comments (the notes on its fields) come before it in the XML.
  for (const auto& v : form.project) p.pos.line = std::max(p.pos.line, v.paragraph);
  report.project = std::move(p);

  if (!form.declaration.empty()) {
    model::Declaration d;
    d.sensitive = yes_no(form.declaration, "declaration.sensitive");
    d.secret = yes_no(form.declaration, "declaration.secret");
    for (const auto& v : form.declaration) d.pos.line = std::max(d.pos.line, v.paragraph);
    report.declaration = d;
  }

  if (!form.has_changes) return;
  model::Changes c;
  c.pos = {form.changes_paragraph, 0};
  c.changed = yes_no(form.changes, "changes.changed");
  c.project_title = r.text(form.changes, "changes.project-title", false);
  c.result_title = r.text(form.changes, "changes.result-title", false);
  c.what_changed = r.text(form.changes, "changes.what-changed", false);
  c.planned_form = r.text(form.changes, "changes.planned-form", false);
  c.actual_form = r.text(form.changes, "changes.actual-form", false);
  c.planned_date = r.date(form.changes, "changes.planned-date", false, false);
  c.actual_date = r.date(form.changes, "changes.actual-date", false, false);
  for (const auto& v : form.changes) c.pos.line = std::max(c.pos.line, v.paragraph);
  for (const FoundPerson& fp : form.persons) {
    model::Person person;
    person.role = *xml::parse_role(fp.role);
    person.pos = {fp.paragraph, 0};
    person.name = r.text(fp.values, "person.name", false, fp.role);
    person.gender = r.text(fp.values, "person.gender", false, fp.role);
    person.ethnicity = r.text(fp.values, "person.ethnicity", false, fp.role);
    person.born = r.date(fp.values, "person.born", false, true, fp.role);
    person.organization = r.text(fp.values, "person.organization", false, fp.role);
    person.post = r.text(fp.values, "person.post", false, fp.role);
    person.rank = r.text(fp.values, "person.rank", false, fp.role);
    person.address = r.text(fp.values, "person.address", false, fp.role);
    person.phone = r.text(fp.values, "person.phone", false, fp.role);
    c.persons.push_back(std::move(person));
  }
  // 立项项目名称 defaults to the project's title, as in the XML reader.
  if (c.project_title.value.empty() && report.project->title.present) {
    c.project_title.value = report.project->title.value;
    c.project_title.pos = report.project->title.pos;
  }
  report.changes = std::move(c);
}

}  // namespace banshi::docx
