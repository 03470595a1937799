// Reading inputs and writing outputs safely.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace banshi {

// Reads a whole file; throws EngineError naming the path on failure.
std::string read_file(const std::filesystem::path& path);

// Writes `data` to `path` atomically: an unnamed temporary file in the
// same directory (O_TMPFILE, so a killed process leaves nothing behind),
// flushed and fsync'ed, linked under a temporary name and renamed over the
// target. A failure at any point leaves an earlier file untouched. Falls
// back to a named temporary where O_TMPFILE is not supported. Throws
// EngineError on failure.
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

}  // namespace banshi
