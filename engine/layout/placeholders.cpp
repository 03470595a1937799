#include "layout/placeholders.h"

#include "layout/layout.h"
#include "util/diag.h"

namespace banshi {

namespace {

using model::PersonRole;

// A date as printed, or its blank form for the applicant to fill in.
std::string date_text(const model::DateField& d, bool day) {
  if (d.value) return format_date(*d.value);
  return day ? "年　　月　　日" : "年　　月";
}

const model::Person* leader(const model::Report& r, PersonRole role) {
  if (!r.changes) return nullptr;
  for (const auto& p : r.changes->persons)
    if (p.role == role) return &p;
  return nullptr;
}

// FIELD of a person; nullopt for an unknown field name.
std::optional<std::string> person_field(const model::Person* p, std::string_view field) {
  static const model::Person kNobody{};
  const model::Person& x = p ? *p : kNobody;
  if (field == "name") return x.name.value;
  if (field == "gender") return x.gender.value;
  if (field == "ethnicity") return x.ethnicity.value;
  if (field == "born") return date_text(x.born, false);
  if (field == "organization") return x.organization.value;
  if (field == "post") return x.post.value;
  if (field == "rank") return x.rank.value;
  if (field == "address") return x.address.value;
  if (field == "phone") return x.phone.value;
  return std::nullopt;
}

std::optional<std::string> value_of(std::string_view key, const Bindings& b) {
  const model::Report& r = b.report;
  if (key.starts_with("project.")) {
    static const model::Project kNone{};
    const model::Project& p = r.project ? *r.project : kNone;
    const std::string_view f = key.substr(8);
    if (f == "id") return p.id.value;
    if (f == "category") return p.category.value;
    if (f == "title") return p.title.value;
    if (f == "leader") return p.leader.value;
    if (f == "organization") return p.organization.value;
    if (f == "filled") return p.filled.value ? format_date(*p.filled.value) : p.filled.raw;
    return std::nullopt;
  }
  if (key.starts_with("changes.")) {
    static const model::Changes kNone{};
    const model::Changes& c = r.changes ? *r.changes : kNone;
    const std::string_view f = key.substr(8);
    if (f == "project-title") return c.project_title.value;
    if (f == "result-title") return c.result_title.value;
    if (f == "what-changed") return c.what_changed.value;
    if (f == "planned-form") return c.planned_form.value;
    if (f == "actual-form") return c.actual_form.value;
    if (f == "planned-date") return date_text(c.planned_date, true);
    if (f == "actual-date") return date_text(c.actual_date, true);
    return std::nullopt;
  }
  if (key.starts_with("leader.original.")) return person_field(leader(r, PersonRole::OriginalLeader), key.substr(16));
  if (key.starts_with("leader.current.")) return person_field(leader(r, PersonRole::CurrentLeader), key.substr(15));
  if (key.starts_with("person.")) return person_field(b.person, key.substr(7));
  return std::nullopt;
}

// {box KEY=VALUE}: ☒ when the report says so, ☐ otherwise (not answered
// leaves every box empty for the applicant to tick by hand).
std::optional<std::string> box(std::string_view expr, const Bindings& b) {
  const size_t eq = expr.find('=');
  if (eq == std::string_view::npos) return std::nullopt;
  const std::string_view key = expr.substr(0, eq), want = expr.substr(eq + 1);
  if (want != "yes" && want != "no") return std::nullopt;
  std::optional<bool> v;
  const model::Report& r = b.report;
  if (key == "changes.changed") v = r.changes ? r.changes->changed : std::nullopt;
  else if (key == "declaration.sensitive") v = r.declaration ? r.declaration->sensitive : std::nullopt;
  else if (key == "declaration.secret") v = r.declaration ? r.declaration->secret : std::nullopt;
  else return std::nullopt;
  const bool ticked = v.has_value() && *v == (want == "yes");
  return std::string(ticked ? "☒" : "☐");
}

}  // namespace

std::string fill_placeholders(std::string_view text, const Bindings& b, const std::string& where) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    if (open == std::string_view::npos) {
      out += text.substr(i);
      break;
    }
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) throw EngineError(where + ": a { without its }");
    out += text.substr(i, open - i);
    const std::string_view key = text.substr(open + 1, close - open - 1);
    const auto v = key.starts_with("box ") ? box(key.substr(4), b) : value_of(key, b);
    if (!v) throw EngineError(where + ": unknown placeholder {" + std::string(key) + "}");
    out += *v;
    i = close + 1;
  }
  return out;
}

}  // namespace banshi
