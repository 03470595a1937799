#include "xml/report_parser.h"

#include <array>
#include <cstdio>

#include "util/utf8.h"
#include "xml/lookalikes.h"
#include "xml/messages.h"
#include "xml/values.h"
#include "xml/whitespace.h"

namespace banshi::xml {

namespace {

using E = ElementId;

bool is_blank(std::string_view s) { return trim_ascii_space(s).empty(); }

std::string tag(std::string_view name) { return "<" + std::string(name) + ">"; }

// Elements a template cannot do without, beyond what the schema requires
// of every report.
struct TemplateNeed {
  std::string_view template_name;
  ElementId element;
};
constexpr std::array<TemplateNeed, 1> kTemplateNeeds{{{"jiexiang", E::Project}}};

constexpr std::array<FieldSlot<model::Project>, 6> kProjectFields{{
    {E::ProjectId, &model::Project::id},
    {E::ProjectCategory, &model::Project::category},
    {E::ProjectTitle, &model::Project::title},
    {E::ProjectLeader, &model::Project::leader},
    {E::ProjectOrganization, &model::Project::organization},
    {E::ProjectFilled, nullptr, &model::Project::filled},
}};

constexpr std::array<FieldSlot<model::Changes>, 7> kChangesFields{{
    {E::ChangesProjectTitle, &model::Changes::project_title},
    {E::ChangesResultTitle, &model::Changes::result_title},
    {E::ChangesWhatChanged, &model::Changes::what_changed},
    {E::ChangesPlannedForm, &model::Changes::planned_form},
    {E::ChangesActualForm, &model::Changes::actual_form},
    {E::ChangesPlannedDate, nullptr, &model::Changes::planned_date},
    {E::ChangesActualDate, nullptr, &model::Changes::actual_date},
}};

constexpr std::array<FieldSlot<model::Person>, 9> kPersonFields{{
    {E::PersonName, &model::Person::name},
    {E::PersonGender, &model::Person::gender},
    {E::PersonEthnicity, &model::Person::ethnicity},
    {E::PersonBorn, nullptr, &model::Person::born},
    {E::PersonOrganization, &model::Person::organization},
    {E::PersonPost, &model::Person::post},
    {E::PersonRank, &model::Person::rank},
    {E::PersonAddress, &model::Person::address},
    {E::PersonPhone, &model::Person::phone},
}};

}  // namespace

std::string_view attribute(const tinyxml2::XMLElement& el, std::string_view name) {
  for (const auto* a = el.FirstAttribute(); a; a = a->Next())
    if (name == a->Name()) return trim_ascii_space(a->Value());
  return {};
}

bool has_attribute(const tinyxml2::XMLElement& el, std::string_view name) {
  for (const auto* a = el.FirstAttribute(); a; a = a->Next())
    if (name == a->Name()) return true;
  return false;
}

ReportParser::ReportParser(std::string file, std::filesystem::path base_dir, const SourceMap& map, Diagnostics& diags)
    : file_(std::move(file)), base_dir_(std::move(base_dir)), map_(map), diags_(diags) {}

// ---------------------------------------------------------------- schema

ReportParser::Scope ReportParser::open(const El& el, ElementId id) {
  frames_.push_back({id, &el, segment_of(el, id)});
  Scope scope(frames_);
  check_attributes(el, id);
  check_children(el, id);
  return scope;
}

std::string ReportParser::segment_of(const El& el, ElementId id) const {
  const ElementSpec& s = spec(id);
  if (s.key_attr.empty()) return tag(s.name);
  const std::string_view value = attribute(el, s.key_attr);
  const AttrSpec* a = find_attr(id, s.key_attr);
  if (value.empty() || (a && check_attribute_value(*a, value))) return tag(s.name);
  return "<" + std::string(s.name) + " " + std::string(s.key_attr) + "=\"" + std::string(value) + "\">";
}

void ReportParser::check_attributes(const El& el, ElementId id) const {
  const ElementSpec& s = spec(id);
  for (const auto* a = el.FirstAttribute(); a; a = a->Next()) {
    const std::string_view name = a->Name();
    const std::string at = "@" + std::string(name);
    const AttrSpec* as = find_attr(id, name);
    if (!as) {
      std::vector<std::string_view> names;
      for (const auto& x : s.attrs) names.push_back(x.name);
      const std::string allowed = join(names);
      fail_at(map_.attr_name_pos(&el, name), path_with(at), "",
              "is not allowed here; " + (allowed.empty() ? tag(s.name) + " takes no attributes"
                                                         : "allowed attributes of " + tag(s.name) + ": " + allowed));
    }
    if (auto problem = check_attribute_value(*as, trim_ascii_space(a->Value())))
      fail_at(map_.attr_value_pos(&el, name), path_with(at), attribute_label(id, name, label_context()), *problem);
  }
  for (const auto& as : s.attrs) {
    if (!as.required || has_attribute(el, as.name)) continue;
    std::string message = "is missing";
    if (as.type == AttrType::Choice) message += "; " + allowed_values(as);
    fail_at(pos(&el), path_with("@" + std::string(as.name)), attribute_label(id, as.name, label_context()), message);
  }
}

const ChildSpec* ReportParser::allowed_child(ElementId parent, std::string_view name) const {
  const ChildSpec* c = find_child(parent, name);
  if (!c || !spec(c->id).no_self_nesting) return c;
  for (const auto& f : frames_)
    if (f.id == c->id) return nullptr;  // no <fn> in a <fn>, at any depth
  return c;
}

std::string ReportParser::allowed_children_text(ElementId parent) const {
  if (parent == E::Document) return "the root element must be <report>";
  std::string out;
  for (const auto& c : spec(parent).children) {
    const std::string_view name = spec(c.id).name;
    if (!allowed_child(parent, name)) continue;
    out += (out.empty() ? "" : ", ") + tag(name);
  }
  return "allowed in " + tag(spec(parent).name) + ": " + out;
}

void ReportParser::check_children(const El& el, ElementId id) const {
  const ElementSpec& s = spec(id);
  std::array<int, kElementCount> count{};
  std::array<model::Pos, kElementCount> first{};
  bool any_element = false;
  for (const auto* node = el.FirstChild(); node; node = node->NextSibling()) {
    if (const auto* text = node->ToText()) {
      if (is_blank(text->Value())) continue;
      const std::string found = quoted(trim_ascii_space(text->Value()));
      if (s.content == Content::Elements)
        fail_here(pos(text), "has text " + found + " outside any element; " + allowed_children_text(id));
      if (s.content == Content::Empty) fail_here(pos(text), "must be empty (found " + found + ")");
      continue;
    }
    const auto* child = node->ToElement();
    if (!child) continue;  // comments, processing instructions
    const std::string child_tag = tag(child->Name());
    if (s.content == Content::Text)
      fail_at(pos(child), path_with(child_tag), "",
              "is not allowed here; " + tag(s.name) + " (" + label() + ") takes plain text only");
    if (s.content == Content::Empty)
      fail_at(pos(child), path_with(child_tag), "", "is not allowed here; " + tag(s.name) + " must be empty");
    const ChildSpec* c = allowed_child(id, child->Name());
    if (!c) fail_at(pos(child), path_with(child_tag), "", "is not allowed here; " + allowed_children_text(id));
    const size_t k = index_of(c->id);
    if (at_most_once(c->occurs) && count[k] > 0)
      fail_at(pos(child), path_with(child_tag), label_of(c->id),
              "appears more than once (the first is at " + where(first[k]) + ")");
    if (c->occurs == Occurs::First && any_element)
      fail_at(pos(child), path_with(child_tag), label_of(c->id), "must come first in " + tag(s.name));
    if (count[k]++ == 0) first[k] = pos(child);
    any_element = true;
  }
  for (const auto& c : s.children) {
    if (is_required(c.occurs) && count[index_of(c.id)] == 0)
      fail_at(pos(&el), path_with(tag(spec(c.id).name)), label_of(c.id), "is missing");
  }
}

// ---------------------------------------------------------------- messages

std::string ReportParser::path_with(std::string_view extra) const {
  // Paths start below <report>, as the spec's examples do
  // (<project>/<id>); report's own attributes are <report>/@template.
  std::string out;
  for (size_t k = 2; k < frames_.size(); ++k) out += (out.empty() ? "" : "/") + frames_[k].segment;
  if (out.empty() && !extra.starts_with('<') && frames_.size() >= 2) out = frames_[1].segment;
  if (!extra.empty()) out += (out.empty() ? "" : "/") + std::string(extra);
  return out;
}

LabelContext ReportParser::label_context() const {
  LabelContext ctx;
  for (const auto& f : frames_) {
    if (f.id == E::Section) ++ctx.section_depth;
    if (f.id == E::Person) ctx.role = parse_role(attribute(*f.el, "role"));
  }
  return ctx;
}

std::string ReportParser::label() const { return label_of(frames_.back().id); }

void ReportParser::fail_at(model::Pos pos, std::string path, std::string label, std::string message) const {
  fail(file_, pos, std::move(message), std::move(path), std::move(label));
}

void ReportParser::fail_here(model::Pos pos, std::string message) const {
  fail_at(pos, path_with(), label(), std::move(message));
}

void ReportParser::warn_at(model::Pos pos, std::string path, std::string label, std::string message) {
  diags_.add(make_diagnostic(Severity::Warning, file_, pos, std::move(message), std::move(path), std::move(label)));
}

// ---------------------------------------------------------------- the report

model::Report ReportParser::parse(const tinyxml2::XMLDocument& doc) {
  frames_.push_back({E::Document, nullptr, ""});
  // The scanner has made sure there is exactly one root element.
  const El& root = *doc.RootElement();
  if (!find_child(E::Document, root.Name()))
    fail_at(pos(&root), path_with(tag(root.Name())), "", "is not allowed here; " + allowed_children_text(E::Document));
  model::Report report;
  report.source_file = file_;
  report.base_dir = base_dir_.string();
  read_report(root, report);
  return report;
}

void ReportParser::read_report(const El& el, model::Report& report) {
  auto scope = open(el, E::Report);
  report.template_name = attribute(el, "template");
  report.template_pos = map_.attr_value_pos(&el, "template");
  report.version = 1;  // the only value the schema lets through
  std::array<bool, kElementCount> seen{};
  each_child(el, [&](const El& child, ElementId id) {
    seen[index_of(id)] = true;
    switch (id) {
      case E::Project: report.project = read_project(child); break;
      case E::Changes: report.changes = read_changes(child); break;
      case E::Declaration: {
        auto child_scope = open(child, E::Declaration);
        model::Declaration d;
        d.pos = pos(&child);
        if (has_attribute(child, "sensitive")) d.sensitive = yes(attribute(child, "sensitive"));
        if (has_attribute(child, "secret")) d.secret = yes(attribute(child, "secret"));
        report.declaration = d;
        break;
      }
      case E::Outcome: report.outcome = read_outcome(child); break;
      default: break;
    }
  });
  // 立项项目名称 defaults to the project's title (report-xml.md).
  if (report.changes && report.project && report.changes->project_title.value.empty()) {
    model::Field& title = report.changes->project_title;
    title.value = report.project->title.value;
    if (!title.present) title.pos = report.project->title.pos;
  }
  for (const auto& need : kTemplateNeeds)
    if (need.template_name == report.template_name && !seen[index_of(need.element)])
      fail_at(pos(&el), path_with(tag(spec(need.element).name)), label_of(need.element),
              "is missing; template=\"" + std::string(need.template_name) + "\" needs it");
}

model::Project ReportParser::read_project(const El& el) {
  auto scope = open(el, E::Project);
  model::Project p;
  p.pos = pos(&el);
  read_fields<model::Project>(el, p, kProjectFields);
  return p;
}

model::Changes ReportParser::read_changes(const El& el) {
  auto scope = open(el, E::Changes);
  model::Changes c;
  c.pos = pos(&el);
  if (has_attribute(el, "changed")) c.changed = yes(attribute(el, "changed"));
  read_fields<model::Changes>(el, c, kChangesFields);
  // The form has one row for each leader: a second is a mistake.
  std::array<const El*, 4> leader{};
  each_child(el, [&](const El& child, ElementId id) {
    if (id != E::Person) return;
    c.persons.push_back(read_person(child));
    const model::PersonRole role = c.persons.back().role;
    if (role != model::PersonRole::OriginalLeader && role != model::PersonRole::CurrentLeader) return;
    const El*& seen = leader[static_cast<size_t>(role)];
    if (seen)
      fail_at(pos(&child), path_with(segment_of(child, E::Person)), std::string(role_label(role)),
              "appears more than once (the first is at " + where(pos(seen)) + ")");
    seen = &child;
  });
  return c;
}

model::Person ReportParser::read_person(const El& el) {
  auto scope = open(el, E::Person);
  model::Person p;
  p.pos = pos(&el);
  p.role = *parse_role(attribute(el, "role"));  // required and checked by open()
  read_fields<model::Person>(el, p, kPersonFields);
  return p;
}

template <class T>
void ReportParser::read_fields(const El& el, T& out, std::span<const FieldSlot<T>> slots) {
  each_child(el, [&](const El& child, ElementId id) {
    for (const auto& slot : slots) {
      if (slot.id != id) continue;
      if (slot.text) out.*slot.text = read_field(child, id);
      if (slot.date) out.*slot.date = read_date(child, id);
    }
  });
}

// BZ25YB119: the federation's numbering of its projects.
bool is_project_id(std::string_view v) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return v.size() == 9 && v[0] == 'B' && v[1] == 'Z' && digit(v[2]) && digit(v[3]) && upper(v[4]) && upper(v[5]) &&
         digit(v[6]) && digit(v[7]) && digit(v[8]);
}

void ReportParser::check_lookalikes(std::string_view text, model::Pos pos) {
  for_each_lookalike(text, [&](char32_t cp, char32_t to) {
    if (lookalikes_.insert(cp).second)
      diags_.add(Diagnostic(Severity::Warning, "text.lookalike", lookalike_args(cp, to))
                     .at({file_, pos.line, pos.column})
                     .about(path_with(), label()));
  });
}

std::string ReportParser::field_text(const El& el) const {
  // Only text and comments are left after open(); a comment that tinyxml2
  // kept in place of white space still separates words.
  std::string raw;
  for (const auto* node = el.FirstChild(); node; node = node->NextSibling()) {
    if (map_.blank_before(node)) raw += ' ';
    if (const auto* text = node->ToText()) raw += text->Value();
  }
  return normalize_text(raw);
}

model::Field ReportParser::read_field(const El& el, ElementId id) {
  auto scope = open(el, id);
  model::Field f{field_text(el), pos(&el), true};
  check_lookalikes(f.value, f.pos);
  if (f.value.empty() && spec(id).non_empty) fail_here(pos(&el), "is empty");
  if (spec(id).value == TextValue::ProjectId && !is_project_id(f.value))
    fail_here(pos(&el), "\"" + f.value +
                            "\" is not a 立项编号 of the form BZ25YB119 (BZ, the year's last two digits, two capital "
                            "letters for the category, three digits)");
  return f;
}

model::DateField ReportParser::read_date(const El& el, ElementId id) {
  auto scope = open(el, id);
  model::DateField d;
  d.raw = field_text(el);
  d.pos = pos(&el);
  d.present = true;
  if (d.raw.empty() && !spec(id).non_empty) return d;  // an empty cell of the change table
  auto parsed = parse_date(d.raw, spec(id).value == TextValue::YearMonth);
  if (auto* problem = std::get_if<std::string>(&parsed)) fail_here(pos(&el), *problem);
  d.value = std::get<model::Date>(parsed);
  return d;
}

}  // namespace banshi::xml
