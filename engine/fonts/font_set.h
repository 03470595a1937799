// Font roles resolved to files: the font map (fonts/fontmap.xml) names, for
// each face the form asks for (小标宋, 黑体, 楷体, 仿宋, 宋体 for folios, a
// Latin face), the official 方正 family names first and the free stand-ins
// after; fontconfig (plus the repo's fonts/ directory and a user font
// directory) finds them. Loaded once and shared read-only across jobs.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/font.h"
#include "util/diag.h"

namespace banshi {

// A face the templates refer to by id ("fangsong"), resolved.
struct ResolvedFace {
  std::string id;          // "fangsong"
  std::string label;       // the official name the form uses: "方正仿宋_GBK"
  FontPtr primary;         // never null once resolved
  bool official = false;   // primary is the official font, not a stand-in
  // Further fonts tried, in order, for characters the primary lacks.
  std::vector<FontPtr> fallbacks;
  // Whether the primary's punctuation may be used (false for fonts with
  // proportional quotes or centred stops); such punctuation then comes from
  // the first fallback whose punctuation is usable.
  bool punctuation_ok = true;
};

class FontSet {
 public:
  // Resolves every face of the map at `map_file`; extra_dirs are added to
  // fontconfig's search path (the repo's fonts/, the user's font dir).
  // Substitutions are reported as one warning per face. Throws EngineError
  // when a face has no usable font at all.
  static std::shared_ptr<const FontSet> load(const std::filesystem::path& map_file,
                                             const std::vector<std::filesystem::path>& extra_dirs,
                                             Diagnostics& diags);

  // nullptr for an id not in the map.
  const ResolvedFace* face(std::string_view id) const;
  const std::vector<ResolvedFace>& faces() const { return faces_; }

  // The font that draws `cp` for `face`: the primary if it has the glyph
  // (and, for punctuation, if its punctuation is usable), else the first
  // fallback that has it; nullptr when no installed font has it.
  const Font* font_for(const ResolvedFace& face, char32_t cp) const;

 private:
  std::vector<ResolvedFace> faces_;
};

}  // namespace banshi
