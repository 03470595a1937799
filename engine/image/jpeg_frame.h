// JPEG is passed to the PDF as it is (/DCTDecode), so what PDF readers
// cannot decode must be refused here: the frame header (SOFn) says how the
// image is coded. Baseline, extended-sequential and progressive Huffman
// coding at 8-bit precision pass; 12-bit precision, lossless, arithmetic
// coding and hierarchical JPEG are refused with the reason.
#pragma once

#include <cstdint>
#include <string_view>
#include <variant>

#include "image/limits.h"
#include "image/refusal.h"

namespace banshi::image {

struct JpegFrame {
  uint32_t width = 0, height = 0;
  unsigned components = 0;  // 1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK
  bool adobe = false;       // an Adobe APP14 marker: CMYK stored inverted
};

// Reads the markers from SOI to the first scan, and checks the image ends
// with EOI (a file cut short lacks it).
std::variant<JpegFrame, Refusal> read_jpeg_frame(std::string_view jpeg, const ImageLimits& limits);

}  // namespace banshi::image
