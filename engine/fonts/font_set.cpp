#include "fonts/font_set.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include "fonts/face_resolver.h"
#include "fonts/families.h"
#include "fonts/font_cache.h"
#include "fonts/font_finder.h"
#include "fonts/font_map.h"

namespace banshi {

namespace fs = std::filesystem;

namespace {

// The Windows and macOS fonts fonts/families.xml marks system= become the
// <system/> tier of the faces that ask for it: one table for the audit
// and the font map. Each is tried by family, by PostScript name and by its
// file, and its punctuation is measured before it is trusted.
void add_system_fonts(FontMap& map, const fs::path& families_file) {
  const bool wanted = std::any_of(map.faces.begin(), map.faces.end(), [](const FaceSpec& f) { return f.system_fonts; });
  if (!wanted) return;
  const FamilyTable table = FamilyTable::load(families_file);
  for (FaceSpec& face : map.faces) {
    if (!face.system_fonts) continue;
    const FaceFamilies* families = table.face(face.id);
    if (!families) continue;
    for (const FamilyName& n : families->fonts) {
      if (n.system.empty()) continue;
      FontCandidate c;
      c.measure_punctuation = true;
      c.embolden = n.embolden;
      c.system = n.system;
      c.line = n.line;
      for (const std::string* name : {&n.family, &n.ps}) {
        if (name->empty() || (name == &n.ps && same_name(n.ps, n.family))) continue;
        c.family = *name;
        face.system.push_back(c);
      }
      if (!n.file.empty()) {
        c.family.clear();
        c.file = n.file;
        face.system.push_back(c);
      }
    }
  }
}

// Everything the answers in `data` depend on, as it is now: this binary,
// the map and families.xml, fontconfig's configuration and directories,
// and every font file named, found or not.
std::vector<FileStamp> stamps_for(const FontCacheData& data, const FontMap& map, const fs::path& map_file,
                                  const FontFinder& finder) {
  std::vector<std::string> paths = finder.watched();
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) paths.push_back(exe.string());
  paths.push_back(map_file.string());
  paths.push_back((map_file.parent_path() / "families.xml").string());
  auto add_candidates = [&](const std::vector<FontCandidate>& list) {
    for (const FontCandidate& c : list)
      if (fs::path(c.file).is_absolute()) paths.push_back(c.file);
  };
  for (const FaceSpec& f : map.faces)
    for (const auto* list : {&f.official, &f.system, &f.standins, &f.fallbacks}) add_candidates(*list);
  add_candidates(map.last_resort);
  for (const auto& [key, found] : data.finds)
    if (found.face) paths.push_back(found.face->file.string());
  for (const auto& [key, face] : data.faces) paths.push_back(face.canonical);
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  std::vector<FileStamp> out;
  for (const std::string& p : paths) out.push_back(FileStamp::of(p));
  return out;
}

}  // namespace

std::shared_ptr<const FontSet> FontSet::load(const fs::path& map_file, const std::vector<fs::path>& extra_dirs,
                                             Diagnostics& diags, const std::optional<fs::path>& cache_dir) {
  FontMap map = parse_font_map(map_file);
  add_system_fonts(map, map_file.parent_path() / "families.xml");

  // The map's own directory (the repo's fonts/) first, so fonts shipped or
  // dropped next to the map are found by family like installed ones.
  std::vector<fs::path> dirs;
  auto add_dir = [&](const fs::path& d) {
    if (d.empty()) return;
    std::error_code ec;
    fs::path abs = fs::absolute(d, ec);
    if (ec) abs = d;
    abs = abs.lexically_normal();
    if (std::find(dirs.begin(), dirs.end(), abs) == dirs.end()) dirs.push_back(std::move(abs));
  };
  add_dir(map_file.parent_path().empty() ? fs::path(".") : map_file.parent_path());
  for (const fs::path& d : extra_dirs) add_dir(d);

  const FontCache cache(cache_dir, map_file, dirs);
  const std::optional<FontCacheData> cached = cache.read();
  const FontFinder finder(dirs);
  FaceResolver resolver(map, finder, cached ? &*cached : nullptr);
  auto set = std::make_shared<FontSet>();
  set->map_file_ = map.file;
  for (const FaceSpec& spec : map.faces) set->faces_.push_back(resolver.resolve(spec, diags));
  for (size_t i = 0; i < map.faces.size(); ++i) {
    if (map.faces[i].latin.empty()) continue;
    for (size_t j = 0; j < map.faces.size(); ++j)
      if (map.faces[j].id == map.faces[i].latin) set->faces_[i].latin = static_cast<int>(j);
  }
  set->from_cache_ = cached && !resolver.missed();
  if (resolver.missed() && !cache.file().empty()) {
    FontCacheData fresh = resolver.used();
    fresh.stamps = stamps_for(fresh, map, map_file, finder);
    cache.write(fresh);
  }
  return set;
}

bool ResolvedFace::emboldens(const Font* font) const {
  for (const FaceFont& link : chain)
    if (link.font.get() == font) return link.embolden;
  return false;
}

const ResolvedFace* FontSet::face(std::string_view id) const {
  for (const ResolvedFace& f : faces_) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

bool is_styled_punctuation(char32_t cp) { return cp >= 0x80 && u_ispunct(static_cast<UChar32>(cp)); }

namespace {

// What 公文 sets in Times New Roman beside 仿宋: Latin letters (accented
// ones too), digits, ASCII punctuation and the space between words. Quotes,
// dashes and ellipses (“” —— ……) are Chinese punctuation here and stay.
bool is_latin_text(char32_t cp) {
  return (cp >= 0x20 && cp < 0x7F) || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

}  // namespace

const Font* FontSet::font_for(const ResolvedFace& face, char32_t cp) const {
  if (face.latin >= 0 && is_latin_text(cp))
    if (const Font* f = font_for(faces_[static_cast<size_t>(face.latin)], cp)) return f;
  // Whether cp is punctuation is asked only when a font that has the glyph
  // is not trusted with punctuation, so ordinary text costs one bit test.
  int punct = -1;  // unknown
  const Font* unusable_but_present = nullptr;
  for (const FaceFont& link : face.chain) {
    if (!link.coverage->has(cp)) continue;
    const bool misplaced = !link.misplaced.empty() && link.misplaced.find(cp) != std::u32string::npos;
    if (!misplaced) {
      if (link.punctuation_ok) return link.font.get();
      if (punct < 0) punct = is_styled_punctuation(cp) ? 1 : 0;
      if (punct == 0) return link.font.get();
    }
    if (!unusable_but_present) unusable_but_present = link.font.get();
  }
  // No font with good punctuation has it: a poor mark beats a missing one.
  return unusable_but_present;
}

std::vector<fs::path> user_font_dirs() {
  std::vector<fs::path> out;
  auto add = [&](const fs::path& d) {
    std::error_code ec;
    if (fs::is_directory(d, ec)) out.push_back(d);
  };
  if (const char* dir = std::getenv("BANSHI_FONT_DIR"); dir && *dir) add(dir);
  if (const char* home = std::getenv("HOME"); home && *home) {
    add(fs::path(home) / ".local/share/fonts");
    add(fs::path(home) / ".fonts");
  }
  return out;
}

}  // namespace banshi
