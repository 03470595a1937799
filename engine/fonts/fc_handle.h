// Owning handles for the fontconfig objects the font loader creates, so
// that every exit path (including an EngineError thrown halfway through a
// lookup) releases them. Objects that fontconfig lends out (the font sets
// of a config, strings inside a pattern) are never wrapped.
#pragma once

#include <fontconfig/fontconfig.h>

#include <memory>

namespace banshi::fc {

struct ConfigDeleter {
  void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct FontSetDeleter {
  void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};
struct ObjectSetDeleter {
  void operator()(FcObjectSet* o) const { FcObjectSetDestroy(o); }
};

using Config = std::unique_ptr<FcConfig, ConfigDeleter>;
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;
using FontSet = std::unique_ptr<FcFontSet, FontSetDeleter>;
using ObjectSet = std::unique_ptr<FcObjectSet, ObjectSetDeleter>;

}  // namespace banshi::fc
