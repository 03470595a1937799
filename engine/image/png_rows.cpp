#include "image/png_rows.h"

#include <spng.h>

#include <memory>
#include <string>
#include <vector>

#include "image/size_check.h"

namespace banshi::image {

namespace {

struct CtxFree {
  void operator()(spng_ctx* c) const { spng_ctx_free(c); }
};
using Ctx = std::unique_ptr<spng_ctx, CtxFree>;

uint32_t be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

// libspng's error in the applicant's terms.
Refusal refusal_for(int err) {
  switch (err) {
    case SPNG_EOF:
    case SPNG_IO_EOF:
    case SPNG_IO_ERROR:
    case SPNG_EIDAT_TOO_SHORT: return {"image.png-truncated", {}};
    case SPNG_ECHUNK_CRC: return {"image.png-checksum", {}};
    case SPNG_EIDAT_STREAM:
    case SPNG_EZLIB:
    case SPNG_EFILTER: return {"image.png-data", {}};
    case SPNG_ENOPLTE:
    case SPNG_ETRNS_NO_PLTE: return {"image.png-no-palette", {}};
    default: return Refusal{"image.png-invalid", {{"detail", spng_strerror(err)}}};
  }
}

// The decoder's output format for a PNG, and how to read a pixel of it.
struct Plan {
  int fmt = SPNG_FMT_RGB8;
  unsigned pixel_bytes = 3;  // in the decoder's output
};

Plan plan_for(const spng_ihdr& ihdr, bool trns) {
  switch (ihdr.color_type) {
    case SPNG_COLOR_TYPE_GRAYSCALE:
      if (ihdr.bit_depth == 16) return {SPNG_FMT_GA16, 4};
      return trns ? Plan{SPNG_FMT_GA8, 2} : Plan{SPNG_FMT_G8, 1};
    case SPNG_COLOR_TYPE_GRAYSCALE_ALPHA:  // libspng has no GA8 for these: via RGBA8
    case SPNG_COLOR_TYPE_TRUECOLOR_ALPHA: return {SPNG_FMT_RGBA8, 4};
    default: return trns ? Plan{SPNG_FMT_RGBA8, 4} : Plan{SPNG_FMT_RGB8, 3};
  }
}

// One decoded row in the decoder's format → grey/RGB and alpha rows.
class RowSplitter {
 public:
  RowSplitter(const PngShape& shape, const Plan& plan)
      : shape_(shape), plan_(plan), colour_(size_t{shape.width} * (shape.grey ? 1 : 3)), alpha_(shape.width) {}

  void split(const unsigned char* in, const PngRowFn& row) {
    const uint32_t w = shape_.width;
    uint8_t* c = colour_.data();
    uint8_t* a = alpha_.data();
    switch (plan_.fmt) {
      case SPNG_FMT_G8: row(in, nullptr); return;
      case SPNG_FMT_RGB8: row(in, nullptr); return;
      case SPNG_FMT_GA8:
        for (uint32_t x = 0; x < w; ++x) c[x] = in[2 * x], a[x] = in[2 * x + 1];
        break;
      case SPNG_FMT_GA16: {
        // Host-endian 16-bit pairs; the high byte of each, as libspng
        // itself scales 16-bit samples to 8.
        const auto* s = reinterpret_cast<const uint16_t*>(in);
        for (uint32_t x = 0; x < w; ++x)
          c[x] = static_cast<uint8_t>(s[2 * x] >> 8), a[x] = static_cast<uint8_t>(s[2 * x + 1] >> 8);
        break;
      }
      default:  // RGBA8
        if (shape_.grey) {
          for (uint32_t x = 0; x < w; ++x) c[x] = in[4 * x], a[x] = in[4 * x + 3];
        } else {
          for (uint32_t x = 0; x < w; ++x) {
            c[3 * x] = in[4 * x], c[3 * x + 1] = in[4 * x + 1], c[3 * x + 2] = in[4 * x + 2];
            a[x] = in[4 * x + 3];
          }
        }
    }
    row(c, shape_.alpha ? a : nullptr);
  }

 private:
  PngShape shape_;
  Plan plan_;
  std::vector<uint8_t> colour_, alpha_;
};

}  // namespace

std::optional<Refusal> decode_png(std::string_view png, const ImageLimits& limits,
                                  const std::function<void(const PngShape&)>& start, const PngRowFn& row) {
  // The size from IHDR first, so that an empty or oversized image is named
  // as such (libspng only says "invalid width").
  if (png.size() < 33 || png.substr(12, 4) != "IHDR") return refusal_for(SPNG_ENOIHDR);
  const auto* p = reinterpret_cast<const unsigned char*>(png.data());
  if (auto r = check_size(be32(p + 16), be32(p + 20), limits)) return r;

  Ctx ctx(spng_ctx_new(0));
  if (!ctx) return refusal_for(SPNG_EMEM);
  spng_set_image_limits(ctx.get(), limits.max_side, limits.max_side);
  // Text and other ancillary chunks are held in memory, and compressed
  // text inflated: 8 MB of them is plenty and bounds a zTXt bomb.
  spng_set_chunk_limits(ctx.get(), limits.max_bytes, 8u << 20);
  // A damaged ancillary chunk is dropped (as libpng does); a damaged
  // critical one refuses the image.
  spng_set_crc_action(ctx.get(), SPNG_CRC_ERROR, SPNG_CRC_DISCARD);
  if (int e = spng_set_png_buffer(ctx.get(), png.data(), png.size())) return refusal_for(e);

  spng_ihdr ihdr{};
  if (int e = spng_get_ihdr(ctx.get(), &ihdr)) return refusal_for(e);
  // tRNS comes before the image data; asking for it reads that far.
  spng_trns trns{};
  const int trns_rc = spng_get_trns(ctx.get(), &trns);
  if (trns_rc != 0 && trns_rc != SPNG_ECHUNKAVAIL) return refusal_for(trns_rc);
  const bool has_trns = trns_rc == 0;
  // A palette image must have its palette; asking reads up to the data.
  if (ihdr.color_type == SPNG_COLOR_TYPE_INDEXED) {
    spng_plte plte{};
    if (int e = spng_get_plte(ctx.get(), &plte)) return refusal_for(e == SPNG_ECHUNKAVAIL ? SPNG_ENOPLTE : e);
  }

  PngShape shape;
  shape.width = ihdr.width;
  shape.height = ihdr.height;
  shape.grey = ihdr.color_type == SPNG_COLOR_TYPE_GRAYSCALE || ihdr.color_type == SPNG_COLOR_TYPE_GRAYSCALE_ALPHA;
  shape.alpha = has_trns || ihdr.color_type == SPNG_COLOR_TYPE_GRAYSCALE_ALPHA ||
                ihdr.color_type == SPNG_COLOR_TYPE_TRUECOLOR_ALPHA;
  const Plan plan = plan_for(ihdr, has_trns);
  const int flags = SPNG_DECODE_TRNS;
  size_t image_bytes = 0;
  if (int e = spng_decoded_image_size(ctx.get(), plan.fmt, &image_bytes)) return refusal_for(e);
  const size_t row_bytes = size_t{ihdr.width} * plan.pixel_bytes;
  if (row_bytes == 0 || image_bytes / ihdr.height != row_bytes) return refusal_for(SPNG_EINTERNAL);

  start(shape);
  RowSplitter splitter(shape, plan);
  if (ihdr.interlace_method != SPNG_INTERLACE_NONE) {
    // Each pass fills every row a little: the whole image is needed.
    std::vector<unsigned char> image(image_bytes);
    if (int e = spng_decode_image(ctx.get(), image.data(), image.size(), plan.fmt, flags)) return refusal_for(e);
    for (uint32_t y = 0; y < ihdr.height; ++y) splitter.split(image.data() + y * row_bytes, row);
    return std::nullopt;
  }
  if (int e = spng_decode_image(ctx.get(), nullptr, 0, plan.fmt, flags | SPNG_DECODE_PROGRESSIVE))
    return refusal_for(e);
  // 16-bit formats want aligned rows.
  std::vector<uint16_t> buf((row_bytes + 1) / 2);
  auto* out = reinterpret_cast<unsigned char*>(buf.data());
  for (uint32_t y = 0; y < ihdr.height; ++y) {
    const int e = spng_decode_row(ctx.get(), out, row_bytes);
    if (e != 0 && e != SPNG_EOI) return refusal_for(e);
    splitter.split(out, row);
    if (e == SPNG_EOI && y + 1 < ihdr.height) return refusal_for(SPNG_EIDAT_TOO_SHORT);
  }
  return std::nullopt;
}

}  // namespace banshi::image
