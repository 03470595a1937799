// An image as the PDF writer takes it: decoded, validated and compressed
// by the image room, so the writer parses no image file itself and every
// limit is checked in one place.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace banshi::image {

struct PreparedImage {
  uint32_t width = 0, height = 0;  // pixels
  enum class Colour { Gray, Rgb, Cmyk } colour = Colour::Rgb;
  // Flate: 8 bits a sample, each row led by its PNG filter byte and the
  //   rows deflated as one zlib stream (/FlateDecode with /DecodeParms
  //   /Predictor 15 /Colors n /BitsPerComponent 8 /Columns width).
  // Dct: a validated baseline or progressive 8-bit JPEG, as it was.
  enum class Encoding { Flate, Dct } encoding = Encoding::Flate;
  // The samples; null when the image was prepared only to be checked.
  std::shared_ptr<const std::string> data;
  // The soft mask: 8-bit grey alpha, Flate-encoded like `data`; null when
  // the image is opaque (or its alpha was flattened onto white).
  std::shared_ptr<const std::string> alpha;
  // An Adobe CMYK JPEG stores its inks inverted: /Decode [1 0 1 0 1 0 1 0].
  bool inverted = false;
  // Where it came from (a file's path, a package part's name), for messages.
  std::string name;

  unsigned colours() const { return colour == Colour::Gray ? 1 : colour == Colour::Rgb ? 3 : 4; }
};

}  // namespace banshi::image
