#include "audit/settings.h"

#include <tinyxml2.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <set>

#include "util/diag.h"
#include "util/file.h"

namespace banshi::audit {

namespace {

using tinyxml2::XMLElement;
using namespace std::string_view_literals;

constexpr std::array kSizeTol = {"size-mm"sv};
constexpr std::array kMarginTol = {"margin-mm"sv};
constexpr std::array kOutsideTol = {"outside-mm"sv};
constexpr std::array kStyleTol = {"size-pt"sv, "other-face-fraction"sv};
constexpr std::array kUnmappedTol = {"unmapped-max"sv};
constexpr std::array kLinesTol = {"lines"sv};
constexpr std::array kCharsTol = {"chars"sv};
constexpr std::array kJustifyTol = {"edge-pt"sv, "ragged-max-fraction"sv};
constexpr std::array kFolioFormatTol = {"size-pt"sv};
constexpr std::array kFolioPositionTol = {"below-mm"sv, "edge-mm"sv};

constexpr std::array<RuleSpec, 24> kRuleSpecs = {{
    {"page.size", "audit.rule.page.size", kSizeTol},
    {"booklet.order", "audit.rule.booklet.order", {}},
    {"margins", "audit.rule.margins", kMarginTol},
    {"block.outside", "audit.rule.block.outside", kOutsideTol},
    {"body.style", "audit.rule.body.style", kStyleTol},
    {"title.style", "audit.rule.title.style", kStyleTol},
    {"heading1.style", "audit.rule.heading1.style", kStyleTol},
    {"heading2.style", "audit.rule.heading2.style", kStyleTol},
    {"heading3.style", "audit.rule.heading3.style", kStyleTol},
    {"heading4.style", "audit.rule.heading4.style", kStyleTol},
    {"fonts.embedded", "audit.rule.fonts.embedded", {}},
    {"fonts.type3", "audit.rule.fonts.type3", {}},
    {"text.extractable", "audit.rule.text.extractable", kUnmappedTol},
    {"grid.lines", "audit.rule.grid.lines", kLinesTol},
    {"grid.chars", "audit.rule.grid.chars", kCharsTol},
    {"body.justified", "audit.rule.body.justified", kJustifyTol},
    {"linebreak.start", "audit.rule.linebreak.start", {}},
    {"linebreak.end", "audit.rule.linebreak.end", {}},
    {"folio.format", "audit.rule.folio.format", kFolioFormatTol},
    {"folio.position", "audit.rule.folio.position", kFolioPositionTol},
    {"folio.sequence", "audit.rule.folio.sequence", {}},
    {"footnotes.page", "audit.rule.footnotes.page", {}},
    {"form.pages", "audit.rule.form.pages", {}},
    {"form.cover", "audit.rule.form.cover", {}},
}};

constexpr std::array kAnalysisNames = {"mark-zone-mm"sv, "baseline-pt"sv, "indent-em"sv};

[[noreturn]] void fail(const std::string& file, int line, MessageCode code, Args args = {}) {
  throw EngineError(SourceLoc(file, line), code, std::move(args));
}

std::string attr(const XMLElement& e, const char* name) {
  const char* v = e.Attribute(name);
  return v ? std::string(v) : std::string();
}

void check_attributes(const std::string& file, const XMLElement& e, std::initializer_list<std::string_view> allowed) {
  for (const auto* a = e.FirstAttribute(); a; a = a->Next())
    if (std::find(allowed.begin(), allowed.end(), a->Name()) == allowed.end())
      fail(file, e.GetLineNum(), "data.unknown-attribute",
           {{"element", e.Name()}, {"attribute", a->Name()}, {"allowed", allowed}});
}

double number(const std::string& file, const XMLElement& e) {
  const std::string v = attr(e, "value");
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d) || d < 0)
    fail(file, e.GetLineNum(), "audit.settings.number", {{"value", v}});
  return d;
}

const RuleSpec* spec_of(std::string_view id) {
  for (const auto& s : kRuleSpecs)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace

std::span<const RuleSpec> rule_specs() { return kRuleSpecs; }

Settings Settings::load(const std::filesystem::path& file) { return parse(read_file(file), file.string()); }

Settings Settings::builtin() { return parse(builtin_rules_xml(), "engine/audit/rules.xml"); }

Settings Settings::parse(std::string_view xml, const std::string& file) {
  tinyxml2::XMLDocument doc;
  if (doc.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS)
    fail(file, doc.ErrorLineNum(), "data.malformed-xml", {{"problem", doc.ErrorName()}});
  const XMLElement* root = doc.RootElement();
  if (!root || std::string_view(root->Name()) != "audit")
    fail(file, root ? root->GetLineNum() : 1, "data.root", {{"element", "audit"}});
  check_attributes(file, *root, {"version"});
  if (attr(*root, "version") != "1")
    fail(file, root->GetLineNum(), "data.version", {{"value", attr(*root, "version")}});

  Settings s;
  for (const XMLElement* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    const std::string_view tag = e->Name();
    if (tag == "analysis") {
      check_attributes(file, *e, {"name", "value"});
      const std::string name = attr(*e, "name");
      if (std::find(kAnalysisNames.begin(), kAnalysisNames.end(), name) == kAnalysisNames.end())
        fail(file, e->GetLineNum(), "audit.settings.unknown-setting", {{"name", name}});
      if (!s.analysis_.emplace(name, number(file, *e)).second)
        fail(file, e->GetLineNum(), "audit.settings.setting-twice", {{"name", name}});
      continue;
    }
    if (tag != "rule")
      fail(file, e->GetLineNum(), "data.unknown-element",
           {{"element", "audit"}, {"child", tag}, {"allowed", {"<rule>", "<analysis>"}}});
    check_attributes(file, *e, {"id", "source"});
    RuleSettings r;
    r.id = attr(*e, "id");
    r.source = attr(*e, "source");
    r.line = e->GetLineNum();
    const RuleSpec* spec = spec_of(r.id);
    if (!spec) fail(file, r.line, "audit.settings.unknown-rule", {{"rule", r.id}});
    if (r.source.empty()) fail(file, r.line, "audit.settings.no-source", {{"rule", r.id}});
    if (std::any_of(s.rules_.begin(), s.rules_.end(), [&](const RuleSettings& o) { return o.id == r.id; }))
      fail(file, r.line, "audit.settings.rule-twice", {{"rule", r.id}});
    for (const XMLElement* t = e->FirstChildElement(); t; t = t->NextSiblingElement()) {
      if (std::string_view(t->Name()) != "tolerance")
        fail(file, t->GetLineNum(), "data.unknown-element",
             {{"element", "rule"}, {"child", t->Name()}, {"allowed", {"<tolerance>"}}});
      check_attributes(file, *t, {"name", "value"});
      const std::string name = attr(*t, "name");
      if (std::find(spec->tolerances.begin(), spec->tolerances.end(), name) == spec->tolerances.end())
        fail(file, t->GetLineNum(), "audit.settings.unknown-tolerance", {{"rule", r.id}, {"name", name}});
      if (!r.tolerances.emplace(name, number(file, *t)).second)
        fail(file, t->GetLineNum(), "audit.settings.tolerance-twice", {{"name", name}});
    }
    for (auto name : spec->tolerances)
      if (!r.tolerances.count(name))
        fail(file, r.line, "audit.settings.missing-tolerance", {{"rule", r.id}, {"name", name}});
    s.rules_.push_back(std::move(r));
  }
  for (const auto& spec : kRuleSpecs)
    if (std::none_of(s.rules_.begin(), s.rules_.end(), [&](const RuleSettings& r) { return r.id == spec.id; }))
      fail(file, root->GetLineNum(), "audit.settings.missing-rule", {{"rule", spec.id}});
  for (auto name : kAnalysisNames)
    if (!s.analysis_.count(name)) fail(file, root->GetLineNum(), "audit.settings.missing-setting", {{"name", name}});
  return s;
}

const RuleSettings& Settings::rule(std::string_view id) const {
  for (const auto& r : rules_)
    if (r.id == id) return r;
  throw EngineError("audit.internal.no-rule", {{"rule", id}});
}

double Settings::tolerance(std::string_view rule_id, std::string_view name) const {
  const auto& r = rule(rule_id);
  auto it = r.tolerances.find(name);
  if (it == r.tolerances.end()) throw EngineError("audit.internal.no-tolerance", {{"rule", r.id}, {"name", name}});
  return it->second;
}

double Settings::analysis(std::string_view name) const {
  auto it = analysis_.find(name);
  if (it == analysis_.end()) throw EngineError("audit.internal.no-setting", {{"name", name}});
  return it->second;
}

}  // namespace banshi::audit
