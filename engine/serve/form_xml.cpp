#include "serve/form_xml.h"

#include <tinyxml2.h>

#include <nlohmann/json.hpp>

#include "serve/request_error.h"
#include "util/utf8.h"
#include "xml/schema.h"
#include "xml/whitespace.h"

namespace banshi::serve {

namespace {

using nlohmann::ordered_json;
using xml::ElementId;

// The fields are three levels deep at most (report → changes → person);
// deeper JSON is not a form, and refusing it early bounds the parser.
constexpr int kMaxDepth = 8;

// The elements of <report> the form holds; <outcome> comes from the report.
bool is_form_part(ElementId id) {
  return id == ElementId::Project || id == ElementId::Changes || id == ElementId::Declaration;
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

void element(ElementId id, const ordered_json& value, const std::string& where, Out& out);

void children(ElementId id, const ordered_json& obj, const std::string& where, Out& out) {
  const xml::ElementSpec& spec = xml::spec(id);
  for (const auto& child : spec.children) {
    const xml::ElementSpec& c = xml::spec(child.id);
    const auto it = obj.find(std::string(c.name));
    if (it == obj.end() || it->is_null()) continue;
    const std::string at = where_of(where, c.name);
    if (c.content == xml::Content::Text) {
      if (!it->is_string()) throw RequestError("serve.field-not-text", {{"field", at}});
      const std::string v = it->get<std::string>();
      if (xml::trim_ascii_space(v).empty()) continue;
      out.open_line();
      const size_t begin = out.columns;
      out.put("<" + std::string(c.name) + ">" + xml_escape(v, !out.indented) + "</" + std::string(c.name) + ">");
      out.spans.push_back({begin, out.columns, at});
    } else if (it->is_array()) {
      for (size_t i = 0; i < it->size(); ++i) element(child.id, (*it)[i], at + "[" + std::to_string(i) + "]", out);
    } else {
      element(child.id, *it, at, out);
    }
  }
}

void element(ElementId id, const ordered_json& value, const std::string& where, Out& out) {
  const xml::ElementSpec& spec = xml::spec(id);
  if (!value.is_object()) throw RequestError("serve.field-not-object", {{"field", where}});
  for (const auto& [key, v] : value.items()) {
    if (!xml::find_attr(id, key) && !xml::find_child(id, key))
      throw RequestError("serve.field-unknown", {{"field", where_of(where, key)}});
  }
  out.open_line();
  const size_t begin = out.columns;
  out.put("<" + std::string(spec.name));
  for (const auto& attr : spec.attrs) {
    const auto it = value.find(std::string(attr.name));
    if (it == value.end() || it->is_null()) continue;
    if (!it->is_string()) throw RequestError("serve.field-not-text", {{"field", where_of(where, attr.name)}});
    const std::string v = it->get<std::string>();
    if (xml::trim_ascii_space(v).empty()) continue;
    const size_t attr_begin = out.columns;
    out.put(" " + std::string(attr.name) + "=\"" + xml_escape(v) + "\"");
    out.spans.push_back({attr_begin, out.columns, where_of(where, attr.name)});
  }
  const size_t before = out.text.size();
  out.put(">");
  ++out.depth;
  children(id, value, where, out);
  --out.depth;
  if (out.text.size() == before + 1) {
    out.text.back() = '/';
    out.put(">");
  } else {
    out.open_line();
    out.put("</" + std::string(spec.name) + ">");
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

ordered_json element_json(const tinyxml2::XMLElement& el, ElementId id) {
  ordered_json obj = ordered_json::object();
  const xml::ElementSpec& spec = xml::spec(id);
  for (const auto& attr : spec.attrs)
    if (const char* v = el.Attribute(std::string(attr.name).c_str())) obj[std::string(attr.name)] = v;
  for (const auto* c = el.FirstChildElement(); c; c = c->NextSiblingElement()) {
    const xml::ChildSpec* child = xml::find_child(id, c->Name());
    if (!child) continue;
    const xml::ElementSpec& cs = xml::spec(child->id);
    if (cs.content == xml::Content::Text) {
      obj[std::string(cs.name)] = xml::normalize_text(c->GetText() ? c->GetText() : "");
    } else if (child->occurs == xml::Occurs::Many || child->occurs == xml::Occurs::OneOrMore) {
      obj[std::string(cs.name)].push_back(element_json(*c, child->id));
    } else {
      obj[std::string(cs.name)] = element_json(*c, child->id);
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
  for (const auto& [key, v] : root.items()) {
    const xml::ChildSpec* c = xml::find_child(ElementId::Report, key);
    if (!c || !is_form_part(c->id)) throw RequestError("serve.field-unknown", {{"field", key}});
  }
  Out out;
  out.indented = indented;
  for (const auto& child : xml::spec(ElementId::Report).children) {
    if (!is_form_part(child.id)) continue;
    const auto it = root.find(std::string(xml::spec(child.id).name));
    if (it == root.end() || it->is_null()) continue;
    element(child.id, *it, std::string(xml::spec(child.id).name), out);
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
  for (const auto* c = root->FirstChildElement(); c; c = c->NextSiblingElement()) {
    const xml::ChildSpec* child = xml::find_child(ElementId::Report, c->Name());
    if (child && is_form_part(child->id)) out[c->Name()] = element_json(*c, child->id);
  }
  return out.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace banshi::serve
