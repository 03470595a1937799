// The font map (fonts/fontmap.xml) as data: which fonts may stand for each
// face the templates name, in order of preference. The file format is
// documented at the top of fonts/fontmap.xml. This is only the parsed file;
// FontSet::load looks the fonts up.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/coverage.h"
#include "util/diag.h"

namespace banshi {

// One <font> element: a family (optionally a style), or a file (optionally
// a face index, or a family to pick inside a collection).
struct FontCandidate {
  std::string family;   // "Noto Serif CJK SC", "方正仿宋_GBK"
  std::string style;    // "Bold"; empty = the regular face
  std::string file;     // absolute, or a bare name looked up in the font dirs
  int index = -1;       // face index inside `file`; -1 = not given
  std::string package;  // the Debian package that installs it (the .deb's Recommends)
  // Whether the font's punctuation (quotes, stops, dashes …) may be used;
  // with measure_punctuation, only if its ，。 sit in the lower left of the
  // em box (GB style), as measured when the font is loaded.
  bool punctuation_ok = true;
  bool measure_punctuation = false;
  // Drawn with synthetic bold (a system font lighter than its face).
  bool embolden = false;
  // "windows", "macos" for a system font from fonts/families.xml.
  std::string system;
  // Restricts the font to these characters (empty = all of its own).
  std::vector<CharRange> chars;
  std::string chars_text;  // the attribute as written, for reports
  int line = 0;            // in the map file

  // How the map names it, for messages: "FZFangSong-Z02",
  // "Noto Serif CJK SC Bold", "file FZFSK.TTF".
  std::string describe() const;
};

struct FaceSpec {
  std::string id;     // what templates write: face="fangsong"
  std::string label;  // the official name the form uses: "方正仿宋_GBK"
  std::string role;   // free text for `banshi fonts`: "正文、三级标题"
  int line = 0;
  std::vector<FontCandidate> official;  // the real fonts, best first
  // <system/>: the Windows and macOS fonts of fonts/families.xml, tried
  // after the official fonts and before the stand-ins (FontSet::load
  // fills `system` from the families table).
  bool system_fonts = false;
  std::vector<FontCandidate> system;
  std::vector<FontCandidate> standins;   // free substitutes, best first
  std::vector<FontCandidate> fallbacks;  // per character, after the above
  // latin="ID": Latin letters, digits and ASCII punctuation in this face
  // are drawn by face ID (公文 practice: Times New Roman beside 仿宋).
  std::string latin;
};

// A family that must never be used, whatever a map or a fallback says.
struct RejectedFamily {
  std::string family;
  std::string reason;
  int line = 0;
};

struct FontMap {
  std::string file;  // as given, for messages
  std::vector<FaceSpec> faces;
  std::vector<FontCandidate> last_resort;  // appended to every face's chain
  std::vector<RejectedFamily> rejected;
};

// Parses a map; throws EngineError "<file>:<line>: <problem>" on malformed
// XML or a map that does not follow the format.
FontMap parse_font_map(const std::filesystem::path& file);
FontMap parse_font_map_text(std::string_view xml, const std::string& file_name);

// Parses "U+4E00-9FFF, U+20000-3FFFF, U+3007" (CSS unicode-range syntax,
// without wildcards). Throws EngineError at `where` on a bad list.
std::vector<CharRange> parse_char_ranges(std::string_view text, const SourceLoc& where);

}  // namespace banshi
