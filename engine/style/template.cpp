#include "style/template.h"

#include <tinyxml2.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>

#include "fields/field_table.h"
#include "style/form_reader.h"
#include "style/template_check.h"
#include "style/template_reader.h"
#include "util/file.h"

namespace banshi {

const TextStyle& Template::style(Role role) const { return style(role_name(role)); }

const TextStyle& Template::style(std::string_view style_name) const {
  auto it = styles.find(style_name);
  // load_template() has checked every role and every name the template
  // uses; a miss is a bug in the engine, not in the template.
  if (it == styles.end()) throw EngineError("template.no-style", {{"file", file.string()}, {"style", style_name}});
  return it->second;
}

const NumberingLevel* Template::level(int depth) const {
  for (const auto& n : numbering)
    if (n.depth == depth) return &n;
  return nullptr;
}

namespace {

Template load_template_at(const std::filesystem::path& template_dir, int depth);

// <requires fields="project.id project.title …"/>: keys of the field table.
std::vector<std::string> read_requirements(const TemplateReader& r, const XMLElement* e) {
  r.check_attributes(e, {"fields"});
  std::vector<std::string> keys;
  std::istringstream in(r.required(e, "fields"));
  for (std::string key; in >> key;) {
    if (!report_fields().find(key)) r.fail(e, "template.unknown-field", {{"key", key}});
    keys.push_back(key);
  }
  return keys;
}

// Every role has its style, with what the template extends: the layout
// asks for them all.
void check_roles(const TemplateReader& r, const Template& t, int line) {
  for (const RoleInfo& role : kRoles)
    if (!t.styles.count(role.name))
      r.fail_at(line, "template.missing-role", {{"role", role.name}, {"label", role.label}});
}

}  // namespace

Template load_template(const std::filesystem::path& template_dir) { return load_template_at(template_dir, 0); }

namespace {

Template load_template_at(const std::filesystem::path& template_dir, int depth) {
  Template t;
  t.dir = template_dir;
  t.file = template_dir / "template.xml";
  TemplateReader r(t.file);
  if (!std::filesystem::exists(t.file)) throw EngineError("template.no-file", {{"file", t.file.string()}});
  const std::string bytes = read_file(t.file);
  tinyxml2::XMLDocument doc;
  if (doc.Parse(bytes.data(), bytes.size()) != tinyxml2::XML_SUCCESS)
    r.fail_at(doc.ErrorLineNum(), "data.malformed-xml", {{"problem", doc.ErrorStr()}});
  const XMLElement* root = doc.RootElement();
  if (!root || std::string_view(root->Name()) != "template") r.fail(root, "data.root", {{"element", "template"}});
  r.check_attributes(root, {"name", "version", "extends"});
  if (const std::string v = r.attr(root, "version", "1"); v != "1") r.fail(root, "data.version", {{"value", v}});
  if (const char* base = root->Attribute("extends")) {
    // Start from another template's settings; what follows overrides them
    // (styles by name), so a form shares the outcome's typography.
    if (depth > 4) r.fail(root, "template.extends-too-deep");
    const std::string b(base);
    if (b.empty() || b.find_first_of("/\\.") != std::string::npos)
      r.fail(root, "template.extends-not-a-name", {{"value", b}});
    const auto file = t.file;
    if (!std::filesystem::exists(template_dir.parent_path() / b / "template.xml"))
      r.fail(root, "template.extends-missing", {{"value", b}});
    t = load_template_at(template_dir.parent_path() / b, depth + 1);
    t.dir = template_dir;
    t.file = file;
    t.front.clear();
    t.description.clear();
  }
  t.name = r.required(root, "name");

  std::set<int> depths;
  std::set<std::string> defined;
  for (const XMLElement* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    const std::string_view n = e->Name();
    if (n == "description") {
      r.check_attributes(e, {});
      t.description = e->GetText() ? e->GetText() : "";
    } else if (n == "page") {
      t.page = r.page(e);
    } else if (n == "folio") {
      t.folio = r.folio(e);
    } else if (n == "footnotes") {
      r.check_attributes(e, {"numbering", "marker"});
      t.footnotes.per_page = r.choice(e, "numbering", {"document", "page"}) == "page";
      t.footnotes.circled = r.choice(e, "marker", {"arabic", "circled"}) == "circled";
    } else if (n == "impose") {
      r.check_attributes(e, {"default"});
      t.default_impose = r.choice(e, "default", {"none", "a3-booklet"});
    } else if (n == "pdfa") {
      r.check_attributes(e, {"default"});
      t.default_pdfa = r.flag(e, "default", false);
    } else if (n == "style") {
      TextStyle s = r.style(e);
      if (!defined.insert(s.name).second) r.fail(e, "template.style-twice", {{"style", s.name}});
      t.styles.insert_or_assign(s.name, std::move(s));
    } else if (n == "requires") {
      for (std::string& key : read_requirements(r, e))
        if (std::find(t.required_fields.begin(), t.required_fields.end(), key) == t.required_fields.end())
          t.required_fields.push_back(std::move(key));
    } else if (n == "front") {
      r.check_attributes(e, {});
      t.front = read_front(r, e);
    } else if (n == "outcome") {
      r.check_attributes(e, {"recto", "new-page"});
      t.outcome_recto = r.flag(e, "recto", false);
      t.outcome_new_page = r.flag(e, "new-page", true);
    } else if (n == "numbering") {
      NumberingLevel l = r.numbering(e);
      if (!depths.insert(l.depth).second) r.fail(e, "template.numbering-twice", {{"depth", l.depth}});
      std::erase_if(t.numbering, [&](const NumberingLevel& x) { return x.depth == l.depth; });
      t.numbering.push_back(std::move(l));
    } else {
      r.unknown_child(root, e,
                      {"description", "page", "folio", "impose", "pdfa", "style", "numbering", "footnotes", "requires",
                       "front", "outcome"});
    }
  }
  std::sort(t.numbering.begin(), t.numbering.end(),
            [](const NumberingLevel& a, const NumberingLevel& b) { return a.depth < b.depth; });
  check_front(r, t);
  for (const auto& l : t.numbering)
    if (!t.styles.count(l.style))
      r.fail_at(l.line, "template.undefined-style", {{"element", "numbering"}, {"style", l.style}});
  check_roles(r, t, root->GetLineNum());
  // Ranges once everything is read: what an indent leaves depends on the
  // page, which the template or the one it extends may set.
  if (depth == 0) check_template_ranges(t);
  return t;
}

}  // namespace

std::vector<TemplateSummary> list_templates(const std::filesystem::path& root) {
  std::vector<TemplateSummary> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
    if (!entry.is_directory() || !std::filesystem::exists(entry.path() / "template.xml")) continue;
    const auto refused = [&](const EngineError& e) {
      out.push_back({entry.path().filename().string(), {}, Localized{e.text(Lang::En), e.text(Lang::Zh)}});
    };
    try {
      Template t = load_template(entry.path());
      out.push_back({t.name, t.description, std::nullopt});
    } catch (const InputError& e) {
      refused(EngineError(e.diagnostic()));
    } catch (const EngineError& e) {
      refused(e);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace banshi
