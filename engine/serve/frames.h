// Messages between the HTTP process and the render host, on a Unix
// socket: each a length and its bytes. A frame longer than the reader
// allows ends the connection (the sender is this program, so that is a
// fault, not input).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace banshi::serve {

// Writes the whole frame, waiting as needed; false when the peer is gone.
bool write_frame(int fd, std::string_view payload);

// Reads one whole frame, waiting as needed; nullopt at end of file, on an
// error or for a frame over `max_bytes`.
std::optional<std::string> read_frame(int fd, size_t max_bytes);

// Frames read as they arrive, for a loop that waits on other things too.
class FrameReader {
 public:
  explicit FrameReader(size_t max_bytes) : max_bytes_(max_bytes) {}
  // Reads what `fd` has now (it must be readable); false at end of file or
  // on an error.
  bool fill(int fd);
  // The next complete frame, if one has arrived.
  std::optional<std::string> next();
  bool broken() const { return broken_; }

 private:
  size_t max_bytes_;
  std::string buffer_;
  bool broken_ = false;
};

}  // namespace banshi::serve
