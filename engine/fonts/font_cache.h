// What loading the fonts found, kept between runs: starting fontconfig,
// asking it for each family of the map and reading each face with FreeType
// cost more than a short report takes to lay out, and the answers change
// only when the fonts do.
//
// The cache holds, for one font map and one list of font directories, the
// face each candidate of the map resolved to (or why none), and each
// opened face's FreeType facts and punctuation measurements. It is used
// only while every file and directory it depended on is as it was — the
// binary, the map, families.xml, fontconfig's configuration files and font
// directories (a font added or removed changes its directory), and every
// font file it names, compared by device, inode, size and modification
// time. Anything else (absent, unreadable, corrupt, stale, another
// version's) is ignored and the fonts are resolved afresh.
//
// It lives in a file per map and directory list under font_cache_dir(),
// written atomically; when there is no writable place the fonts are
// resolved on every start, as before, with the same result.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fonts/font.h"
#include "fonts/font_finder.h"
#include "fonts/font_map.h"
#include "fonts/punctuation.h"

namespace banshi {

// A file or directory as it is now: whether it exists, and its identity.
struct FileStamp {
  std::string path;
  bool exists = false;
  uint64_t dev = 0, ino = 0, size = 0;
  int64_t mtime_ns = 0;

  static FileStamp of(const std::string& path);
  bool operator==(const FileStamp&) const = default;
};

// One opened face as a later run needs it without opening it with FreeType.
struct CachedFace {
  std::string canonical;  // the file's canonical path, as FaceResolver keys it
  FaceFacts facts;
  std::u32string misplaced;                  // misplaced_marks()
  std::optional<PunctuationCheck> measured;  // check_gb_punctuation(), when a candidate asked for it
};

struct FontCacheData {
  // What the answers depend on; all must still match for them to be used.
  std::vector<FileStamp> stamps;
  // FontFinder::find's answer per candidate (candidate_key()).
  std::map<std::string, FindResult> finds;
  // Per face as found (FoundFace::file, index).
  std::map<std::pair<std::string, unsigned>, CachedFace> faces;
};

// What of a candidate FontFinder::find looks at: family, style, file, index.
std::string candidate_key(const FontCandidate& c);

// The directory the cache goes in: $BANSHI_CACHE_DIR (set but empty: no
// cache), else $CACHE_DIRECTORY (a systemd service's CacheDirectory=),
// else $XDG_CACHE_HOME/banshi, else ~/.cache/banshi; nullopt for none.
std::optional<std::filesystem::path> font_cache_dir();

class FontCache {
 public:
  // The cache for `map_file` resolved with font directories `dirs`, in
  // `dir` (nullopt: no cache: read finds nothing, write does nothing).
  FontCache(std::optional<std::filesystem::path> dir, const std::filesystem::path& map_file,
            const std::vector<std::filesystem::path>& dirs);

  // The cached answers when the file exists, reads whole and is current.
  std::optional<FontCacheData> read() const;
  // Replaces the file atomically; false (and nothing written) when it
  // cannot be, for whatever reason.
  bool write(const FontCacheData& data) const;

  // Where the file is (empty without a directory).
  const std::filesystem::path& file() const { return file_; }

 private:
  std::string key_;  // the map, the directories, fontconfig's environment, the version
  std::filesystem::path file_;
};

}  // namespace banshi
