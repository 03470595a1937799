#include "image/prepare.h"

#include <optional>
#include <string_view>

#include "image/flate_rows.h"
#include "image/jpeg_frame.h"
#include "image/png_rows.h"

namespace banshi::image {

namespace {

constexpr std::string_view kPngSignature{"\x89PNG\r\n\x1A\n", 8};

// Rows of a decoded PNG → compressed colour and alpha, flattened onto
// white when asked.
class PngEncoder {
 public:
  explicit PngEncoder(const PrepareOptions& options) : options_(options) {}

  void start(const PngShape& shape) {
    shape_ = shape;
    if (!options_.encode) return;
    const unsigned n = shape.grey ? 1 : 3;
    colour_.emplace(size_t{shape.width} * n, n);
    if (shape.alpha && !options_.flatten_alpha) alpha_.emplace(shape.width, 1);
    if (shape.alpha && options_.flatten_alpha) flat_.resize(size_t{shape.width} * n);
  }

  void row(const uint8_t* colour, const uint8_t* alpha) {
    if (!options_.encode) return;
    if (alpha) {
      for (uint32_t x = 0; x < shape_.width; ++x) translucent_ = translucent_ || alpha[x] != 255;
      if (options_.flatten_alpha) {
        const unsigned n = shape_.grey ? 1 : 3;
        for (size_t i = 0; i < flat_.size(); ++i) {
          const unsigned a = alpha[i / n];
          flat_[i] = static_cast<uint8_t>((colour[i] * a + 255 * (255 - a) + 127) / 255);
        }
        colour = flat_.data();
      } else {
        alpha_->add(alpha);
      }
    }
    colour_->add(colour);
  }

  PreparedImage finish() {
    PreparedImage im;
    im.width = shape_.width;
    im.height = shape_.height;
    im.colour = shape_.grey ? PreparedImage::Colour::Gray : PreparedImage::Colour::Rgb;
    im.encoding = PreparedImage::Encoding::Flate;
    if (!options_.encode) return im;
    im.data = std::make_shared<const std::string>(colour_->finish());
    // An alpha channel that is opaque everywhere needs no mask.
    if (alpha_ && translucent_) im.alpha = std::make_shared<const std::string>(alpha_->finish());
    return im;
  }

 private:
  const PrepareOptions& options_;
  PngShape shape_;
  std::optional<FlateRows> colour_, alpha_;
  std::vector<uint8_t> flat_;
  bool translucent_ = false;
};

std::variant<PreparedImage, Refusal> prepare_png(std::string_view png, const PrepareOptions& options) {
  PngEncoder encoder(options);
  if (auto r = decode_png(
          png, options.limits, [&](const PngShape& s) { encoder.start(s); },
          [&](const uint8_t* c, const uint8_t* a) { encoder.row(c, a); }))
    return *r;
  return encoder.finish();
}

std::variant<PreparedImage, Refusal> prepare_jpeg(std::shared_ptr<const std::string> jpeg,
                                                  const PrepareOptions& options) {
  auto frame = read_jpeg_frame(*jpeg, options.limits);
  if (auto* r = std::get_if<Refusal>(&frame)) return *r;
  const JpegFrame& f = std::get<JpegFrame>(frame);
  PreparedImage im;
  im.width = f.width;
  im.height = f.height;
  im.colour = f.components == 1   ? PreparedImage::Colour::Gray
              : f.components == 3 ? PreparedImage::Colour::Rgb
                                  : PreparedImage::Colour::Cmyk;
  im.encoding = PreparedImage::Encoding::Dct;
  im.inverted = f.components == 4 && f.adobe;
  if (options.encode) im.data = std::move(jpeg);
  return im;
}

}  // namespace

std::variant<PreparedImage, Refusal> prepare_image(std::shared_ptr<const std::string> bytes,
                                                   const PrepareOptions& options) {
  if (!bytes) return Refusal{"image.unknown-format", {}};
  if (bytes->size() > options.limits.max_bytes)
    return Refusal{
        "image.file-too-large",
        {{"mb", std::to_string(bytes->size() >> 20)}, {"limit", std::to_string(options.limits.max_bytes >> 20)}}};
  const std::string_view b = *bytes;
  if (b.starts_with(kPngSignature)) return prepare_png(b, options);
  if (b.size() >= 3 && b.starts_with("\xFF\xD8\xFF")) return prepare_jpeg(std::move(bytes), options);
  return Refusal{"image.unknown-format", {}};
}

}  // namespace banshi::image
