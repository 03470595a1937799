// The server's private directory for its jobs' files ($TMPDIR/banshi-serve-
// PID-XXXXXX, mode 0700): made by the HTTP process, which outlives any
// render host, so a host that is killed leaves nothing behind for long.
// Each job gets a directory in it, removed after the job however it ended;
// the whole directory goes when the server stops, and one left by a server
// that was killed is removed when the next server starts.
#pragma once

#include <filesystem>

namespace banshi::serve {

class ScratchRoot {
 public:
  // Throws EngineError when no directory can be made.
  ScratchRoot();
  ~ScratchRoot();
  ScratchRoot(const ScratchRoot&) = delete;
  ScratchRoot& operator=(const ScratchRoot&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Empties `root` of what an earlier host left (a host starting again).
void clear_scratch(const std::filesystem::path& root);

}  // namespace banshi::serve
