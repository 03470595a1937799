// The documented image limits (README): one place, applied to the bytes of
// every figure whatever its origin, before and while it is decoded.
#pragma once

#include <cstddef>
#include <cstdint>

namespace banshi::image {

struct ImageLimits {
  size_t max_bytes = 50u << 20;      // the file (or part, or upload)
  uint32_t max_side = 30'000;        // pixels, width or height
  uint64_t max_pixels = 40'000'000;  // width × height: 160 MB decoded as RGBA
};

}  // namespace banshi::image
