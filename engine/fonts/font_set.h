// Font roles resolved to files: the font map (fonts/fontmap.xml) names, for
// each face the form asks for (小标宋, 黑体, 楷体, 仿宋, 宋体 for folios, a
// Latin face), the official 方正 family names first and the free stand-ins
// after; fontconfig (plus the repo's fonts/ directory and a user font
// directory) finds them. Loaded once and shared read-only across jobs.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/coverage.h"
#include "fonts/font.h"
#include "util/diag.h"

namespace banshi {

// One font of a face's chain, with what font_for needs to decide quickly.
struct FaceFont {
  FontPtr font;
  std::shared_ptr<const LazyCoverage> coverage;  // limited to `chars`; computed on first use
  bool punctuation_ok = true;
  // Marks whose ink is not in the GB position (misplaced_marks): taken
  // from the next font of the chain even when punctuation_ok.
  std::u32string misplaced;
  bool official = false;          // listed under <official> in the map
  std::string system;             // "windows", "macos": a system font of fonts/families.xml
  bool embolden = false;          // drawn with synthetic bold (lighter than its face)
  std::string punctuation_check;  // how its ，。 measured, when they were
  std::string chars;              // the map's chars= limit as written; empty = all
  std::string requested;          // how the map named it: "Noto Serif CJK SC Bold"
};

// A face the templates refer to by id ("fangsong"), resolved.
struct ResolvedFace {
  std::string id;         // "fangsong"
  std::string label;      // the official name the form uses: "方正仿宋_GBK"
  FontPtr primary;        // never null once resolved
  bool official = false;  // primary is the official font, not a stand-in
  // Further fonts tried, in order, for characters the primary lacks.
  std::vector<FontPtr> fallbacks;
  // Whether the primary's punctuation may be used (false for fonts with
  // proportional quotes or centred stops); such punctuation then comes from
  // the first fallback whose punctuation is usable.
  bool punctuation_ok = true;

  // The whole chain font_for walks: chain[0] is the primary, the rest are
  // `fallbacks` in the same order, with their coverage and flags.
  std::vector<FaceFont> chain;
  std::string role;  // from the map, for `banshi fonts`
  // The face (index into FontSet::faces()) that draws this face's Latin
  // letters, digits and ASCII punctuation; -1: its own chain does.
  int latin = -1;
  // The warning given when a stand-in is used; empty for the official font.
  std::string substitution;
  // The official fonts' files (FZFSK.TTF …), from the map: what to copy
  // into a font directory to get the official look.
  std::vector<std::string> official_files;

  // Whether text in `font` (a font of this face's chain) is drawn with
  // synthetic bold whatever its style asks.
  bool emboldens(const Font* font) const;
  // Fonts of the map that were not used, each with the reason:
  // "方正仿宋_GBK: not installed".
  std::vector<std::string> unavailable;
};

class FontSet {
 public:
  // Resolves every face of the map at `map_file`; extra_dirs are added to
  // fontconfig's search path (the repo's fonts/, the user's font dir; see
  // default_font_dirs), after the map's own directory.
  // Substitutions are reported as one warning per face. Throws EngineError
  // when a face has no usable font at all, or the map is malformed.
  // With `cache_dir` (font_cache_dir()), what was found is kept there and
  // taken from there while the fonts are unchanged (fonts/font_cache.h):
  // the same set, much sooner.
  static std::shared_ptr<const FontSet> load(const std::filesystem::path& map_file,
                                             const std::vector<std::filesystem::path>& extra_dirs, Diagnostics& diags,
                                             const std::optional<std::filesystem::path>& cache_dir = std::nullopt);

  // nullptr for an id not in the map.
  const ResolvedFace* face(std::string_view id) const;
  const std::vector<ResolvedFace>& faces() const { return faces_; }
  const std::string& map_file() const { return map_file_; }
  // Whether every answer came from the font cache (fontconfig and FreeType
  // were not asked).
  bool from_cache() const { return from_cache_; }

  // The font that draws `cp` for `face` (a face of this set): the primary
  // if it has the glyph (and, for punctuation, if its punctuation is
  // usable and this mark of it is in place), else the first fallback that has it; nullptr when no
  // installed font has it. Latin letters, digits and ASCII punctuation of
  // a face with a Latin face (latin= in the map) come from that face's
  // chain first. Lock-free; safe from any number of threads.
  const Font* font_for(const ResolvedFace& face, char32_t cp) const;

 private:
  std::vector<ResolvedFace> faces_;
  std::string map_file_;
  bool from_cache_ = false;
};

// The user's font directories, to pass (after the data dir's fonts/) as
// load()'s extra_dirs: $BANSHI_FONT_DIR, ~/.local/share/fonts, ~/.fonts.
// Only those that exist.
std::vector<std::filesystem::path> user_font_dirs();

// True for the characters whose shape depends on the font's punctuation
// design (quotes, stops, dashes, brackets, ·): Unicode punctuation outside
// ASCII. ASCII punctuation belongs to the Latin face.
bool is_styled_punctuation(char32_t cp);

}  // namespace banshi
