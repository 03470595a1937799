// The size of a PNG or JPEG, read from its header, so layout can scale a
// figure before the PDF stage embeds it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace banshi {

struct ImageInfo {
  enum class Format { Png, Jpeg } format = Format::Png;
  unsigned width = 0, height = 0;  // pixels
};

// nullopt with `why` set when the file is missing, unreadable, not a PNG or
// JPEG, or has an implausible size.
std::optional<ImageInfo> read_image_info(const std::filesystem::path& path, std::string& why);

}  // namespace banshi
