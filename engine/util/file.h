// Reading inputs and writing outputs safely.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace banshi {

// Reads a whole file; throws EngineError naming the path on failure.
std::string read_file(const std::filesystem::path& path);

// Reads `fd` to its end, or to `limit` bytes: nullopt when there is more
// than `limit`, having read no more than limit + 1 bytes (a flood on a pipe
// costs neither memory nor time). Throws EngineError naming `name`.
std::optional<std::string> read_at_most(int fd, size_t limit, const std::string& name);

// Writes all of `data` to `fd`, retrying short writes and EINTR. Throws
// EngineError "cannot write NAME: reason".
void write_all(int fd, std::string_view data, const std::string& name);

// Writes `data` to `path` atomically: an unnamed temporary file in the
// same directory (O_TMPFILE, so a killed process leaves nothing behind),
// flushed and fsync'ed, linked under a temporary name and renamed over the
// target. A failure at any point leaves an earlier file untouched. Falls
// back to a named temporary where O_TMPFILE is not supported. Throws
// EngineError on failure.
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

}  // namespace banshi
