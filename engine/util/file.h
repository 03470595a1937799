// Reading inputs and writing outputs safely.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace banshi {

// Reads a whole file; throws EngineError naming the path on failure.
std::string read_file(const std::filesystem::path& path);

// Writes `data` to `path` atomically: a temporary file in the same
// directory, flushed and fsync'ed, then renamed over the target. A failure
// at any point removes the temporary and leaves an earlier file untouched.
// Throws EngineError on failure.
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

}  // namespace banshi
