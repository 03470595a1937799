#include "fields/field_report.h"

#include "i18n/message.h"
#include "util/json.h"

namespace banshi {

namespace {

const std::vector<std::string>& required_by_of(const RequiredBy& r, const std::string& key) {
  static const std::vector<std::string> kNone;
  const auto it = r.find(key);
  return it == r.end() ? kNone : it->second;
}

void string_or_null(JsonWriter& w, const char* key, const std::string& value) {
  w.key(key);
  if (value.empty()) w.null();
  else w.value(value);
}

}  // namespace

std::string field_xml_path(const FieldTable& table, const FieldSpec& f) {
  std::string path;
  for (const FieldGroupSpec* g = table.group(f.group); g; g = g->parent.empty() ? nullptr : table.group(g->parent))
    path = "<" + g->element + ">" + (path.empty() ? "" : "/") + path;
  return path + "/" + (f.attribute ? "@" + f.name : "<" + f.name + ">");
}

std::vector<std::string> field_placeholders(const FieldTable& table, const FieldSpec& f) {
  std::vector<std::string> out;
  if (f.type == FieldType::Choice) {
    for (const auto& o : f.options) out.push_back("{box " + f.key + "=" + o.value + "}");
    return out;
  }
  out.push_back("{" + f.key + "}");
  // A repeated group's fields print too by the key options that name a row.
  const FieldGroupSpec* g = table.group(f.group);
  if (const FieldSpec* key = g->key_field())
    for (const auto& o : key->options)
      if (!o.placeholder.empty()) out.push_back("{" + o.placeholder + "." + f.name + "}");
  return out;
}

std::string fields_json(const FieldTable& table, const RequiredBy& required_by) {
  JsonWriter w;
  w.begin_object();
  w.key("version").value(1);
  w.key("groups").begin_array();
  for (const auto& g : table.groups()) {
    w.begin_object();
    w.key("name").value(g.name);
    w.key("element").value(g.element);
    string_or_null(w, "parent", g.parent);
    w.key("repeats").value(g.repeats);
    w.key("label").value(g.label);
    w.key("help").value(g.help);
    w.key("help-en").value(g.help_en);
    w.key("fields").begin_array();
    for (const auto& f : g.fields) w.value(f.key);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("fields").begin_array();
  for (const auto& g : table.groups()) {
    for (const auto& f : g.fields) {
      w.begin_object();
      w.key("key").value(f.key);
      w.key("group").value(f.group);
      w.key("name").value(f.name);
      w.key("written-as").value(f.attribute ? "attribute" : "element");
      w.key("xml-path").value(field_xml_path(table, f));
      w.key("label").value(f.label);
      w.key("type").value(field_type_name(f.type));
      string_or_null(w, "pattern", f.pattern);
      string_or_null(w, "example", f.example);
      string_or_null(w, "format", f.format);
      string_or_null(w, "format-en", f.format_en);
      w.key("options").begin_array();
      for (const auto& o : f.options) {
        w.begin_object();
        w.key("value").value(o.value);
        w.key("label").value(o.label);
        w.key("once").value(o.once);
        string_or_null(w, "placeholder", o.placeholder);
        string_or_null(w, "repeat", o.repeat);
        w.end_object();
      }
      w.end_array();
      w.key("required-always").value(f.always_required);
      w.key("required-by").begin_array();
      for (const auto& t : required_by_of(required_by, f.key)) w.value(t);
      w.end_array();
      string_or_null(w, "default", f.default_from);
      w.key("placeholders").begin_array();
      for (const auto& p : field_placeholders(table, f)) w.value(p);
      w.end_array();
      w.key("help").value(f.help);
      w.key("help-en").value(f.help_en);
      w.end_object();
    }
  }
  w.end_array();
  w.end_object();
  return w.str();
}

std::string describe_fields(const FieldTable& table, const RequiredBy& required_by, Lang lang) {
  std::string out;
  for (const auto& g : table.groups()) {
    out += field_xml_path(table, g.fields.front()).substr(0, field_xml_path(table, g.fields.front()).rfind('/')) +
           "  " + g.label + "\n";
    for (const auto& f : g.fields) {
      std::string line = "  " + f.key + "  " + f.label + "  " + std::string(field_type_name(f.type));
      if (!f.pattern.empty()) line += " " + f.pattern;
      if (!f.options.empty()) {
        line += " (";
        for (size_t i = 0; i < f.options.size(); ++i)
          line += (i ? ", " : "") + f.options[i].value + " " + f.options[i].label;
        line += ")";
      }
      const auto& by = required_by_of(required_by, f.key);
      if (f.always_required) line += "  " + render_message("fields.required-always", {}, lang);
      if (!by.empty()) line += "  " + render_message("fields.required-by", {{"templates", by}}, lang);
      out += line + "\n    " + (lang == Lang::Zh ? f.help : f.help_en) + "\n";
    }
  }
  return out;
}

namespace {

// A table cell: the text with | escaped, on one line.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

// What a value must be, in words: the check the reader makes.
std::string check_words(const FieldTable& table, const FieldSpec& f) {
  std::string out;
  switch (f.type) {
    case FieldType::Text: out = "any text"; break;
    case FieldType::Id:
    case FieldType::Phone:
      out = "matches `" + cell(f.pattern) + "`";
      if (!f.example.empty()) out += ", e.g. `" + f.example + "`";
      break;
    case FieldType::Date: out = "a date that exists, YYYY-MM-DD: `2025-10-15`"; break;
    case FieldType::YearMonth: out = "YYYY-MM or a whole date: `1979-12`, `1979-12-05`"; break;
    case FieldType::Choice:
      for (size_t i = 0; i < f.options.size(); ++i)
        out += (i ? ", " : "") + ("`" + f.options[i].value + "` " + f.options[i].label);
      break;
  }
  if (!f.default_from.empty()) {
    const FieldSpec* from = table.find(f.default_from);
    out += "; when not given, " + (from ? from->label : f.default_from) + " (`" + f.default_from + "`)";
  }
  return out;
}

}  // namespace

std::string fields_markdown(const FieldTable& table, const RequiredBy& required_by) {
  std::string out;
  for (const auto& g : table.groups()) {
    const std::string where = field_xml_path(table, g.fields.front());
    out += "### `" + where.substr(0, where.rfind('/')) + "` " + g.label + "\n\n";
    out += g.help_en + (g.repeats ? " It may be given more than once." : "") + "\n\n" + g.help + "\n\n";
    out += "| XML | 栏目 | type | value | required | help |\n";
    out += "|---|---|---|---|---|---|\n";
    for (const auto& f : g.fields) {
      const std::string xml = f.attribute ? f.name + "=\"…\"" : "<" + f.name + ">";
      std::string required = f.always_required ? "always" : "";
      for (const auto& t : required_by_of(required_by, f.key)) required += (required.empty() ? "" : ", ") + t;
      out += "| `" + xml + "` | " + cell(f.label) + " | " + std::string(field_type_name(f.type)) + " | " +
             check_words(table, f) + " | " + (required.empty() ? "—" : required) + " | " + cell(f.help_en) + " |\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace banshi
