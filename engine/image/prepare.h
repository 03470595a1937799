// One image's bytes → a PreparedImage for the PDF writer, or a Refusal.
// PNG is decoded (libspng), validated and converted to what PDF shows
// directly — 8-bit grey or RGB, alpha as a soft mask — and compressed a
// row at a time as it is decoded, so its pixels are never held whole
// (interlaced PNGs aside). JPEG is validated from its markers and kept as
// it is. Deterministic: the same bytes and options give the same image.
#pragma once

#include <memory>
#include <string>
#include <variant>

#include "image/limits.h"
#include "image/prepared.h"
#include "image/refusal.h"

namespace banshi::image {

struct PrepareOptions {
  // false: decode and validate only, keeping no samples (`check` finds
  // everything `render` would refuse without compressing anything).
  bool encode = true;
  // Composite alpha onto white instead of writing a soft mask (PDF/A-1
  // allows no transparency).
  bool flatten_alpha = false;
  ImageLimits limits;
};

std::variant<PreparedImage, Refusal> prepare_image(std::shared_ptr<const std::string> bytes,
                                                   const PrepareOptions& options);

}  // namespace banshi::image
