#include "fonts/families.h"

#include <tinyxml2.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <memory>
#include <set>

#include "util/diag.h"
#include "util/file.h"
#include "util/utf8.h"

namespace banshi {

namespace {

using tinyxml2::XMLElement;

[[noreturn]] void fail(const std::string& file, int line, MessageCode code, Args args = {}) {
  throw EngineError(SourceLoc(file, line), code, std::move(args));
}

std::string attr(const XMLElement& e, const char* name) {
  const char* v = e.Attribute(name);
  return v ? std::string(v) : std::string();
}

void check_attributes(const std::string& file, const XMLElement& e, std::initializer_list<std::string_view> allowed) {
  for (const auto* a = e.FirstAttribute(); a; a = a->Next()) {
    if (std::find(allowed.begin(), allowed.end(), a->Name()) == allowed.end())
      fail(file, e.GetLineNum(), "data.unknown-attribute",
           {{"element", e.Name()}, {"attribute", a->Name()}, {"allowed", allowed}});
  }
}

struct ConverterClose {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// GB18030 (a superset of GBK and GB2312) to UTF-8; empty when the bytes
// are not GB18030 either.
std::string from_gb18030(std::string_view bytes) {
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> conv(ucnv_open("GB18030", &ec));
  if (U_FAILURE(ec)) return {};
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &ec);
  std::u16string wide(bytes.size() + 1, u'\0');
  const int32_t n = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(wide.data()), static_cast<int32_t>(wide.size()),
                                  bytes.data(), static_cast<int32_t>(bytes.size()), &ec);
  if (U_FAILURE(ec)) return {};
  std::string out;
  for (int32_t i = 0; i < n; ++i) {
    char32_t cp = wide[static_cast<size_t>(i)];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n) {
      const char32_t lo = wide[static_cast<size_t>(++i)];
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    utf8_append(out, cp);
  }
  return out;
}

}  // namespace

bool has_subset_tag(std::string_view name) {
  if (name.size() < 7 || name[6] != '+') return false;
  return std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string readable_font_name(std::string_view name) {
  if (has_subset_tag(name)) name.remove_prefix(7);
  if (utf8_valid(name)) return std::string(name);
  std::string decoded = from_gb18030(name);
  if (!decoded.empty()) return decoded;
  // Neither: keep what is readable, so the name can still be shown.
  std::string out;
  for (size_t i = 0; i < name.size();) utf8_append(out, utf8_next(name, i));
  return out;
}

std::string normalise_font_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == ' ' || c == '-' || c == '_' || c == ',' || c == '.') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

FamilyTable FamilyTable::load(const std::filesystem::path& file) { return parse(read_file(file), file.string()); }

FamilyTable FamilyTable::parse(std::string_view xml, const std::string& file_name) {
  tinyxml2::XMLDocument doc;
  if (doc.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS)
    fail(file_name, doc.ErrorLineNum(), "data.malformed-xml", {{"problem", doc.ErrorName()}});
  const XMLElement* root = doc.RootElement();
  if (!root || std::string_view(root->Name()) != "families")
    fail(file_name, root ? root->GetLineNum() : 1, "data.root", {{"element", "families"}});
  check_attributes(file_name, *root, {"version"});
  if (attr(*root, "version") != "1")
    fail(file_name, root->GetLineNum(), "data.version", {{"value", attr(*root, "version")}});

  FamilyTable table;
  std::set<std::string, std::less<>> ids;
  for (const XMLElement* f = root->FirstChildElement(); f; f = f->NextSiblingElement()) {
    if (std::string_view(f->Name()) != "face")
      fail(file_name, f->GetLineNum(), "data.unknown-element",
           {{"element", "families"}, {"child", f->Name()}, {"allowed", {"<face>"}}});
    check_attributes(file_name, *f, {"id", "name"});
    FaceFamilies face;
    face.id = attr(*f, "id");
    face.name = attr(*f, "name");
    face.line = f->GetLineNum();
    if (face.id.empty())
      fail(file_name, face.line, "data.missing-attribute", {{"element", "face"}, {"attribute", "id"}});
    if (face.name.empty()) face.name = face.id;
    if (!ids.insert(face.id).second) fail(file_name, face.line, "fontmap.face-defined-twice", {{"face", face.id}});
    for (const XMLElement* e = f->FirstChildElement(); e; e = e->NextSiblingElement()) {
      if (std::string_view(e->Name()) != "font")
        fail(file_name, e->GetLineNum(), "data.unknown-element",
             {{"element", "face"}, {"child", e->Name()}, {"allowed", {"<font>"}}});
      check_attributes(file_name, *e, {"family", "ps", "note", "system", "file", "embolden"});
      FamilyName n;
      n.family = attr(*e, "family");
      n.ps = attr(*e, "ps");
      n.note = attr(*e, "note");
      n.line = e->GetLineNum();
      n.system = attr(*e, "system");
      n.file = attr(*e, "file");
      if (n.family.empty() && n.ps.empty()) fail(file_name, n.line, "families.font-no-name");
      if (!n.system.empty() && n.system != "windows" && n.system != "macos")
        fail(file_name, n.line, "data.choice",
             {{"element", "font"}, {"attribute", "system"}, {"value", n.system}, {"allowed", {"windows", "macos"}}});
      if (const std::string b = attr(*e, "embolden"); b == "yes") n.embolden = true;
      else if (!b.empty() && b != "no")
        fail(file_name, n.line, "data.yes-no", {{"element", "font"}, {"attribute", "embolden"}, {"value", b}});
      if ((n.embolden || !n.file.empty()) && n.system.empty()) fail(file_name, n.line, "families.system-only");
      face.fonts.push_back(std::move(n));
    }
    if (face.fonts.empty()) fail(file_name, face.line, "families.face-no-font", {{"face", face.id}});
    table.faces_.push_back(std::move(face));
  }

  // The same name under two faces would make a font's face depend on the
  // order of the file: refuse it.
  for (size_t fi = 0; fi < table.faces_.size(); ++fi) {
    for (size_t ni = 0; ni < table.faces_[fi].fonts.size(); ++ni) {
      const FamilyName& n = table.faces_[fi].fonts[ni];
      for (const std::string* s : {&n.family, &n.ps}) {
        if (s->empty()) continue;
        std::string key = normalise_font_name(*s);
        if (key.empty()) fail(file_name, n.line, "families.empty-name", {{"name", *s}});
        auto dup =
            std::find_if(table.keys_.begin(), table.keys_.end(), [&](const Key& k) { return k.normalised == key; });
        if (dup != table.keys_.end()) {
          if (dup->face != fi) fail(file_name, n.line, "families.two-faces", {{"name", *s}});
          continue;
        }
        table.keys_.push_back({std::move(key), fi, ni});
      }
    }
  }
  std::stable_sort(table.keys_.begin(), table.keys_.end(),
                   [](const Key& a, const Key& b) { return a.normalised.size() > b.normalised.size(); });
  return table;
}

const FaceFamilies* FamilyTable::face(std::string_view id) const {
  for (const auto& f : faces_)
    if (f.id == id) return &f;
  return nullptr;
}

FamilyMatch FamilyTable::match(std::string_view name) const {
  const std::string key = normalise_font_name(readable_font_name(name));
  FamilyMatch m;
  for (const Key& k : keys_) {  // longest first: the first prefix found is the best
    if (key.compare(0, k.normalised.size(), k.normalised) != 0) continue;
    m.face = &faces_[k.face];
    const FamilyName& n = faces_[k.face].fonts[k.font];
    m.matched = normalise_font_name(n.family) == k.normalised ? n.family : n.ps;
    m.rest = key.substr(k.normalised.size());
    return m;
  }
  return m;
}

}  // namespace banshi
