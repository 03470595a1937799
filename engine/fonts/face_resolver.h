// Turns the font map's candidates into opened fonts: the middle step of
// FontSet::load, between parsing the map and handing out the FontSet.
// Lives only while a FontSet is loaded.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fonts/font_cache.h"
#include "fonts/font_finder.h"
#include "fonts/font_map.h"
#include "fonts/font_set.h"
#include "util/diag.h"

namespace banshi {

class FaceResolver {
 public:
  // With `cached`, answers are taken from it where it has them; every
  // answer used, cached or not, is recorded for used().
  FaceResolver(const FontMap& map, const FontFinder& finder, const FontCacheData* cached = nullptr);

  // Resolves one face: official fonts, stand-ins, the face's fallbacks and
  // the map's last resorts, in that order. Warns once into `diags` when the
  // primary is a stand-in; throws EngineError when the face has no font.
  ResolvedFace resolve(const FaceSpec& spec, Diagnostics& diags);

  // What the faces resolved so far used (without stamps), for the cache.
  const FontCacheData& used() const { return used_; }
  // Whether anything was not in the cache.
  bool missed() const { return missed_; }

 private:
  enum class Outcome { Found, Missing, Unusable };
  struct Opened {
    FontPtr font;
    std::shared_ptr<const LazyCoverage> coverage;  // all of the font's cmap, on first use
    std::u32string misplaced;                      // misplaced_marks(): measured once per font
    std::pair<std::string, unsigned> found;        // the file as found and the index: the cache's key
  };

  // One candidate to one chain link; nullopt with the reason when it is not
  // installed (Missing) or is installed but may not or cannot be used.
  std::optional<FaceFont> link_for(const FontCandidate& c, bool official, Outcome& outcome,
                                   std::optional<Message>& why_not);
  FindResult find(const FontCandidate& c);
  const Opened& open(const FoundFace& found);
  PunctuationCheck measure(const Opened& o);
  const std::vector<FaceFont>& last_resort();

  const FontMap& map_;
  const FontFinder& finder_;
  // Each file+face opened once per FontSet, and shared by every chain.
  std::map<std::pair<std::string, unsigned>, Opened> opened_;
  std::optional<std::vector<FaceFont>> last_resort_;
  const FontCacheData* cached_;
  FontCacheData used_;
  bool missed_ = false;
};

}  // namespace banshi
