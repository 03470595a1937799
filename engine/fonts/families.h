// The font families table (fonts/families.xml): which font names count as
// each face (仿宋, 黑体, 楷体, 小标宋, 宋体). One table for whatever must
// recognise a face by its name — the audit reading a PDF made elsewhere,
// and the font map's preferences. The format is documented at the top of
// the file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace banshi {

struct FamilyName {
  std::string family;  // "仿宋_GB2312"; may be empty
  std::string ps;      // "FangSong_GB2312"; may be empty
  std::string note;
  int line = 0;
  // A Windows or macOS font the font map prefers after the official ones
  // ("windows", "macos"; empty: not one), the file it comes in
  // ("simfang.ttf"; may be empty) and whether it is drawn with synthetic
  // bold (lighter than the face should be: 华文中宋 for 小标宋).
  std::string system;
  std::string file;
  bool embolden = false;
};

struct FaceFamilies {
  std::string id;                 // "fangsong", as in fontmap.xml and the templates
  std::string name;               // "仿宋"
  std::vector<FamilyName> fonts;  // best first
  int line = 0;
};

// A font name found somewhere, recognised (or not) by the table.
struct FamilyMatch {
  const FaceFamilies* face = nullptr;  // null: not a known face
  std::string matched;                 // the table's name that matched
  std::string rest;                    // what follows it, normalised: "bold", "regular", "gb2312bold"
};

class FamilyTable {
 public:
  // Throws EngineError "<file>:<line>: <problem>" on a malformed table.
  static FamilyTable load(const std::filesystem::path& file);
  static FamilyTable parse(std::string_view xml, const std::string& file_name);

  const std::vector<FaceFamilies>& faces() const { return faces_; }
  const FaceFamilies* face(std::string_view id) const;

  // The face a font name belongs to: "ABCDEF+FangSong_GB2312,Bold" → 仿宋
  // (rest "gb2312bold"). `name` may be UTF-8 or GB18030 bytes.
  FamilyMatch match(std::string_view name) const;

 private:
  struct Key {
    std::string normalised;
    size_t face = 0;
    size_t font = 0;
  };
  std::vector<FaceFamilies> faces_;
  std::vector<Key> keys_;  // longest first
};

// A font name as a PDF gives it, made readable: the subset tag dropped,
// GB18030 bytes (Chinese Word and WPS) decoded to UTF-8.
std::string readable_font_name(std::string_view name);
// True when `name` starts with a subset tag (six capitals and "+").
bool has_subset_tag(std::string_view name);
// Lower-case ASCII, without spaces, "-", "_", ",", "." — the form names
// are compared in.
std::string normalise_font_name(std::string_view name);

}  // namespace banshi
