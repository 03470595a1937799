// The XML parts of a package, parsed with tinyxml2 under the same rules as
// report XML: no DOCTYPE (so no entity definitions, no external entities),
// nothing but UTF-8. Names are matched by namespace, not by the prefix a
// producer happened to choose: Word writes w:, strict OOXML and other
// producers may not.
#pragma once

#include <tinyxml2.h>

#include <memory>
#include <string>
#include <string_view>

namespace banshi::docx {

class Package;

using El = tinyxml2::XMLElement;

// Parses `text` (the bytes of `part`). Throws InputError naming the package
// and the part for a DOCTYPE, another encoding or malformed XML.
std::unique_ptr<tinyxml2::XMLDocument> parse_xml(std::string text, const std::string& package_name,
                                                 std::string_view part);
std::unique_ptr<tinyxml2::XMLDocument> parse_part(const Package& package, std::string_view part);

// The prefixes the root element binds to the namespaces the importer reads
// (with the colon: "w:"; "" for a default namespace). A namespace the root
// does not declare keeps its conventional prefix (python-docx declares
// pic: on the picture element itself).
struct Namespaces {
  std::string w = "w:";      // WordprocessingML (transitional or strict)
  std::string r = "r:";      // relationships (r:id, r:embed)
  std::string wp = "wp:";    // drawing placement
  std::string a = "a:";      // DrawingML
  std::string pic = "pic:";  // pictures
  std::string v = "v:";      // VML (old pictures and text boxes)
  std::string mc = "mc:";    // markup compatibility (AlternateContent)
  std::string m = "m:";      // Office Math

  static Namespaces of(const El* root);
};

std::string_view local_name(const El* el);

// True when `el` is `local` in the namespace bound to `prefix`.
inline bool is(const El* el, std::string_view prefix, std::string_view local) {
  const std::string_view name = el->Name();
  return name.size() == prefix.size() + local.size() && name.starts_with(prefix) && name.ends_with(local);
}

// The first child element `local` in `prefix`'s namespace.
const El* child(const El* el, std::string_view prefix, std::string_view local);
// The attribute `local` in `prefix`'s namespace (w:val), or null.
const char* attr(const El* el, std::string_view prefix, std::string_view local);
// An unprefixed attribute (the relationships and content types parts).
const char* plain_attr(const El* el, std::string_view name);

// w:val as OOXML reads an on/off property: <w:b/>, <w:b w:val="1|true|on">
// are on, "0|false|off" off.
bool on_off(const El* el, std::string_view w);

}  // namespace banshi::docx
