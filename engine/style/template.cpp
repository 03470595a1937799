#include "style/template.h"

#include <tinyxml2.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "style/form_reader.h"
#include "style/template_check.h"
#include "style/template_reader.h"
#include "util/file.h"

namespace banshi {

const TextStyle& Template::style(std::string_view style_name) const {
  auto it = styles.find(style_name);
  if (it == styles.end())
    throw EngineError(file.string() + ": the template has no style \"" + std::string(style_name) + "\"");
  return it->second;
}

const NumberingLevel* Template::level(int depth) const {
  for (const auto& n : numbering)
    if (n.depth == depth) return &n;
  return nullptr;
}

namespace {

Template load_template_at(const std::filesystem::path& template_dir, int depth);

}  // namespace

Template load_template(const std::filesystem::path& template_dir) { return load_template_at(template_dir, 0); }

namespace {

Template load_template_at(const std::filesystem::path& template_dir, int depth) {
  Template t;
  t.dir = template_dir;
  t.file = template_dir / "template.xml";
  TemplateReader r(t.file);
  if (!std::filesystem::exists(t.file)) throw EngineError("no template file " + t.file.string());
  const std::string bytes = read_file(t.file);
  tinyxml2::XMLDocument doc;
  if (doc.Parse(bytes.data(), bytes.size()) != tinyxml2::XML_SUCCESS) {
    Diagnostic d;
    d.loc = {t.file.string(), doc.ErrorLineNum(), 0};
    d.label = "模板";
    d.message = std::string("malformed XML: ") + doc.ErrorStr();
    throw InputError(std::move(d));
  }
  const XMLElement* root = doc.RootElement();
  if (!root || std::string_view(root->Name()) != "template") r.fail(root, "the root element must be <template>");
  r.check_attributes(root, {"name", "version", "extends"});
  if (r.attr(root, "version", "1") != "1") r.fail(root, "version must be 1");
  if (const char* base = root->Attribute("extends")) {
    // Start from another template's settings; what follows overrides them
    // (styles by name), so a form shares the outcome's typography.
    if (depth > 4) r.fail(root, "templates extend each other too deeply");
    const std::string b(base);
    if (b.empty() || b.find_first_of("/\\.") != std::string::npos)
      r.fail(root, "extends=\"" + b + "\" is not a template name");
    const auto file = t.file;
    if (!std::filesystem::exists(template_dir.parent_path() / b / "template.xml"))
      r.fail(root, "extends=\"" + b + "\", which is not an installed template");
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
      const std::string numbering = r.attr(e, "numbering", "document");
      const std::string marker = r.attr(e, "marker", "arabic");
      if (numbering != "document" && numbering != "page") r.fail(e, "numbering must be document or page");
      if (marker != "arabic" && marker != "circled") r.fail(e, "marker must be arabic or circled");
      t.footnotes.per_page = numbering == "page";
      t.footnotes.circled = marker == "circled";
    } else if (n == "impose") {
      r.check_attributes(e, {"default"});
      t.default_impose = r.attr(e, "default", "none");
      if (t.default_impose != "none" && t.default_impose != "a3-booklet")
        r.fail(e, "default must be none or a3-booklet");
    } else if (n == "pdfa") {
      r.check_attributes(e, {"default"});
      t.default_pdfa = r.flag(e, "default", false);
    } else if (n == "style") {
      TextStyle s = r.style(e);
      if (!defined.insert(s.name).second) r.fail(e, "style \"" + s.name + "\" is defined twice");
      t.styles.insert_or_assign(s.name, std::move(s));
    } else if (n == "front") {
      r.check_attributes(e, {"requires-project"});
      t.needs_project = r.flag(e, "requires-project", false);
      t.front = read_front(r, e);
    } else if (n == "outcome") {
      r.check_attributes(e, {"recto", "new-page"});
      t.outcome_recto = r.flag(e, "recto", false);
      t.outcome_new_page = r.flag(e, "new-page", true);
    } else if (n == "numbering") {
      NumberingLevel l = r.numbering(e);
      if (!depths.insert(l.depth).second)
        r.fail(e, "numbering for depth " + std::to_string(l.depth) + " is defined twice");
      std::erase_if(t.numbering, [&](const NumberingLevel& x) { return x.depth == l.depth; });
      t.numbering.push_back(std::move(l));
    } else {
      r.fail(e, "<" + std::string(n) +
                    "> is not allowed here; allowed in <template>: <description>, <page>, <folio>, <impose>, <pdfa>, "
                    "<style>, <numbering>, <footnotes>, <front>, <outcome>");
    }
  }
  std::sort(t.numbering.begin(), t.numbering.end(),
            [](const NumberingLevel& a, const NumberingLevel& b) { return a.depth < b.depth; });
  check_front_styles(t);
  for (const auto& l : t.numbering)
    if (!t.styles.count(l.style)) {
      Diagnostic d;
      d.loc = {t.file.string(), l.line, 0};
      d.path = "<numbering>";
      d.label = "模板";
      d.message = "numbering depth " + std::to_string(l.depth) + " uses undefined style \"" + l.style + "\"";
      throw InputError(std::move(d));
    }
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
    try {
      Template t = load_template(entry.path());
      out.push_back({t.name, t.description});
    } catch (const std::exception& e) {
      out.push_back({entry.path().filename().string(), std::string("(invalid: ") + e.what() + ")"});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace banshi
