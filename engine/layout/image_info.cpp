#include "layout/image_info.h"

#include <fstream>
#include <vector>

namespace banshi {

namespace {

unsigned be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
unsigned be32(const unsigned char* p) {
  return (static_cast<unsigned>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}

// Pixel counts beyond this are refused: a hostile or broken header.
constexpr unsigned kMaxSide = 30000;

}  // namespace

std::optional<ImageInfo> read_image_info(const std::filesystem::path& path, std::string& why) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = "cannot open the image file";
    return std::nullopt;
  }
  // Headers are at the start; JPEG frame headers may follow large EXIF or
  // ICC segments, so read up to 1 MB.
  std::vector<unsigned char> buf(1 << 20);
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
  if (info.width == 0 || info.height == 0 || info.width > kMaxSide || info.height > kMaxSide) {
    why = "an image of " + std::to_string(info.width) + " × " + std::to_string(info.height) +
          " pixels (at most " + std::to_string(kMaxSide) + " on a side)";
    return std::nullopt;
  }
  return info;
}

}  // namespace banshi
