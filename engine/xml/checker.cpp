#include "xml/checker.h"

#include <algorithm>
#include <array>

#include "fields/field_value.h"
#include "xml/messages.h"
#include "xml/values.h"
#include "xml/whitespace.h"

namespace banshi::xml {

namespace {

using E = ElementId;

bool is_blank(std::string_view s) { return trim_ascii_space(s).empty(); }

std::string tag(std::string_view name) { return "<" + std::string(name) + ">"; }

// "yes (是)" / "yes（是）": a choice's values with the form's words for them.
std::vector<Message> options_of(const FieldSpec& f) {
  std::vector<Message> out;
  for (const auto& o : f.options) out.push_back({"choice.option", {{"value", o.value}, {"label", o.label}}});
  return out;
}

// Levenshtein distance, for names that are a typo of one another (<bdy>).
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The text directly inside an element (no descendants'), trimmed.
std::string own_text(const tinyxml2::XMLElement& el) {
  std::string out;
  for (const auto* n = el.FirstChild(); n; n = n->NextSibling())
    if (const auto* t = n->ToText()) out += t->Value();
  return std::string(trim_ascii_space(out));
}

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

Checker::Checker(std::string file, const SourceMap& map, Diagnostics& diags, std::vector<Diagnostic>& errors)
    : file_(std::move(file)), map_(map), diags_(diags), errors_(errors) {}

void Checker::require(const std::vector<std::string>& keys, std::string template_name) {
  required_.insert(keys.begin(), keys.end());
  template_name_ = std::move(template_name);
}

bool Checker::required(const FieldGroupSpec& g) const {
  for (const auto& f : g.fields)
    if (required_.count(f.key)) return true;
  return false;
}

void Checker::open_document() { frames_.push_back({Kind{E::Document}, nullptr, "", "", {}, errors_.size()}); }

Checker::Scope Checker::open(const El& el, Kind kind) {
  std::string instance = instance_label(el, kind);
  std::string own_label = instance.empty() ? label_of(kind) : std::move(instance);
  frames_.push_back({kind, &el, segment_of(el, kind), std::move(own_label), {}, errors_.size()});
  Scope scope(*this);
  check_attributes(el, kind);
  check_children(el, kind);
  return scope;
}

int Checker::section_depth() const {
  int depth = 0;
  for (const auto& f : frames_) depth += f.kind.id == E::Section ? 1 : 0;
  return depth;
}

// ---------------------------------------------------------------- names and labels

std::string Checker::element_name(const Kind& kind) const {
  if (kind.group) return kind.group->element;
  if (kind.field) return kind.field->name;
  return std::string(spec(kind.id).name);
}

std::string Checker::segment_of(const El& el, const Kind& kind) const {
  if (kind.group) {
    // Repeated groups are told apart by their key: <person role="original-leader">.
    const FieldSpec* key = kind.group->key_field();
    const std::string_view value = key ? attribute(el, key->name) : std::string_view{};
    if (!key || !key->option(value)) return tag(kind.group->element);
    return "<" + kind.group->element + " " + key->name + "=\"" + std::string(value) + "\">";
  }
  const ElementSpec& s = spec(kind.id);
  if (kind.field || s.key_attr.empty()) return tag(element_name(kind));
  const std::string_view value = attribute(el, s.key_attr);
  const AttrSpec* a = find_attr(kind.id, s.key_attr);
  if (value.empty() || (a && check_attribute_value(*a, value))) return tag(s.name);
  return "<" + std::string(s.name) + " " + std::string(s.key_attr) + "=\"" + std::string(value) + "\">";
}

// A repeated group is named after its key's option (原负责人), its fields
// after both (原负责人 出生日期): the form's person table repeats 姓名,
// 所在单位 … for every person.
std::string Checker::instance_label(const El& el, const Kind& kind) const {
  if (!kind.group) return {};
  const FieldSpec* key = kind.group->key_field();
  const FieldOption* o = key ? key->option(attribute(el, key->name)) : nullptr;
  return o ? o->label : std::string();
}

std::string Checker::label_of(const Kind& kind) const {
  if (kind.group) return kind.group->label;
  if (kind.field) {
    const Frame& parent = frames_.back();
    if (parent.kind.group && parent.kind.group->key_field() && parent.label != parent.kind.group->label)
      return parent.label + " " + kind.field->label;
    return kind.field->label;
  }
  LabelContext ctx;
  ctx.section_depth = section_depth();
  return element_label(kind.id, ctx);
}

std::string Checker::attribute_label_of(const Kind& kind, std::string_view attr) const {
  if (kind.group)
    if (const FieldSpec* f = kind.group->attribute_field(attr)) return f->label;
  if (kind.group || kind.field) return label();
  LabelContext ctx;
  ctx.section_depth = section_depth();
  return attribute_label(kind.id, attr, ctx);
}

std::string Checker::path_with(std::string_view extra) const {
  // Paths start below <report>, as the spec's examples do
  // (<project>/<id>); report's own attributes are <report>/@template.
  std::string out;
  for (size_t k = 2; k < frames_.size(); ++k) out += (out.empty() ? "" : "/") + frames_[k].segment;
  if (out.empty() && !extra.starts_with('<') && frames_.size() >= 2) out = frames_[1].segment;
  if (!extra.empty()) out += (out.empty() ? "" : "/") + std::string(extra);
  return out;
}

// ---------------------------------------------------------------- findings

void Checker::error_at(model::Pos pos, std::string path, std::string label, MessageCode code, Args args) {
  errors_.push_back(
      make_diagnostic(Severity::Error, file_, pos, code, std::move(args), std::move(path), std::move(label)));
}

void Checker::error_here(model::Pos pos, MessageCode code, Args args) {
  error_at(pos, path_with(), label(), code, std::move(args));
}

void Checker::warn_at(model::Pos pos, std::string path, std::string label, MessageCode code, Args args) {
  diags_.add(make_diagnostic(Severity::Warning, file_, pos, code, std::move(args), std::move(path), std::move(label)));
}

// ---------------------------------------------------------------- attributes

void Checker::check_attributes(const El& el, const Kind& kind) {
  const FieldGroupSpec* g = kind.group;
  const ElementSpec& s = spec(kind.id);
  std::vector<std::string> names;
  if (g) {
    for (const auto& f : g->fields)
      if (f.attribute) names.push_back(f.name);
  } else if (!kind.field) {
    for (const auto& a : s.attrs) names.emplace_back(a.name);
  }
  for (const auto* a = el.FirstAttribute(); a; a = a->Next()) {
    const std::string_view name = a->Name();
    const std::string at = "@" + std::string(name);
    const std::string_view value = trim_ascii_space(a->Value());
    if (g) {
      if (const FieldSpec* f = g->attribute_field(name)) {
        if (auto problem = check_field_value(*f, value).problem)
          error_at(map_.attr_value_pos(&el, name), path_with(at), f->label, problem->code, std::move(problem->args));
        continue;
      }
    } else if (const AttrSpec* as = kind.field ? nullptr : find_attr(kind.id, name)) {
      if (auto problem = check_attribute_value(*as, value))
        error_at(map_.attr_value_pos(&el, name), path_with(at), attribute_label_of(kind, name), problem->code,
                 std::move(problem->args));
      continue;
    }
    const std::string element = element_name(kind);
    if (names.empty())
      error_at(map_.attr_name_pos(&el, name), path_with(at), "", "attribute.none", {{"element", element}});
    else
      error_at(map_.attr_name_pos(&el, name), path_with(at), "", "attribute.unknown",
               {{"element", element}, {"allowed", names}});
  }
  // Required attributes.
  if (g) {
    for (const auto& f : g->fields) {
      if (!f.attribute || !required(f) || has_attribute(el, f.name)) continue;
      error_at(pos(&el), path_with("@" + f.name), f.label, "attribute.missing-choice", {{"allowed", options_of(f)}});
    }
    return;
  }
  for (const auto& as : s.attrs) {
    if (!as.required || has_attribute(el, as.name)) continue;
    const std::string at = "@" + std::string(as.name);
    if (as.type == AttrType::Choice)
      error_at(pos(&el), path_with(at), attribute_label_of(kind, as.name), "attribute.missing-values",
               {{"allowed", std::vector<std::string>(as.choices.begin(), as.choices.end())}});
    else error_at(pos(&el), path_with(at), attribute_label_of(kind, as.name), "attribute.missing");
  }
}

// ---------------------------------------------------------------- children

std::vector<Checker::Child> Checker::allowed_children(const Kind& parent) const {
  std::vector<Child> out;
  const FieldTable& table = report_fields();
  if (parent.group) {
    for (const auto& f : parent.group->fields)
      if (!f.attribute) out.push_back({{E::Field, nullptr, &f}, required(f) ? Occurs::Required : Occurs::Optional});
    for (const auto& g : table.groups())
      if (g.parent == parent.group->name)
        out.push_back({{E::Group, &g, nullptr}, g.repeats ? Occurs::Many : Occurs::Optional});
    return out;
  }
  if (parent.field) return out;
  if (parent.id == E::Report)
    for (const auto& g : table.groups())
      if (g.parent.empty()) out.push_back({{E::Group, &g, nullptr}, required(g) ? Occurs::Required : Occurs::Optional});
  for (const auto& c : spec(parent.id).children) out.push_back({{c.id}, c.occurs});
  return out;
}

bool Checker::no_self_nesting_violated(const Kind& kind) const {
  if (kind.group || kind.field || !spec(kind.id).no_self_nesting) return false;
  for (const auto& f : frames_)
    if (f.kind.id == kind.id) return true;  // no <fn> in a <fn>, at any depth
  return false;
}

std::optional<Kind> Checker::child_kind(std::string_view name) const {
  for (const auto& c : allowed_children(current()))
    if (element_name(c.kind) == name && !no_self_nesting_violated(c.kind)) return c.kind;
  return std::nullopt;
}

Message Checker::allowed_children_text(const Kind& parent) const {
  if (parent.id == E::Document) return {"element.root-must-be-report"};
  std::vector<std::string> tags;
  for (const auto& c : allowed_children(parent))
    if (!no_self_nesting_violated(c.kind)) tags.push_back(tag(element_name(c.kind)));
  return {"element.allowed-in", {{"parent", element_name(parent)}, {"children", tags}}};
}

std::optional<Kind> Checker::typo_of(std::string_view name, const Kind& parent) const {
  // One or two letters off, of a name long enough for that to mean a typo.
  std::optional<Kind> found;
  for (const auto& c : allowed_children(parent)) {
    const std::string candidate = element_name(c.kind);
    if (candidate.size() < 3 || edit_distance(name, candidate) > (candidate.size() < 5 ? 1u : 2u)) continue;
    if (found) return std::nullopt;  // two near names: no guess
    found = c.kind;
  }
  return found;
}

const FieldSpec* Checker::misnamed_field(const El& child, const std::vector<const FieldSpec*>& missing) const {
  if (child.FirstChildElement()) return nullptr;
  const std::string text = own_text(child);
  if (text.empty()) return nullptr;
  std::vector<const FieldSpec*> fits, strict;
  for (const FieldSpec* f : missing) {
    if (check_field_value(*f, text).problem) continue;
    fits.push_back(f);
    if (f->type != FieldType::Text) strict.push_back(f);
  }
  // A date fits only a date field, an ID only the ID: such a fit says
  // which field was meant; plain text fits any text field, so it says so
  // only when one field is missing.
  if (strict.size() == 1) return strict.front();
  if (strict.empty() && fits.size() == 1) return fits.front();
  return nullptr;
}

void Checker::check_children(const El& el, const Kind& kind) {
  const ElementSpec& s = spec(kind.id);
  const Content content = kind.group ? Content::Elements : kind.field ? Content::Text : s.content;
  const std::string name = element_name(kind);
  const std::vector<Child> allowed = allowed_children(kind);
  std::vector<int> count(allowed.size(), 0);
  std::vector<model::Pos> first(allowed.size());
  std::vector<const El*> unknown;
  bool any_element = false;
  Frame& frame = frames_.back();
  for (const auto* node = el.FirstChild(); node; node = node->NextSibling()) {
    if (const auto* text = node->ToText()) {
      if (is_blank(text->Value())) continue;
      const std::string found = shortened(trim_ascii_space(text->Value()));
      if (content == Content::Elements)
        error_here(pos(text), "element.text-outside", {{"text", found}, {"allowed", allowed_children_text(kind)}});
      if (content == Content::Empty) error_here(pos(text), "element.must-be-empty", {{"text", found}});
      continue;
    }
    const auto* child = node->ToElement();
    if (!child) continue;  // comments, processing instructions
    const std::string child_tag = tag(child->Name());
    if (content == Content::Text) {
      error_at(pos(child), path_with(child_tag), "", "element.text-only", {{"parent", name}, {"label", label()}});
      continue;
    }
    if (content == Content::Empty) {
      error_at(pos(child), path_with(child_tag), "", "element.empty-only", {{"parent", name}});
      continue;
    }
    size_t k = 0;
    while (k < allowed.size() &&
           (element_name(allowed[k].kind) != child->Name() || no_self_nesting_violated(allowed[k].kind)))
      ++k;
    if (k == allowed.size()) {
      unknown.push_back(child);
      continue;
    }
    const Child& c = allowed[k];
    if (at_most_once(c.occurs) && count[k] > 0) {
      error_at(pos(child), path_with(segment_of(*child, c.kind)), label_of(c.kind), "element.twice",
               {{"line", first[k].line}, {"column", first[k].column}});
      continue;
    }
    if (c.occurs == Occurs::First && any_element)
      error_at(pos(child), path_with(child_tag), label_of(c.kind), "element.must-come-first", {{"parent", name}});
    if (count[k]++ == 0) first[k] = pos(child);
    any_element = true;
    frame.children.push_back({child, c.kind});
  }
  // Required children that are missing; a field may have been written
  // under another name, which one message says.
  std::vector<const FieldSpec*> missing_fields;
  std::vector<std::string> said;  // missing children one message already names
  for (size_t k = 0; k < allowed.size(); ++k)
    if (is_required(allowed[k].occurs) && count[k] == 0 && allowed[k].kind.field)
      missing_fields.push_back(allowed[k].kind.field);
  for (const El* child : unknown) {
    const std::string path = path_with(tag(child->Name()));
    if (const auto typo = typo_of(child->Name(), kind)) {
      // <bdy> for <body>: one message, and <body> is not also "missing".
      const std::string meant = element_name(*typo);
      said.push_back(meant);
      std::erase_if(missing_fields, [&](const FieldSpec* f) { return f->name == meant; });
      error_at(pos(child), path, "", "element.typo", {{"element", meant}, {"label", label_of(*typo)}});
    } else if (const FieldSpec* f = kind.group ? misnamed_field(*child, missing_fields) : nullptr) {
      // <date>2025-10-15</date> where <filled> (填表日期) is missing.
      std::erase(missing_fields, f);
      error_at(pos(child), path, "", "element.instead-of", {{"label", f->label}, {"element", f->name}});
    } else {
      error_at(pos(child), path, "", "element.not-allowed", {{"allowed", allowed_children_text(kind)}});
    }
  }
  for (size_t k = 0; k < allowed.size(); ++k) {
    const Child& c = allowed[k];
    if (!is_required(c.occurs) || count[k] > 0) continue;
    if (std::find(said.begin(), said.end(), element_name(c.kind)) != said.end()) continue;
    const std::string path = path_with(tag(element_name(c.kind)));
    if (c.kind.field) {
      if (std::find(missing_fields.begin(), missing_fields.end(), c.kind.field) != missing_fields.end())
        error_at(pos(&el), path, label_of(c.kind), "field.missing");
    } else if (c.kind.group) {
      error_at(pos(&el), path, label_of(c.kind), "group.missing", {{"template", template_name_}});
    } else {
      error_at(pos(&el), path, label_of(c.kind), "element.missing");
    }
  }
}

}  // namespace banshi::xml
