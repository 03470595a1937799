#include "image/size_check.h"

#include <string>

namespace banshi::image {

std::optional<Refusal> check_size(uint32_t width, uint32_t height, const ImageLimits& limits) {
  if (width == 0 || height == 0) return Refusal{"image.empty", {{"width", width}, {"height", height}}};
  if (width > limits.max_side || height > limits.max_side || uint64_t{width} * height > limits.max_pixels)
    return Refusal{
        "image.too-large",
        {{"width", width}, {"height", height}, {"side", limits.max_side}, {"mpx", limits.max_pixels / 1'000'000}}};
  return std::nullopt;
}

}  // namespace banshi::image
