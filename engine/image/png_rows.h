// PNG decoding with libspng: every colour type and bit depth the PNG
// specification allows, interlaced or not, to rows of 8-bit samples that
// PDF can show directly — grey or RGB, with an 8-bit alpha row when the
// image has transparency (an alpha channel, or a tRNS colour key or
// palette alpha turned into one). 16-bit samples keep their high byte.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "image/limits.h"
#include "image/refusal.h"

namespace banshi::image {

struct PngShape {
  uint32_t width = 0, height = 0;
  bool grey = false;   // colour type 0 or 4: one sample a pixel
  bool alpha = false;  // rows come with an alpha row
};

// Called once per row, top to bottom: `colour` has width × (1 or 3) bytes,
// `alpha` width bytes or null when the image has no transparency.
using PngRowFn = std::function<void(const uint8_t* colour, const uint8_t* alpha)>;

// Decodes `png` (whose signature the caller has seen). `start` is told the
// shape before the first row. A non-interlaced image is decoded a row at a
// time; an interlaced one needs the whole image in memory (at most
// limits.max_pixels × 4 bytes). nullopt when every row was delivered.
std::optional<Refusal> decode_png(std::string_view png, const ImageLimits& limits,
                                  const std::function<void(const PngShape&)>& start, const PngRowFn& row);

}  // namespace banshi::image
