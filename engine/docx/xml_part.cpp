#include "docx/xml_part.h"

#include <array>
#include <cstring>

#include "docx/messages.h"
#include "docx/package.h"
#include "util/utf8.h"

namespace banshi::docx {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// tinyxml2 drops a text node that is only white space, even when asked to
// preserve white space — and <w:t xml:space="preserve"> </w:t> is how Word
// writes the space between two differently formatted words. Such content
// (white space alone between a start tag and an end tag) is rewritten as
// character references, which tinyxml2 keeps. One pass; the text is copied
// only when something changes.
std::string keep_blank_leaves(std::string text) {
  std::string out;
  size_t copied = 0;
  for (size_t at = text.find("</"); at != std::string::npos; at = text.find("</", at + 2)) {
    size_t b = at;
    while (b > 0 && is_space(text[b - 1])) --b;
    if (b == at || b == 0 || text[b - 1] != '>') continue;
    if (b >= 2 && text[b - 2] == '/') continue;  // <x/> then blanks: not a leaf's content
    const size_t lt = text.rfind('<', b - 1);
    if (lt == std::string::npos || lt + 1 >= text.size()) continue;
    const char k = text[lt + 1];
    if (k == '/' || k == '?' || k == '!') continue;  // an end tag, a PI or a comment
    out.append(text, copied, b - copied);
    for (size_t i = b; i < at; ++i) {
      switch (text[i]) {
        case ' ': out += "&#32;"; break;
        case '\t': out += "&#9;"; break;
        case '\n': out += "&#10;"; break;
        default: out += "&#13;"; break;
      }
    }
    copied = at;
  }
  if (copied == 0) return text;
  out.append(text, copied, std::string::npos);
  return out;
}

// The prolog up to the root element: a DOCTYPE there could define entities.
bool has_doctype(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (s.compare(i, 2, "<?") == 0) {
      const size_t e = s.find("?>", i);
      if (e == std::string_view::npos) return false;
      i = e + 2;
    } else if (s.compare(i, 4, "<!--") == 0) {
      const size_t e = s.find("-->", i);
      if (e == std::string_view::npos) return false;
      i = e + 3;
    } else {
      return s.compare(i, 2, "<!") == 0;
    }
  }
  return false;
}

struct Known {
  std::string Namespaces::*slot;
  std::array<const char*, 2> uris;
};

const std::array<Known, 8> kKnown{{
    {&Namespaces::w,
     {"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "http://purl.oclc.org/ooxml/wordprocessingml/main"}},
    {&Namespaces::r,
     {"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "http://purl.oclc.org/ooxml/officeDocument/relationships"}},
    {&Namespaces::wp,
     {"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"}},
    {&Namespaces::a,
     {"http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"}},
    {&Namespaces::pic,
     {"http://schemas.openxmlformats.org/drawingml/2006/picture", "http://purl.oclc.org/ooxml/drawingml/picture"}},
    {&Namespaces::v, {"urn:schemas-microsoft-com:vml", nullptr}},
    {&Namespaces::mc, {"http://schemas.openxmlformats.org/markup-compatibility/2006", nullptr}},
    {&Namespaces::m,
     {"http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math"}},
}};

}  // namespace

std::unique_ptr<tinyxml2::XMLDocument> parse_xml(std::string text, const std::string& package_name,
                                                 std::string_view part) {
  // Word writes UTF-8; a part that is not (UTF-16, or damaged bytes that
  // tinyxml2 would pass on) is refused rather than printed as mojibake.
  if (!utf8_valid(text)) fail(package_name, "docx.not-utf8", {{"part", part}});
  std::string_view body = text;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  if (has_doctype(body)) fail(package_name, "docx.doctype", {{"part", part}});
  text = keep_blank_leaves(std::move(text));
  auto doc = std::make_unique<tinyxml2::XMLDocument>(true, tinyxml2::PRESERVE_WHITESPACE);
  doc->Parse(text.data(), text.size());
  if (doc->Error())
    fail(package_name, "docx.malformed", {{"part", part}, {"line", doc->ErrorLineNum()}, {"reason", doc->ErrorName()}});
  return doc;
}

std::unique_ptr<tinyxml2::XMLDocument> parse_part(const Package& package, std::string_view part) {
  const std::uint64_t limit = package.limits().max_xml_part_bytes;
  if (const auto size = package.size(part); size && *size > limit)
    fail(package.name(), "docx.part-too-large",
         {{"part", part}, {"size", megabytes(*size)}, {"limit", megabytes(limit)}});
  return parse_xml(package.read(part), package.name(), part);
}

Namespaces Namespaces::of(const El* root) {
  Namespaces ns;
  if (!root) return ns;
  for (const auto* a = root->FirstAttribute(); a; a = a->Next()) {
    const std::string_view name = a->Name();
    std::string prefix;
    if (name == "xmlns") prefix = "";
    else if (name.starts_with("xmlns:")) prefix = std::string(name.substr(6)) + ":";
    else continue;
    for (const auto& k : kKnown)
      for (const char* uri : k.uris)
        if (uri && std::strcmp(uri, a->Value()) == 0) ns.*k.slot = prefix;
  }
  return ns;
}

std::string_view local_name(const El* el) {
  const std::string_view name = el->Name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const El* child(const El* el, std::string_view prefix, std::string_view local) {
  if (!el) return nullptr;
  for (const El* c = el->FirstChildElement(); c; c = c->NextSiblingElement())
    if (is(c, prefix, local)) return c;
  return nullptr;
}

const char* attr(const El* el, std::string_view prefix, std::string_view local) {
  if (!el) return nullptr;
  for (const auto* a = el->FirstAttribute(); a; a = a->Next()) {
    const std::string_view name = a->Name();
    if (name.size() == prefix.size() + local.size() && name.starts_with(prefix) && name.ends_with(local))
      return a->Value();
  }
  return nullptr;
}

const char* plain_attr(const El* el, std::string_view name) {
  for (const auto* a = el->FirstAttribute(); a; a = a->Next())
    if (name == a->Name()) return a->Value();
  return nullptr;
}

bool on_off(const El* el, std::string_view w) {
  if (!el) return false;
  const char* v = attr(el, w, "val");
  if (!v) return true;
  const std::string_view s = v;
  return !(s == "0" || s == "false" || s == "off" || s == "none");
}

}  // namespace banshi::docx
