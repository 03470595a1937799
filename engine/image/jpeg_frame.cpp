#include "image/jpeg_frame.h"

#include <optional>
#include <string>

#include "image/size_check.h"

namespace banshi::image {

namespace {

unsigned be16(const unsigned char* p) { return (unsigned{p[0]} << 8) | p[1]; }

// Markers without a length: SOI, EOI, RST0–7, TEM.
bool standalone(unsigned char m) { return m == 0xD8 || m == 0xD9 || (m >= 0xD0 && m <= 0xD7) || m == 0x01; }

// SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC).
bool frame_header(unsigned char m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }

// Why a frame of this coding process cannot go into a PDF, if it cannot.
// ISO 10918-1 table B.1: C0 baseline, C1 extended sequential, C2
// progressive (all Huffman); C3 lossless; C5–C7 differential
// (hierarchical); C9–CB and CD–CF the same with arithmetic coding.
std::optional<Refusal> unsupported_process(unsigned char m) {
  if (m == 0xC3 || m == 0xC7 || m == 0xCB || m == 0xCF) return Refusal{"image.jpeg-lossless", {}};
  if (m >= 0xC9) return Refusal{"image.jpeg-arithmetic", {}};
  if (m >= 0xC5) return Refusal{"image.jpeg-hierarchical", {}};
  return std::nullopt;
}

}  // namespace

std::variant<JpegFrame, Refusal> read_jpeg_frame(std::string_view jpeg, const ImageLimits& limits) {
  const auto* b = reinterpret_cast<const unsigned char*>(jpeg.data());
  const size_t n = jpeg.size();
  if (n < 4 || b[0] != 0xFF || b[1] != 0xD8) return Refusal{"image.unknown-format", {}};
  JpegFrame frame;
  bool have_frame = false;
  size_t at = 2;
  for (;;) {
    // Bytes between markers are not allowed, but decoders skip them.
    while (at < n && b[at] != 0xFF) ++at;
    while (at < n && b[at] == 0xFF) ++at;  // fill bytes
    if (at >= n) return Refusal{"image.jpeg-damaged", {}};
    const unsigned char m = b[at++];
    if (standalone(m)) {
      if (m == 0xD9 && have_frame) return Refusal{"image.jpeg-damaged", {}};
      if (m == 0xD9) return Refusal{"image.jpeg-no-frame", {}};
      continue;
    }
    if (at + 2 > n) return Refusal{"image.jpeg-damaged", {}};
    const size_t len = be16(b + at);
    if (len < 2 || at + len > n) return Refusal{"image.jpeg-damaged", {}};
    const unsigned char* seg = b + at + 2;  // the segment after its length
    const size_t seg_len = len - 2;
    if (m == 0xDE) return Refusal{"image.jpeg-hierarchical", {}};  // DHP: a hierarchical image
    if (frame_header(m) && !have_frame) {
      if (auto r = unsupported_process(m)) return *r;
      if (seg_len < 6) return Refusal{"image.jpeg-damaged", {}};
      if (seg[0] != 8) return Refusal{"image.jpeg-precision", {{"bits", int{seg[0]}}}};
      frame.height = be16(seg + 1);
      frame.width = be16(seg + 3);
      frame.components = seg[5];
      if (seg_len < 6 + 3 * size_t{frame.components}) return Refusal{"image.jpeg-damaged", {}};
      have_frame = true;
    } else if (m == 0xEE && seg_len >= 12 && std::string_view(reinterpret_cast<const char*>(seg), 5) == "Adobe") {
      frame.adobe = true;
    } else if (m == 0xDA) {  // start of scan: the image data follows
      if (!have_frame) return Refusal{"image.jpeg-no-frame", {}};
      break;
    }
    at += len;
  }
  // A height of 0 means "given later by a DNL marker", which PDF readers
  // do not take; it is refused as empty.
  if (auto r = check_size(frame.width, frame.height, limits)) return *r;
  if (frame.components != 1 && frame.components != 3 && frame.components != 4)
    return Refusal{"image.jpeg-components", {{"n", frame.components}}};
  // Inside the entropy-coded data a 0xFF byte is followed by 0x00 or a
  // restart marker, so the first FF D9 after the scan header ends the image.
  if (jpeg.find("\xFF\xD9", at) == std::string_view::npos) return Refusal{"image.jpeg-truncated", {}};
  return frame;
}

}  // namespace banshi::image
