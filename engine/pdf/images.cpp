#include "pdf/images.h"

#include <algorithm>
#include <fstream>

#include "util/diag.h"

namespace banshi::pdf {

namespace {

enum class ImageKind { Png, Jpeg };

// By content, not by file name: a misnamed file still loads, and anything
// else fails here with a clear message rather than deep inside libharu.
ImageKind sniff(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char head[8] = {};
  if (!in || !in.read(reinterpret_cast<char*>(head), sizeof head)) {
    throw EngineError("cannot read image " + path);
  }
  static constexpr unsigned char kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (std::equal(head, head + 8, kPng)) return ImageKind::Png;
  if (head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return ImageKind::Jpeg;
  throw EngineError("image " + path + " is neither PNG nor JPEG");
}

}  // namespace

std::unordered_map<std::string, HPDF_Dict> load_images(HaruDoc& doc, const PageSequence& pages) {
  std::unordered_map<std::string, HPDF_Dict> images;
  for (const Page& page : pages.pages) {
    for (const PageItem& item : page.items) {
      const auto* im = std::get_if<Image>(&item);
      if (!im || images.count(im->path)) continue;
      const ImageKind kind = sniff(im->path);
      HPDF_Image loaded = kind == ImageKind::Png ? HPDF_LoadPngImageFromFile(doc.get(), im->path.c_str())
                                                 : HPDF_LoadJpegImageFromFile(doc.get(), im->path.c_str());
      doc.require(loaded, "loading image " + im->path);
      // A PNG with alpha gets a soft mask, which needs PDF 1.4.
      if (HPDF_Dict_GetItem(loaded, "SMask", HPDF_OCLASS_DICT) && doc.get()->pdf_version < HPDF_VER_14) {
        doc.get()->pdf_version = HPDF_VER_14;
      }
      images.emplace(im->path, loaded);
    }
  }
  return images;
}

}  // namespace banshi::pdf
