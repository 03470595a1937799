#include "pdf/images.h"

#include "util/diag.h"

namespace banshi::pdf {

namespace {

using image::PreparedImage;

const char* colour_space(PreparedImage::Colour c) {
  switch (c) {
    case PreparedImage::Colour::Gray: return "DeviceGray";
    case PreparedImage::Colour::Rgb: return "DeviceRGB";
    case PreparedImage::Colour::Cmyk: return "DeviceCMYK";
  }
  return "DeviceRGB";
}

// An image XObject of 8-bit samples, `data` as the image stage encoded it.
HPDF_Dict image_xobject(HaruDoc& doc, const std::string& data, PreparedImage::Encoding encoding, uint32_t width,
                        uint32_t height, PreparedImage::Colour colour, unsigned colours) {
  const bool dct = encoding == PreparedImage::Encoding::Dct;
  HPDF_Dict x = doc.new_borrowed_stream(data, dct ? HaruDoc::Filter::Dct : HaruDoc::Filter::Flate);
  doc.add_name(x, "Type", "XObject");
  doc.add_name(x, "Subtype", "Image");
  doc.add_int(x, "Width", width);
  doc.add_int(x, "Height", height);
  doc.add_name(x, "ColorSpace", colour_space(colour));
  doc.add_int(x, "BitsPerComponent", 8);
  if (!dct) {
    // Each row led by its PNG filter byte (image/flate_rows.h).
    HPDF_Dict parms = doc.new_dict();
    doc.add(x, "DecodeParms", parms);
    doc.add_int(parms, "Predictor", 15);
    doc.add_int(parms, "Colors", colours);
    doc.add_int(parms, "BitsPerComponent", 8);
    doc.add_int(parms, "Columns", width);
  }
  return x;
}

HPDF_Dict write_image(HaruDoc& doc, const PreparedImage& im) {
  if (!im.data) throw EngineError("pdf.image-without-samples");
  HPDF_Dict x = image_xobject(doc, *im.data, im.encoding, im.width, im.height, im.colour, im.colours());
  if (im.inverted) {
    HPDF_Array decode = doc.new_array();
    doc.add(x, "Decode", decode);
    for (unsigned i = 0; i < im.colours(); ++i) {
      doc.push_int(decode, 1);
      doc.push_int(decode, 0);
    }
  }
  if (im.alpha) {
    HPDF_Dict mask = image_xobject(doc, *im.alpha, PreparedImage::Encoding::Flate, im.width, im.height,
                                   PreparedImage::Colour::Gray, 1);
    doc.add(x, "SMask", mask);
    // Soft masks are PDF 1.4.
    if (doc.get()->pdf_version < HPDF_VER_14) doc.get()->pdf_version = HPDF_VER_14;
  }
  return x;
}

}  // namespace

std::unordered_map<const PreparedImage*, HPDF_Dict> write_images(HaruDoc& doc, const PageSequence& pages) {
  std::unordered_map<const PreparedImage*, HPDF_Dict> images;
  for (const Page& page : pages.pages)
    for (const PageItem& item : page.items)
      if (const auto* im = std::get_if<Image>(&item); im && im->image && !images.count(im->image))
        images.emplace(im->image, write_image(doc, *im->image));
  return images;
}

}  // namespace banshi::pdf
