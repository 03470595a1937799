#include "fields/field_table.h"

#include <tinyxml2.h>

#include <algorithm>
#include <array>

#include "fields/fields_data.h"
#include "util/diag.h"

namespace banshi {

namespace {

using tinyxml2::XMLElement;

struct TypeName {
  FieldType type;
  std::string_view name;
};
constexpr std::array<TypeName, 6> kTypes{{
    {FieldType::Text, "text"},
    {FieldType::Id, "id"},
    {FieldType::Phone, "phone"},
    {FieldType::Date, "date"},
    {FieldType::YearMonth, "year-month"},
    {FieldType::Choice, "choice"},
}};

// The table is the program's own data: a mistake in it is the engine's
// (exit 1), reported at the table's line like any data file's.
class TableReader {
 public:
  explicit TableReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const XMLElement* e, MessageCode code, Args args = {}) const {
    throw EngineError({file_, e ? e->GetLineNum() : 0}, code, std::move(args));
  }

  void check_attributes(const XMLElement* e, std::initializer_list<std::string_view> allowed) const {
    for (auto* a = e->FirstAttribute(); a; a = a->Next())
      if (std::find(allowed.begin(), allowed.end(), a->Name()) == allowed.end())
        fail(e, "data.unknown-attribute", {{"element", e->Name()}, {"attribute", a->Name()}, {"allowed", allowed}});
  }

  std::string attr(const XMLElement* e, const char* name) const {
    const char* v = e->Attribute(name);
    return v ? v : "";
  }

  std::string required(const XMLElement* e, const char* name) const {
    const char* v = e->Attribute(name);
    if (!v || !*v) fail(e, "data.missing-attribute", {{"element", e->Name()}, {"attribute", name}});
    return v;
  }

  bool flag(const XMLElement* e, const char* name) const {
    const std::string v = attr(e, name);
    if (v.empty() || v == "no") return false;
    if (v == "yes") return true;
    fail(e, "data.yes-no", {{"element", e->Name()}, {"attribute", name}, {"value", v}});
  }

  FieldOption option(const XMLElement* e) const {
    check_attributes(e, {"value", "label", "once", "placeholder", "repeat"});
    return {required(e, "value"), required(e, "label"), flag(e, "once"), attr(e, "placeholder"), attr(e, "repeat")};
  }

  FieldSpec field(const XMLElement* e, const std::string& group) const {
    check_attributes(e, {"name", "label", "type", "attribute", "required", "pattern", "example", "format", "format-en",
                         "default", "help", "help-en"});
    FieldSpec f;
    f.line = e->GetLineNum();
    f.name = required(e, "name");
    f.group = group;
    f.key = group + "." + f.name;
    f.label = required(e, "label");
    const std::string type = required(e, "type");
    const auto* t = std::find_if(kTypes.begin(), kTypes.end(), [&](const TypeName& x) { return x.name == type; });
    if (t == kTypes.end()) {
      std::vector<std::string> names;
      for (const auto& x : kTypes) names.emplace_back(x.name);
      fail(e, "data.choice", {{"element", "field"}, {"attribute", "type"}, {"value", type}, {"allowed", names}});
    }
    f.type = t->type;
    f.attribute = flag(e, "attribute");
    if (const std::string r = attr(e, "required"); !r.empty()) {
      if (r != "always")
        fail(e, "data.choice",
             {{"element", "field"}, {"attribute", "required"}, {"value", r}, {"allowed", {"always"}}});
      f.always_required = true;
    }
    f.pattern = attr(e, "pattern");
    if ((f.type == FieldType::Id || f.type == FieldType::Phone) && f.pattern.empty())
      fail(e, "data.missing-attribute", {{"element", "field"}, {"attribute", "pattern"}});
    if (!f.pattern.empty()) {
      auto compiled = Pattern::compile(f.pattern);
      if (auto* problem = std::get_if<std::string>(&compiled))
        fail(e, "fields.bad-pattern", {{"pattern", f.pattern}, {"problem", *problem}});
      f.compiled = std::get<Pattern>(std::move(compiled));
    }
    f.example = attr(e, "example");
    f.format = attr(e, "format");
    f.format_en = attr(e, "format-en");
    f.default_from = attr(e, "default");
    f.help = attr(e, "help");
    f.help_en = attr(e, "help-en");
    for (const XMLElement* o = e->FirstChildElement(); o; o = o->NextSiblingElement()) {
      if (std::string_view(o->Name()) != "option")
        fail(o, "data.unknown-element", {{"element", "field"}, {"child", o->Name()}, {"allowed", {"<option>"}}});
      f.options.push_back(option(o));
    }
    if ((f.type == FieldType::Choice) != !f.options.empty()) fail(e, "fields.options", {{"field", f.key}});
    return f;
  }

  FieldGroupSpec group(const XMLElement* e) const {
    check_attributes(e, {"name", "element", "parent", "repeats", "label", "help", "help-en"});
    FieldGroupSpec g;
    g.line = e->GetLineNum();
    g.name = required(e, "name");
    g.element = required(e, "element");
    g.parent = attr(e, "parent");
    g.repeats = flag(e, "repeats");
    g.label = required(e, "label");
    g.help = attr(e, "help");
    g.help_en = attr(e, "help-en");
    for (const XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
      if (std::string_view(c->Name()) != "field")
        fail(c, "data.unknown-element", {{"element", "group"}, {"child", c->Name()}, {"allowed", {"<field>"}}});
      FieldSpec f = field(c, g.name);
      if (g.field(f.name)) fail(c, "fields.twice", {{"field", f.key}});
      g.fields.push_back(std::move(f));
    }
    return g;
  }

 private:
  std::string file_;
};

}  // namespace

std::string_view field_type_name(FieldType type) {
  for (const auto& t : kTypes)
    if (t.type == type) return t.name;
  return "text";
}

const FieldOption* FieldSpec::option(std::string_view value) const {
  for (const auto& o : options)
    if (o.value == value) return &o;
  return nullptr;
}

std::vector<std::string> FieldSpec::option_values() const {
  std::vector<std::string> out;
  for (const auto& o : options) out.push_back(o.value);
  return out;
}

const FieldSpec* FieldGroupSpec::field(std::string_view field_name) const {
  for (const auto& f : fields)
    if (f.name == field_name) return &f;
  return nullptr;
}

const FieldSpec* FieldGroupSpec::element_field(std::string_view el) const {
  for (const auto& f : fields)
    if (!f.attribute && f.name == el) return &f;
  return nullptr;
}

const FieldSpec* FieldGroupSpec::attribute_field(std::string_view attr) const {
  for (const auto& f : fields)
    if (f.attribute && f.name == attr) return &f;
  return nullptr;
}

const FieldSpec* FieldGroupSpec::key_field() const {
  if (!repeats) return nullptr;
  for (const auto& f : fields)
    if (f.attribute && f.always_required && f.type == FieldType::Choice) return &f;
  return nullptr;
}

FieldTable FieldTable::parse(std::string_view xml, const std::string& file) {
  const TableReader r(file);
  tinyxml2::XMLDocument doc;
  if (doc.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS)
    throw EngineError({file, doc.ErrorLineNum()}, "data.malformed-xml", {{"problem", doc.ErrorStr()}});
  const XMLElement* root = doc.RootElement();
  if (!root || std::string_view(root->Name()) != "fields") r.fail(root, "data.root", {{"element", "fields"}});
  r.check_attributes(root, {"version"});
  if (const std::string v = r.attr(root, "version"); v != "1") r.fail(root, "data.version", {{"value", v}});
  FieldTable t;
  for (const XMLElement* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    if (std::string_view(e->Name()) != "group")
      r.fail(e, "data.unknown-element", {{"element", "fields"}, {"child", e->Name()}, {"allowed", {"<group>"}}});
    FieldGroupSpec g = r.group(e);
    if (t.group(g.name)) r.fail(e, "fields.twice", {{"field", g.name}});
    if (!g.parent.empty() && !t.group(g.parent))
      r.fail(e, "fields.unknown-parent", {{"group", g.name}, {"parent", g.parent}});
    t.groups_.push_back(std::move(g));
  }
  // Defaults name fields that exist, of a group that does not repeat.
  for (const auto& g : t.groups_)
    for (const auto& f : g.fields)
      if (!f.default_from.empty()) {
        const FieldSpec* d = t.find(f.default_from);
        if (!d || t.group(d->group)->repeats)
          throw EngineError({file, f.line}, "fields.bad-default", {{"field", f.key}, {"default", f.default_from}});
      }
  return t;
}

const FieldGroupSpec* FieldTable::group(std::string_view name) const {
  for (const auto& g : groups_)
    if (g.name == name) return &g;
  return nullptr;
}

const FieldGroupSpec* FieldTable::group_at(std::string_view parent, std::string_view element) const {
  for (const auto& g : groups_)
    if (g.parent == parent && g.element == element) return &g;
  return nullptr;
}

const FieldSpec* FieldTable::find(std::string_view key) const {
  const size_t dot = key.find('.');
  if (dot == std::string_view::npos) return nullptr;
  const FieldGroupSpec* g = group(key.substr(0, dot));
  return g ? g->field(key.substr(dot + 1)) : nullptr;
}

const FieldOption* FieldTable::placeholder_option(std::string_view prefix, const FieldSpec** field) const {
  for (const auto& g : groups_)
    for (const auto& f : g.fields)
      for (const auto& o : f.options)
        if (!o.placeholder.empty() && o.placeholder == prefix) {
          if (field) *field = &f;
          return &o;
        }
  return nullptr;
}

const FieldOption* FieldTable::repeat_option(std::string_view name, const FieldSpec** field) const {
  for (const auto& g : groups_)
    for (const auto& f : g.fields)
      for (const auto& o : f.options)
        if (!o.repeat.empty() && o.repeat == name) {
          if (field) *field = &f;
          return &o;
        }
  return nullptr;
}

const FieldTable& report_fields() {
  // Parsed once, on first use, and read-only after (the initialisation of
  // a function-local static is thread-safe).
  static const FieldTable kTable = FieldTable::parse(report_fields_xml(), "templates/fields.xml");
  return kTable;
}

}  // namespace banshi
