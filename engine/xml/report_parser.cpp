// <report>, its template's requirements and the form's fields, read by the
// field table: no field is named here.
#include "xml/report_parser.h"

#include <cstdio>
#include <map>

#include "fields/field_value.h"
#include "util/utf8.h"
#include "xml/lookalikes.h"
#include "xml/messages.h"
#include "xml/values.h"
#include "xml/whitespace.h"

namespace banshi::xml {

namespace {

using E = ElementId;

std::string tag(std::string_view name) { return "<" + std::string(name) + ">"; }

}  // namespace

ReportParser::ReportParser(std::string file, std::filesystem::path base_dir, const SourceMap& map, Diagnostics& diags,
                           std::vector<Diagnostic>& errors, RequiredFields required)
    : file_(file),
      base_dir_(std::move(base_dir)),
      check_(std::move(file), map, diags, errors),
      required_(std::move(required)) {}

model::Report ReportParser::parse(const tinyxml2::XMLDocument& doc) {
  check_.open_document();
  model::Report report;
  report.source_file = file_;
  report.base_dir = base_dir_.string();
  // The scanner has made sure there is exactly one root element.
  const El& root = *doc.RootElement();
  if (!check_.child_kind(root.Name())) {
    check_.error_at(pos(&root), check_.path_with(tag(root.Name())), "", "element.not-allowed",
                    {{"allowed", Message{"element.root-must-be-report"}}});
    return report;
  }
  read_report(root, report);
  return report;
}

// ---------------------------------------------------------------- the report

void ReportParser::require_template_fields(const El& el, const std::string& template_name) {
  if (!required_ || template_name.empty()) return;
  if (const AttrSpec* a = find_attr(E::Report, "template"); a && check_attribute_value(*a, template_name)) return;
  try {
    check_.require(required_(template_name), template_name);
  } catch (const InputError& e) {
    // Not an installed template (said at the attribute), or a template that
    // cannot be read (said at its own file:line); the rest is checked
    // against no template's requirements.
    const model::Pos p = check_.map().attr_value_pos(&el, "template");
    for (Diagnostic d : e.diagnostics()) {
      if (d.loc.empty()) d.at({file_, p.line, p.column});
      check_.add_error(std::move(d));
    }
  }
}

void ReportParser::read_report(const El& el, model::Report& report) {
  // What the template requires decides which children are missing: known
  // before the children are checked.
  report.template_name = attribute(el, "template");
  report.template_pos = check_.map().attr_value_pos(&el, "template");
  report.version = 1;  // the only value the schema lets through
  require_template_fields(el, report.template_name);
  auto scope = check_.open(el, Kind{E::Report});
  for (const auto& [child, kind] : check_.children()) {
    if (kind.group) read_group(*child, kind, report.form);
    else if (kind.id == E::Outcome) report.outcome = read_outcome(*child);
  }
  apply_field_defaults(report);
}

void ReportParser::read_group(const El& el, const Kind& kind, std::vector<model::FieldGroup>& out) {
  auto scope = check_.open(el, kind);
  model::FieldGroup group;
  group.name = kind.group->name;
  group.pos = pos(&el);
  for (const auto& f : kind.group->fields) {
    if (!f.attribute || !has_attribute(el, f.name)) continue;
    const model::Pos p = check_.map().attr_value_pos(&el, f.name);
    group.values[f.name] = {std::string(attribute(el, f.name)), std::nullopt, p};
  }
  std::vector<model::FieldGroup> inner;
  // A key option marked once (the original leader): the form has one row for it.
  std::map<std::string, model::Pos, std::less<>> once;
  for (const auto& [child, child_kind] : check_.children()) {
    if (child_kind.field) {
      read_field(*child, child_kind, group);
      continue;
    }
    const size_t before = inner.size();
    read_group(*child, child_kind, inner);
    const FieldSpec* key = child_kind.group->key_field();
    if (!key || inner.size() == before) continue;
    const FieldOption* option = key->option(inner[before].text(key->name));
    if (!option || !option->once) continue;
    const model::Pos at = pos(child);
    if (const auto [it, fresh] = once.emplace(option->value, at); !fresh)
      check_.error_at(at, check_.path_with(check_.segment_of(*child, child_kind)), option->label, "element.twice",
                      {{"line", it->second.line}, {"column", it->second.column}});
  }
  out.push_back(std::move(group));
  // Nested groups come after the group that holds them, each followed by its own.
  for (auto& g : inner) out.push_back(std::move(g));
}

void ReportParser::read_field(const El& el, const Kind& kind, model::FieldGroup& group) {
  auto scope = check_.open(el, kind);
  if (!check_.clean()) return;  // <id>BZ<b>25</b></id>: said; its value would only repeat it
  const FieldSpec& f = *kind.field;
  model::FieldValue v{field_text(el), std::nullopt, pos(&el)};
  check_lookalikes(v.text, v.pos);
  if (v.text.empty()) {
    // An empty cell of the change table is a blank to fill by hand; a
    // field the template needs is not.
    if (check_.required(f)) {
      if (f.type == FieldType::Date || f.type == FieldType::YearMonth)
        check_.error_here(v.pos,
                          f.type == FieldType::Date ? MessageCode("date.empty") : MessageCode("date.empty-year-month"));
      else check_.error_here(v.pos, "field.empty");
    }
  } else {
    FieldCheck c = check_field_value(f, v.text);
    if (c.problem) check_.error_here(v.pos, c.problem->code, std::move(c.problem->args));
    v.date = c.date;
  }
  group.values[f.name] = std::move(v);
}

void ReportParser::check_lookalikes(std::string_view text, model::Pos pos) {
  for_each_lookalike(text, [&](char32_t cp, char32_t to) {
    if (lookalikes_.insert(cp).second)
      check_.warn_at(pos, check_.path_with(), check_.label(), "text.lookalike", lookalike_args(cp, to));
  });
}

std::string ReportParser::field_text(const El& el) const {
  // Only text and comments are left after the check; a comment that
  // tinyxml2 kept in place of white space still separates words.
  std::string raw;
  for (const auto* node = el.FirstChild(); node; node = node->NextSibling()) {
    if (check_.map().blank_before(node)) raw += ' ';
    if (const auto* text = node->ToText()) raw += text->Value();
  }
  return normalize_text(raw);
}

}  // namespace banshi::xml
