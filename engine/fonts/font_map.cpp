#include "fonts/font_map.h"

#include <tinyxml2.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "util/diag.h"
#include "util/file.h"

namespace banshi {

namespace {

using tinyxml2::XMLAttribute;
using tinyxml2::XMLElement;

// Every problem in the map names the file and line: the map is edited by
// hand by whoever installs the engine, and "bad font map" alone helps no one.
[[noreturn]] void fail(const std::string& file, int line, MessageCode code, Args args = {}) {
  throw EngineError({file, line}, code, std::move(args));
}

std::string attr(const XMLElement& e, const char* name) {
  const char* v = e.Attribute(name);
  return v ? std::string(v) : std::string();
}

// Unknown attributes are errors, so a typo such as famly="…" is not
// silently read as "no family".
void check_attributes(const std::string& file, const XMLElement& e, std::initializer_list<std::string_view> allowed) {
  for (const XMLAttribute* a = e.FirstAttribute(); a; a = a->Next()) {
    bool ok = false;
    for (std::string_view n : allowed) ok = ok || n == a->Name();
    if (ok) continue;
    if (allowed.size() == 0)
      fail(file, e.GetLineNum(), "data.no-attributes", {{"element", e.Name()}, {"attribute", a->Name()}});
    fail(file, e.GetLineNum(), "data.unknown-attribute",
         {{"element", e.Name()},
          {"attribute", a->Name()},
          {"allowed", std::vector<std::string>(allowed.begin(), allowed.end())}});
  }
}

bool parse_yes_no(const std::string& file, const XMLElement& e, const char* name, bool fallback) {
  const std::string v = attr(e, name);
  if (v.empty()) return fallback;
  if (v == "yes") return true;
  if (v == "no") return false;
  fail(file, e.GetLineNum(), "data.yes-no", {{"element", e.Name()}, {"attribute", name}, {"value", v}});
}

FontCandidate parse_font(const std::string& file, const XMLElement& e) {
  check_attributes(file, e, {"family", "style", "file", "index", "punctuation", "chars", "package"});
  FontCandidate c;
  c.line = e.GetLineNum();
  c.family = attr(e, "family");
  c.style = attr(e, "style");
  c.file = attr(e, "file");
  c.package = attr(e, "package");
  if (c.family.empty() && c.file.empty()) fail(file, c.line, "fontmap.font-needs-family");
  if (const std::string idx = attr(e, "index"); !idx.empty()) {
    if (c.file.empty()) fail(file, c.line, "fontmap.index-without-file");
    unsigned v = 0;
    auto [end, ec] = std::from_chars(idx.data(), idx.data() + idx.size(), v);
    if (ec != std::errc() || end != idx.data() + idx.size() || v > 0xFFFF)
      fail(file, c.line, "fontmap.index", {{"value", idx}});
    c.index = static_cast<int>(v);
  }
  c.punctuation_ok = parse_yes_no(file, e, "punctuation", true);
  c.chars_text = attr(e, "chars");
  if (!c.chars_text.empty()) c.chars = parse_char_ranges(c.chars_text, {file, c.line});
  return c;
}

std::vector<FontCandidate> parse_font_list(const std::string& file, const XMLElement& list) {
  check_attributes(file, list, {});
  std::vector<FontCandidate> out;
  for (const XMLElement* e = list.FirstChildElement(); e; e = e->NextSiblingElement()) {
    if (std::string_view(e->Name()) != "font")
      fail(file, e->GetLineNum(), "data.unknown-element",
           {{"element", list.Name()}, {"child", e->Name()}, {"allowed", {"<font>"}}});
    out.push_back(parse_font(file, *e));
  }
  return out;
}

FaceSpec parse_face(const std::string& file, const XMLElement& e) {
  check_attributes(file, e, {"id", "name", "role", "latin"});
  FaceSpec f;
  f.line = e.GetLineNum();
  f.id = attr(e, "id");
  f.label = attr(e, "name");
  f.role = attr(e, "role");
  f.latin = attr(e, "latin");
  if (f.id.empty()) fail(file, f.line, "data.missing-attribute", {{"element", "face"}, {"attribute", "id"}});
  if (f.label.empty()) f.label = f.id;
  bool seen_official = false, seen_system = false, seen_standin = false, seen_fallback = false;
  auto once = [&](bool& seen, const XMLElement& child) {
    if (seen) fail(file, child.GetLineNum(), "fontmap.face-twice", {{"face", f.id}, {"element", child.Name()}});
    seen = true;
  };
  for (const XMLElement* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) {
    const std::string_view name = c->Name();
    if (name == "official") {
      once(seen_official, *c);
      f.official = parse_font_list(file, *c);
    } else if (name == "system") {
      // The Windows and macOS fonts fonts/families.xml marks system= for
      // this face: FontSet::load adds them.
      once(seen_system, *c);
      check_attributes(file, *c, {});
      if (c->FirstChild()) fail(file, c->GetLineNum(), "fontmap.system-empty");
      f.system_fonts = true;
    } else if (name == "stand-in") {
      once(seen_standin, *c);
      f.standins = parse_font_list(file, *c);
    } else if (name == "fallback") {
      once(seen_fallback, *c);
      f.fallbacks = parse_font_list(file, *c);
    } else {
      fail(
          file, c->GetLineNum(), "data.unknown-element",
          {{"element", "face"}, {"child", name}, {"allowed", {"<official>", "<system/>", "<stand-in>", "<fallback>"}}});
    }
  }
  if (f.official.empty() && f.standins.empty()) fail(file, f.line, "fontmap.face-no-font", {{"face", f.id}});
  return f;
}

// tinyxml2's ErrorStr() is "Error=XML_ERROR_… ErrorID=14 (0xe) Line
// number=5: XMLElement name=font"; the line is already in front of our
// message, so keep a plain description and the detail after the colon.
std::string xml_problem(const tinyxml2::XMLDocument& doc) {
  using namespace tinyxml2;
  std::string what;
  switch (doc.ErrorID()) {
    case XML_ERROR_MISMATCHED_ELEMENT: what = "an element is not closed, or closed by the wrong end tag"; break;
    case XML_ERROR_PARSING_ELEMENT: what = "cannot read an element"; break;
    case XML_ERROR_PARSING_ATTRIBUTE: what = "cannot read an attribute (quotes?)"; break;
    case XML_ERROR_PARSING_COMMENT: what = "unterminated comment"; break;
    case XML_ERROR_EMPTY_DOCUMENT: what = "the file is empty"; break;
    default: what = doc.ErrorName(); break;
  }
  const std::string full = doc.ErrorStr() ? doc.ErrorStr() : "";
  const size_t line_at = full.find("Line number=");
  const size_t colon = line_at == std::string::npos ? std::string::npos : full.find(": ", line_at);
  if (colon != std::string::npos && colon + 2 < full.size()) what += " (" + full.substr(colon + 2) + ")";
  return what;
}

}  // namespace

std::string FontCandidate::describe() const {
  std::string s;
  if (!family.empty()) {
    s = family;
    if (!style.empty()) s += " " + style;
    if (!file.empty()) s += " in " + file;
  } else {
    s = "file " + file;
    if (index >= 0) s += " face " + std::to_string(index);
  }
  return s;
}

std::vector<CharRange> parse_char_ranges(std::string_view text, const SourceLoc& where) {
  std::vector<CharRange> out;
  auto bad = [&](std::string_view item) -> void {
    throw EngineError(where, "fontmap.chars", {{"chars", text}, {"item", item}});
  };
  auto hex = [&](std::string_view s, std::string_view item) {
    if (s.size() >= 2 && (s[0] == 'U' || s[0] == 'u') && s[1] == '+') s.remove_prefix(2);
    uint32_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v > 0x10FFFF) bad(item);
    return static_cast<char32_t>(v);
  };
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = text.find_first_not_of(", \t\r\n", pos);
    if (start == std::string_view::npos) break;
    size_t end = text.find_first_of(", \t\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view item = text.substr(start, end - start);
    pos = end;
    if (item.size() < 3 || (item[0] != 'U' && item[0] != 'u') || item[1] != '+') bad(item);
    const size_t dash = item.find('-');
    CharRange r;
    r.first = hex(item.substr(0, dash), item);
    r.last = dash == std::string_view::npos ? r.first : hex(item.substr(dash + 1), item);
    if (r.last < r.first) bad(item);
    out.push_back(r);
  }
  if (out.empty()) bad(text);
  return out;
}

FontMap parse_font_map_text(std::string_view xml, const std::string& file_name) {
  tinyxml2::XMLDocument doc;
  if (doc.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS)
    fail(file_name, doc.ErrorLineNum(), "data.malformed-xml", {{"problem", xml_problem(doc)}});
  const XMLElement* root = doc.RootElement();
  if (!root || std::string_view(root->Name()) != "fontmap")
    fail(file_name, root ? root->GetLineNum() : 1, "data.root", {{"element", "fontmap"}});
  check_attributes(file_name, *root, {"version"});
  if (const std::string v = attr(*root, "version"); v != "1")
    fail(file_name, root->GetLineNum(), "data.version", {{"value", v}});

  FontMap map;
  map.file = file_name;
  std::set<std::string, std::less<>> ids;
  bool seen_last_resort = false;
  for (const XMLElement* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    const std::string_view name = e->Name();
    if (name == "face") {
      FaceSpec f = parse_face(file_name, *e);
      if (!ids.insert(f.id).second) fail(file_name, f.line, "fontmap.face-defined-twice", {{"face", f.id}});
      map.faces.push_back(std::move(f));
    } else if (name == "last-resort") {
      if (seen_last_resort) fail(file_name, e->GetLineNum(), "data.element-twice", {{"element", "last-resort"}});
      seen_last_resort = true;
      map.last_resort = parse_font_list(file_name, *e);
    } else if (name == "reject") {
      check_attributes(file_name, *e, {"family", "reason"});
      RejectedFamily r{attr(*e, "family"), attr(*e, "reason"), e->GetLineNum()};
      if (r.family.empty())
        fail(file_name, r.line, "data.missing-attribute", {{"element", "reject"}, {"attribute", "family"}});
      map.rejected.push_back(std::move(r));
    } else {
      fail(file_name, e->GetLineNum(), "data.unknown-element",
           {{"element", "fontmap"}, {"child", name}, {"allowed", {"<face>", "<last-resort>", "<reject>"}}});
    }
  }
  if (map.faces.empty()) fail(file_name, root->GetLineNum(), "fontmap.no-face");
  // latin= names a face of the map that itself draws its own Latin text.
  for (const FaceSpec& f : map.faces) {
    if (f.latin.empty()) continue;
    const auto named =
        std::find_if(map.faces.begin(), map.faces.end(), [&](const FaceSpec& g) { return g.id == f.latin; });
    if (named == map.faces.end() || !named->latin.empty() || named->id == f.id)
      fail(file_name, f.line, "fontmap.latin-face", {{"face", f.id}, {"latin", f.latin}});
  }
  return map;
}

FontMap parse_font_map(const std::filesystem::path& file) {
  return parse_font_map_text(read_file(file), file.string());
}

}  // namespace banshi
