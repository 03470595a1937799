// What `banshi fonts` prints: per face, the font that will be used and
// from which file, whether it is the official font or a stand-in, and the
// per-character fallback chain. Plain data first (the CLI maps template
// roles such as 主标题 to face ids and lays it out as it likes), then a
// ready-made text and JSON rendering.
#pragma once

#include <string>
#include <vector>

#include "fonts/font_set.h"

namespace banshi {

struct FontSummary {
  std::string family;    // "FandolFang"
  std::string style;     // "Regular"
  std::string file;      // absolute path
  unsigned index = 0;    // face in a .ttc
  std::string outlines;  // "TrueType" or "CFF"
  bool punctuation_ok = true;
  std::string chars;              // the map's chars= limit; empty = all
  std::string system;             // "windows", "macos" for a system font
  bool embolden = false;          // drawn with synthetic bold
  std::string punctuation_check;  // how its ，。 measured, when they were
  std::string misplaced;          // UTF-8: the marks taken from the next font (misplaced_marks)
};

struct FaceSummary {
  std::string id;         // "fangsong"
  std::string label;      // "方正仿宋_GBK"
  std::string role;       // "正文、三级标题（加粗）"
  bool official = false;  // false: `font` is a stand-in
  FontSummary font;       // the primary
  std::vector<FontSummary> fallbacks;
  std::vector<std::string> unavailable;  // map entries not used, with reasons
  std::string substitution;              // the warning text, empty when official
  // What to copy where for the official look: the map's official files
  // and the directories banshi searches (the first is the user's own).
  std::vector<std::string> official_files;
  std::vector<std::string> font_dirs;
};

// "FandolFang Regular": family and style as the font file names them.
std::string display_name(const Font& font);

FontSummary summarize(const FaceFont& link);
FaceSummary summarize(const ResolvedFace& face, const std::vector<std::string>& font_dirs = {});
std::vector<FaceSummary> summarize(const FontSet& set, const std::vector<std::string>& font_dirs = {});

// A human-readable block per face, e.g.
//   fangsong  方正仿宋_GBK  (stand-in)
//     font       FandolFang Regular, CFF
//     file       /usr/share/…/FandolFang-Regular.otf
//     fallbacks  Noto Serif CJK SC Regular; HanaMinA (U+2E80-2FDF, …); …
// `font_dirs`: where fonts may be copied (copy_font_dirs()).
std::string describe(const ResolvedFace& face, const std::vector<std::string>& font_dirs = {});
std::string describe(const FontSet& set, const std::vector<std::string>& font_dirs = {});
// The same as a JSON array of objects (for `banshi fonts --json`).
std::string to_json(const FontSet& set, const std::vector<std::string>& font_dirs = {});

// Where a user can copy font files for banshi to find them, best first:
// $BANSHI_FONT_DIR, ~/.local/share/fonts (this user), /usr/local/share/fonts
// (everyone, through fontconfig), `data_fonts` (banshi's own fonts/).
std::vector<std::string> copy_font_dirs(const std::string& data_fonts);

}  // namespace banshi
