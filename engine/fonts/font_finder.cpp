#include "fonts/font_finder.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>
#include <tuple>

#include "util/diag.h"

namespace banshi {

namespace fs = std::filesystem;

namespace {

const FcChar8* fc_str(const std::string& s) { return reinterpret_cast<const FcChar8*>(s.c_str()); }

std::vector<std::string> strings_of(const FcPattern* p, const char* object) {
  std::vector<std::string> out;
  FcChar8* s = nullptr;
  for (int n = 0; FcPatternGetString(p, object, n, &s) == FcResultMatch; ++n)
    out.emplace_back(reinterpret_cast<const char*>(s));
  return out;
}

int int_of(const FcPattern* p, const char* object, int fallback) {
  int v = 0;
  return FcPatternGetInteger(p, object, 0, &v) == FcResultMatch ? v : fallback;
}

bool bool_of(const FcPattern* p, const char* object, bool fallback) {
  FcBool v = FcFalse;
  return FcPatternGetBool(p, object, 0, &v) == FcResultMatch ? v != FcFalse : fallback;
}

// One face fontconfig knows, with what the choice between faces needs.
struct Entry {
  const FcPattern* pattern;
  std::string file;
  int index;
};

// Picks among fontconfig's faces the one that is the candidate: the family
// must be one of the face's names, the style (when the map gives one) one
// of its style names, and the face must be something Font::open can embed.
// Among several (LXGW WenKai Regular and Light both call themselves
// "Regular"), the face whose *first* style name matches wins, then the
// weight nearest to what the style implies, then upright, then the path,
// so the choice never depends on fontconfig's cache order.
std::optional<FoundFace> choose(const FcFontSet* set, const FontCandidate& c, std::optional<Message>& why_not) {
  if (!set || set->nfont == 0) return std::nullopt;
  const bool wants_bold = c.style.find("Bold") != std::string::npos || c.style.find("bold") != std::string::npos;
  const int target_weight = wants_bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
  using Rank = std::tuple<size_t, int, bool, std::string, int>;
  std::optional<Rank> best;
  const FcPattern* best_pattern = nullptr;
  std::vector<std::string> other_styles;
  bool only_unusable = false;
  for (int i = 0; i < set->nfont; ++i) {
    const FcPattern* p = set->fonts[i];
    const std::vector<std::string> families = strings_of(p, FC_FAMILY);
    if (!c.family.empty() &&
        std::none_of(families.begin(), families.end(), [&](const std::string& f) { return same_name(f, c.family); }))
      continue;
    const int index = int_of(p, FC_INDEX, 0);
    if (c.index >= 0 && index != c.index) continue;
    // Bitmap-only faces and variable fonts (their named instances have
    // index >> 16 != 0) cannot be embedded as fixed CIDFonts.
    if (!bool_of(p, FC_OUTLINE, true) || bool_of(p, FC_VARIABLE, false) || (index >> 16) != 0) {
      only_unusable = true;
      continue;
    }
    const std::vector<std::string> styles = strings_of(p, FC_STYLE);
    size_t style_pos = 0;
    if (!c.style.empty()) {
      auto it = std::find_if(styles.begin(), styles.end(), [&](const std::string& s) { return same_name(s, c.style); });
      if (it == styles.end()) {
        if (!styles.empty()) other_styles.push_back(styles.front());
        continue;
      }
      style_pos = static_cast<size_t>(it - styles.begin());
    }
    const int weight = int_of(p, FC_WEIGHT, FC_WEIGHT_REGULAR);
    const bool slanted = int_of(p, FC_SLANT, FC_SLANT_ROMAN) != FC_SLANT_ROMAN;
    const std::vector<std::string> files = strings_of(p, FC_FILE);
    Rank r{style_pos, std::abs(weight - target_weight), slanted, files.empty() ? std::string() : files.front(), index};
    if (!best || r < *best) {
      best = r;
      best_pattern = p;
    }
  }
  if (!best_pattern) {
    if (!other_styles.empty()) {
      std::sort(other_styles.begin(), other_styles.end());
      other_styles.erase(std::unique(other_styles.begin(), other_styles.end()), other_styles.end());
      why_not = Message{"font.other-styles", {{"style", c.style}, {"styles", other_styles}}};
    } else if (only_unusable) {
      why_not = Message{"font.bitmap-or-variable"};
    }
    return std::nullopt;
  }
  FoundFace f;
  f.file = std::get<3>(*best);
  f.index = static_cast<unsigned>(std::get<4>(*best));
  f.families = strings_of(best_pattern, FC_FAMILY);
  return f;
}

}  // namespace

bool same_name(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char ch) { return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch; };
    return lower(x) == lower(y);
  });
}

FontFinder::FontFinder(std::vector<fs::path> search_dirs) : dirs_(std::move(search_dirs)) {}

FcConfig* FontFinder::config() const {
  if (config_) return config_.get();
  // A configuration of our own rather than fontconfig's global current one:
  // it holds our application dirs without changing what the rest of the
  // process sees, and it goes away with the loader.
  config_.reset(FcInitLoadConfigAndFonts());
  if (!config_) throw EngineError("fontconfig.config");
  for (const fs::path& d : dirs_) {
    std::error_code ec;
    if (!fs::is_directory(d, ec)) continue;
    // A directory that cannot be scanned simply contributes no fonts.
    FcConfigAppFontAddDir(config_.get(), fc_str(d.string()));
  }
  return config_.get();
}

std::vector<std::string> FontFinder::watched() const {
  std::vector<std::string> out;
  for (const fs::path& d : dirs_) out.push_back(d.string());
  FcConfig* c = config();
  for (FcStrList* list : {FcConfigGetConfigFiles(c), FcConfigGetConfigDirs(c), FcConfigGetFontDirs(c)}) {
    if (!list) continue;
    while (FcChar8* s = FcStrListNext(list)) out.emplace_back(reinterpret_cast<const char*>(s));
    FcStrListDone(list);
  }
  // A user configuration written later is read by the next start.
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  if (xdg && *xdg) out.push_back(std::string(xdg) + "/fontconfig");
  else if (home && *home) out.push_back(std::string(home) + "/.config/fontconfig");
  if (home && *home) out.push_back(std::string(home) + "/.fonts.conf");
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

FindResult FontFinder::find(const FontCandidate& c) const {
  FindResult r = c.file.empty() ? find_family(c) : find_file(c);
  if (!r.face && !r.why_not) {
    r.why_not = Message{"font.not-installed"};
    r.absent = true;
  }
  return r;
}

FindResult FontFinder::find_family(const FontCandidate& c) const {
  FindResult r;
  fc::Pattern pattern(FcPatternCreate());
  fc::ObjectSet objects(
      FcObjectSetBuild(FC_FAMILY, FC_STYLE, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_OUTLINE, FC_VARIABLE, nullptr));
  if (!pattern || !objects) throw EngineError("fontconfig.memory");
  FcPatternAddString(pattern.get(), FC_FAMILY, fc_str(c.family));
  // Application fonts first: a font the user dropped into the repo's fonts/
  // or their own font dir is meant to win over a system copy.
  for (FcSetName which : {FcSetApplication, FcSetSystem}) {
    FcFontSet* known = FcConfigGetFonts(config(), which);  // owned by the config
    if (!known) continue;
    FcFontSet* sets[] = {known};
    fc::FontSet listed(FcFontSetList(config(), sets, 1, pattern.get(), objects.get()));
    if ((r.face = choose(listed.get(), c, r.why_not))) return r;
  }
  return r;
}

std::optional<fs::path> FontFinder::locate_file(const std::string& name) const {
  const fs::path p(name);
  std::error_code ec;
  if (p.is_absolute()) {
    if (fs::is_regular_file(p, ec)) return p;
    return std::nullopt;
  }
  for (const fs::path& d : dirs_) {
    if (fs::is_regular_file(d / p, ec)) return d / p;
  }
  // Then every font fontconfig knows, by file name ignoring case: the
  // Founder files are FZFSK.TTF on Windows but often fzfsk.ttf on Linux.
  const std::string base = p.filename().string();
  for (FcSetName which : {FcSetApplication, FcSetSystem}) {
    const FcFontSet* known = FcConfigGetFonts(config(), which);
    if (!known) continue;
    for (int i = 0; i < known->nfont; ++i) {
      FcChar8* file = nullptr;
      if (FcPatternGetString(known->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
      const fs::path found(reinterpret_cast<const char*>(file));
      if (same_name(found.filename().string(), base)) return found;
    }
  }
  return std::nullopt;
}

FindResult FontFinder::find_file(const FontCandidate& c) const {
  FindResult r;
  const std::optional<fs::path> path = locate_file(c.file);
  if (!path) {
    r.why_not =
        Message{fs::path(c.file).is_absolute() ? MessageCode("font.no-such-file") : MessageCode("font.file-not-found")};
    r.absent = true;
    return r;
  }
  // Ask fontconfig what the file holds (all faces of a collection), so a
  // file entry is checked the same way as a family entry: names for the
  // reject list and for family= inside a .ttc, outlines, styles.
  fc::FontSet faces(FcFontSetCreate());
  if (!faces) throw EngineError("fontconfig.memory");
  int count = 0;
  FcFreeTypeQueryAll(fc_str(path->string()), static_cast<unsigned>(-1), nullptr, &count, faces.get());
  if (faces->nfont == 0) {
    r.why_not = Message{"font.unreadable-file", {{"file", path->string()}}};
    return r;
  }
  FontCandidate wanted = c;
  if (wanted.family.empty() && wanted.style.empty() && wanted.index < 0) wanted.index = 0;
  r.face = choose(faces.get(), wanted, r.why_not);
  if (!r.face) {
    if (!r.why_not) {
      const MessageCode code =
          wanted.family.empty() ? MessageCode("font.no-face-number") : MessageCode("font.no-face-of-family");
      r.why_not = Message{code, {{"file", path->string()}, {"index", wanted.index}, {"family", wanted.family}}};
    } else {
      r.why_not = Message{"font.file-reason", {{"file", path->string()}, {"reason", std::move(*r.why_not)}}};
    }
    return r;
  }
  r.face->file = *path;  // as found, not as fontconfig spelled it
  return r;
}

}  // namespace banshi
