#include "layout/image_info.h"

#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <vector>

namespace banshi {

namespace {

unsigned be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
unsigned be32(const unsigned char* p) {
  return (static_cast<unsigned>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}

// Sizes beyond these are refused: a hostile or broken header, or an image
// that would take gigabytes to decode.
constexpr unsigned kMaxSide = 30000;
constexpr uint64_t kMaxPixels = 40'000'000;
constexpr uintmax_t kMaxFileBytes = 50u << 20;

}  // namespace

namespace {

// A PNG whose chunks are all there and intact (lengths, CRCs, IHDR first,
// image data, IEND): a truncated or damaged file is refused here, with the
// figure's position, rather than failing inside the PDF writer.
bool png_intact(const std::vector<unsigned char>& b, std::string& why) {
  size_t at = 8;
  bool first = true, data = false;
  while (at + 12 <= b.size()) {
    const uint32_t len = be32(&b[at]);
    if (len > b.size() - at - 12) break;
    const std::string type(b.begin() + static_cast<long>(at) + 4, b.begin() + static_cast<long>(at) + 8);
    const uint32_t crc = be32(&b[at + 8 + len]);
    if (crc32(crc32(0, nullptr, 0), &b[at + 4], len + 4) != crc) {
      why = "a damaged PNG (the " + type + " chunk fails its checksum)";
      return false;
    }
    if (first && type != "IHDR") break;
    first = false;
    if (type == "IDAT") data = true;
    if (type == "IEND") {
      if (!data) break;
      return true;
    }
    at += 12 + len;
  }
  why = "a truncated or damaged PNG";
  return false;
}

bool jpeg_intact(const std::vector<unsigned char>& b, std::string& why) {
  // The scan ends with EOI; a file cut short lacks it.
  for (size_t k = b.size(); k-- > 2 && k + 16 > b.size();)
    if (b[k - 1] == 0xFF && b[k] == 0xD9) return true;
  why = "a truncated JPEG (no end-of-image marker)";
  return false;
}

}  // namespace

std::optional<ImageInfo> read_image_info(const std::filesystem::path& path, std::string& why) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    why = "cannot open the image file";
    return std::nullopt;
  }
  if (size > kMaxFileBytes) {
    why = "an image file of " + std::to_string(size >> 20) + " MB (at most " + std::to_string(kMaxFileBytes >> 20) + " MB)";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = "cannot open the image file";
    return std::nullopt;
  }
  std::vector<unsigned char> buf(static_cast<size_t>(size));
  in.read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(buf.size()));
  buf.resize(static_cast<size_t>(in.gcount()));
  ImageInfo info;
  static constexpr unsigned char kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (buf.size() >= 24 && std::equal(std::begin(kPng), std::end(kPng), buf.begin())) {
    if (std::string(buf.begin() + 12, buf.begin() + 16) != "IHDR") {
      why = "a PNG without its IHDR header";
      return std::nullopt;
    }
    info.format = ImageInfo::Format::Png;
    info.width = be32(&buf[16]);
    info.height = be32(&buf[20]);
  } else if (buf.size() >= 4 && buf[0] == 0xFF && buf[1] == 0xD8) {
    info.format = ImageInfo::Format::Jpeg;
    size_t i = 2;
    bool found = false;
    while (i + 9 < buf.size()) {
      if (buf[i] != 0xFF) {
        ++i;
        continue;
      }
      const unsigned char marker = buf[i + 1];
      if (marker == 0xFF) {
        ++i;
        continue;
      }
      const unsigned len = be16(&buf[i + 2]);
      const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        info.height = be16(&buf[i + 5]);
        info.width = be16(&buf[i + 7]);
        found = true;
        break;
      }
      if (marker == 0xD9 || marker == 0xDA) break;  // end of image / start of scan
      i += 2 + len;
    }
    if (!found) {
      why = "a JPEG without a frame header";
      return std::nullopt;
    }
  } else {
    why = "not a PNG or JPEG image";
    return std::nullopt;
  }
  if (info.width == 0 || info.height == 0 || info.width > kMaxSide || info.height > kMaxSide ||
      uint64_t{info.width} * info.height > kMaxPixels) {
    why = "an image of " + std::to_string(info.width) + " × " + std::to_string(info.height) +
          " pixels, too large to print (at most " + std::to_string(kMaxSide) + " pixels a side and " +
          std::to_string(kMaxPixels / 1'000'000) + " million in all)";
    return std::nullopt;
  }
  if (info.format == ImageInfo::Format::Png ? !png_intact(buf, why) : !jpeg_intact(buf, why)) return std::nullopt;
  return info;
}

}  // namespace banshi
