// Looks up the fonts a font map names, through a private fontconfig
// configuration: the system's fonts.conf and font directories plus the
// application font directories given (the repo's fonts/, the user's), so
// that dropping the real 方正 files into one of those is all it takes.
//
// fontconfig's matcher always returns *some* font; this finder only
// answers with a face whose family (any of its names, Chinese ones
// included) is the one asked for, so a missing font is reported as missing
// instead of being quietly replaced by DejaVu.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "fonts/fc_handle.h"
#include "fonts/font_map.h"

namespace banshi {

struct FoundFace {
  std::filesystem::path file;
  unsigned index = 0;
  std::vector<std::string> families;  // every family name the face carries
};

struct FindResult {
  std::optional<FoundFace> face;
  // Why there is no face: "not installed", "installed, but not in style
  // Bold (only Regular)", "… is not a font file fontconfig can read".
  std::optional<Message> why_not;
  // True when nothing of the name exists at all (as opposed to a font that
  // exists but does not qualify): decides "is not installed" in warnings.
  bool absent = false;
};

class FontFinder {
 public:
  // `search_dirs`: application font directories, best first (missing ones
  // are skipped). Bare file names in the map are also looked up there.
  // fontconfig is started on the first find(), so a finder whose answers
  // all come from the font cache costs nothing; that find() throws
  // EngineError when fontconfig cannot be initialised.
  explicit FontFinder(std::vector<std::filesystem::path> search_dirs);

  // The face `c` names, or the reason there is none.
  FindResult find(const FontCandidate& c) const;

  // Every file and directory whose change may change an answer:
  // fontconfig's configuration files and directories, its font
  // directories (with those below them) and the search directories.
  std::vector<std::string> watched() const;

 private:
  FindResult find_family(const FontCandidate& c) const;
  FindResult find_file(const FontCandidate& c) const;
  std::optional<std::filesystem::path> locate_file(const std::string& name) const;

  FcConfig* config() const;

  mutable fc::Config config_;  // started by config()
  std::vector<std::filesystem::path> dirs_;
};

// True when two family or style names are the same, ignoring ASCII case
// (fontconfig and OpenType treat names that way; CJK names compare exactly).
bool same_name(std::string_view a, std::string_view b);

}  // namespace banshi
