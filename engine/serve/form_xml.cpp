#include "serve/form_xml.h"

#include <tinyxml2.h>

#include <nlohmann/json.hpp>

#include "fields/field_table.h"
#include "serve/request_error.h"
#include "util/utf8.h"
#include "xml/whitespace.h"

namespace banshi::serve {

namespace {

using nlohmann::ordered_json;

// The fields are three levels deep at most (report → changes → person);
// deeper JSON is not a form, and refusing it early bounds the parser.
constexpr int kMaxDepth = 8;

// The groups of the field table written inside `parent` (empty: <report>):
// what the form holds; <outcome> comes from the report.
std::vector<const FieldGroupSpec*> groups_in(std::string_view parent) {
  std::vector<const FieldGroupSpec*> out;
  for (const auto& g : report_fields().groups())
    if (g.parent == parent) out.push_back(&g);
  return out;
}

std::string where_of(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

// Where the elements go: one line, or an element a line indented by depth;
// and which columns of the line each field took.
struct Out {
  std::string text;
  bool indented = false;
  int depth = 1;
  size_t columns = 0;  // code points written
  std::vector<FieldSpan> spans;

  void put(std::string_view s) {
    text += s;
    columns += utf8_count(s);
  }
  void open_line() {
    if (indented) put("\n" + std::string(static_cast<size_t>(depth) * 2, ' '));
  }
};

void element(const FieldGroupSpec& g, const ordered_json& value, const std::string& where, Out& out);

void children(const FieldGroupSpec& g, const ordered_json& obj, const std::string& where, Out& out) {
  for (const auto& f : g.fields) {
    if (f.attribute) continue;
    const auto it = obj.find(f.name);
    if (it == obj.end() || it->is_null()) continue;
    const std::string at = where_of(where, f.name);
    if (!it->is_string()) throw RequestError("serve.field-not-text", {{"field", at}});
    const std::string v = it->get<std::string>();
    if (xml::trim_ascii_space(v).empty()) continue;
    out.open_line();
    const size_t begin = out.columns;
    out.put("<" + f.name + ">" + xml_escape(v, !out.indented) + "</" + f.name + ">");
    out.spans.push_back({begin, out.columns, at});
  }
  for (const FieldGroupSpec* child : groups_in(g.name)) {
    const auto it = obj.find(child->element);
    if (it == obj.end() || it->is_null()) continue;
    const std::string at = where_of(where, child->element);
    if (it->is_array()) {
      for (size_t i = 0; i < it->size(); ++i) element(*child, (*it)[i], at + "[" + std::to_string(i) + "]", out);
    } else {
      element(*child, *it, at, out);
    }
  }
}

void element(const FieldGroupSpec& g, const ordered_json& value, const std::string& where, Out& out) {
  if (!value.is_object()) throw RequestError("serve.field-not-object", {{"field", where}});
  const auto inner = groups_in(g.name);
  for (const auto& [key, v] : value.items()) {
    const bool known = g.field(key) || std::any_of(inner.begin(), inner.end(),
                                                   [&](const FieldGroupSpec* c) { return c->element == key; });
    if (!known) throw RequestError("serve.field-unknown", {{"field", where_of(where, key)}});
  }
  out.open_line();
  const size_t begin = out.columns;
  out.put("<" + g.element);
  for (const auto& f : g.fields) {
    if (!f.attribute) continue;
    const auto it = value.find(f.name);
    if (it == value.end() || it->is_null()) continue;
    if (!it->is_string()) throw RequestError("serve.field-not-text", {{"field", where_of(where, f.name)}});
    const std::string v = it->get<std::string>();
    if (xml::trim_ascii_space(v).empty()) continue;
    const size_t attr_begin = out.columns;
    out.put(" " + f.name + "=\"" + xml_escape(v) + "\"");
    out.spans.push_back({attr_begin, out.columns, where_of(where, f.name)});
  }
  const size_t before = out.text.size();
  out.put(">");
  ++out.depth;
  children(g, value, where, out);
  --out.depth;
  if (out.text.size() == before + 1) {
    out.text.back() = '/';
    out.put(">");
  } else {
    out.open_line();
    out.put("</" + g.element + ">");
  }
  out.spans.push_back({begin, out.columns, where});
}

// nlohmann's parser, bounded in depth (it is iterative, but a value nested
// a million deep still costs memory to build and to destroy).
ordered_json parse_json(std::string_view text) {
  try {
    return ordered_json::parse(text, [](int depth, ordered_json::parse_event_t, ordered_json&) {
      if (depth > kMaxDepth) throw RequestError("serve.fields-too-deep", {{"limit", kMaxDepth}});
      return true;
    });
  } catch (const ordered_json::exception& e) {
    throw RequestError("serve.fields-json", {{"detail", e.what()}});
  }
}

ordered_json element_json(const tinyxml2::XMLElement& el, const FieldGroupSpec& g) {
  ordered_json obj = ordered_json::object();
  for (const auto& f : g.fields)
    if (f.attribute)
      if (const char* v = el.Attribute(f.name.c_str())) obj[f.name] = v;
  for (const auto* c = el.FirstChildElement(); c; c = c->NextSiblingElement()) {
    if (const FieldSpec* f = g.element_field(c->Name())) {
      obj[f->name] = xml::normalize_text(c->GetText() ? c->GetText() : "");
    } else if (const FieldGroupSpec* inner = report_fields().group_at(g.name, c->Name())) {
      if (inner->repeats) obj[inner->element].push_back(element_json(*c, *inner));
      else obj[inner->element] = element_json(*c, *inner);
    }
  }
  return obj;
}

}  // namespace

std::string xml_escape(std::string_view s, bool one_line) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    const char32_t c = utf8_next(s, i);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += one_line ? "&#10;" : "\n"; break;
      case '\t': out += "&#9;"; break;
      case 0xFFFD:
        // An invalid byte decodes as U+FFFD: write the character, never the byte.
        out += "\xEF\xBF\xBD";
        break;
      default:
        if (c < 0x20 || c == 0x7F || c == 0xFFFE || c == 0xFFFF) break;  // not allowed in XML
        out.append(s.substr(start, i - start));
    }
  }
  return out;
}

Form form_xml(std::string_view json, bool indented) {
  const ordered_json root = parse_json(json);
  if (!root.is_object()) throw RequestError("serve.field-not-object", {{"field", "fields"}});
  for (const auto& [key, v] : root.items())
    if (!report_fields().group_at("", key)) throw RequestError("serve.field-unknown", {{"field", key}});
  Out out;
  out.indented = indented;
  for (const FieldGroupSpec* g : groups_in("")) {
    const auto it = root.find(g->element);
    if (it == root.end() || it->is_null()) continue;
    element(*g, *it, g->element, out);
  }
  return {std::move(out.text), std::move(out.spans)};
}

const FieldSpan* Form::field_at(size_t column) const {
  const FieldSpan* best = nullptr;
  for (const auto& s : spans)
    if (column >= s.begin && column < s.end && (!best || s.end - s.begin < best->end - best->begin)) best = &s;
  return best;
}

std::string form_json(std::string_view report_xml) {
  tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
  doc.Parse(report_xml.data(), report_xml.size());
  ordered_json out = ordered_json::object();
  const tinyxml2::XMLElement* root = doc.RootElement();
  if (doc.Error() || !root) return out.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  for (const auto* c = root->FirstChildElement(); c; c = c->NextSiblingElement())
    if (const FieldGroupSpec* g = report_fields().group_at("", c->Name())) out[c->Name()] = element_json(*c, *g);
  return out.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace banshi::serve
