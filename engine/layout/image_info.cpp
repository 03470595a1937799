#include "layout/image_info.h"

#include <zlib.h>

#include <algorithm>
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

// The pixel data of a PNG decompresses to exactly the rows its header
// promises, each starting with a valid filter byte: libpng (inside
// libharu) aborts the process on anything less, so it is checked here.
bool png_pixels_intact(const std::vector<unsigned char>& b, std::string& why) {
  const uint32_t width = be32(&b[16]), height = be32(&b[20]);
  const unsigned depth = b[24], color = b[25], interlace = b[28];
  unsigned channels = 0;
  switch (color) {
    case 0: channels = 1; break;
    case 2: channels = 3; break;
    case 3: channels = 1; break;
    case 4: channels = 2; break;
    case 6: channels = 4; break;
    default: why = "a PNG of an unknown colour type"; return false;
  }
  if (depth != 1 && depth != 2 && depth != 4 && depth != 8 && depth != 16) {
    why = "a PNG of an unknown bit depth";
    return false;
  }
  const uint64_t bpp = uint64_t{channels} * depth;  // bits per pixel
  auto row_bytes = [&](uint64_t cols) { return (cols * bpp + 7) / 8; };
  // Expected rows (bytes each, plus the filter byte) per interlace pass.
  std::vector<std::pair<uint64_t, uint64_t>> passes;  // (rows, bytes per row)
  if (interlace == 0) {
    passes.push_back({height, row_bytes(width)});
  } else {
    static constexpr unsigned kX0[] = {0, 4, 0, 2, 0, 1, 0}, kDx[] = {8, 8, 4, 4, 2, 2, 1};
    static constexpr unsigned kY0[] = {0, 0, 4, 0, 2, 0, 1}, kDy[] = {8, 8, 8, 4, 4, 2, 2};
    for (int p = 0; p < 7; ++p) {
      const uint64_t cols = width > kX0[p] ? (width - kX0[p] + kDx[p] - 1) / kDx[p] : 0;
      const uint64_t rows = height > kY0[p] ? (height - kY0[p] + kDy[p] - 1) / kDy[p] : 0;
      if (cols && rows) passes.push_back({rows, row_bytes(cols)});
    }
  }
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return true;  // cannot check: let libharu try
  struct End {
    z_stream& z;
    ~End() { inflateEnd(&z); }
  } guard{z};
  std::vector<unsigned char> chunk(64 * 1024);
  size_t pass = 0;
  uint64_t row = 0, col = 0;  // position within the pass (col 0 = the filter byte)
  bool ended = false;
  for (size_t at = 8; at + 12 <= b.size() && !ended;) {
    const uint32_t len = be32(&b[at]);
    const bool idat = std::equal(b.begin() + static_cast<long>(at) + 4, b.begin() + static_cast<long>(at) + 8, "IDAT");
    if (idat) {
      z.next_in = const_cast<Bytef*>(&b[at + 8]);
      z.avail_in = len;
      while (z.avail_in > 0 && !ended) {
        z.next_out = chunk.data();
        z.avail_out = static_cast<uInt>(chunk.size());
        const int rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
          why = "a PNG whose image data is damaged";
          return false;
        }
        for (unsigned char* p = chunk.data(); p < z.next_out; ++p) {
          if (pass >= passes.size()) {
            why = "a PNG with more image data than its size";
            return false;
          }
          if (col == 0 && *p > 4) {
            why = "a PNG whose image data is damaged (bad row filter)";
            return false;
          }
          if (++col > passes[pass].second) {
            col = 0;
            if (++row == passes[pass].first) {
              row = 0;
              ++pass;
            }
          }
        }
        if (rc == Z_STREAM_END) ended = true;
      }
    }
    at += 12 + len;
  }
  if (pass < passes.size()) {
    why = "a PNG whose image data is cut short";
    return false;
  }
  return true;
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
    why = "an image file of " + std::to_string(size >> 20) + " MB (at most " + std::to_string(kMaxFileBytes >> 20) +
          " MB)";
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
  if (info.format == ImageInfo::Format::Png ? !png_intact(buf, why) || !png_pixels_intact(buf, why)
                                            : !jpeg_intact(buf, why))
    return std::nullopt;
  return info;
}

}  // namespace banshi
