// The size limits of an image, for PNG and JPEG alike.
#pragma once

#include <cstdint>
#include <optional>

#include "image/limits.h"
#include "image/refusal.h"

namespace banshi::image {

// "image.empty" for a side of 0, "image.too-large" past the limits.
std::optional<Refusal> check_size(uint32_t width, uint32_t height, const ImageLimits& limits);

}  // namespace banshi::image
