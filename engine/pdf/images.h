// Image XObjects from the images the image stage prepared: the PDF stage
// parses no image file. Flate images carry PNG predictors and, with
// transparency, a /SMask; JPEG is embedded as it is (DCTDecode).
#pragma once

#include <unordered_map>

#include "image/prepared.h"
#include "page/display_list.h"
#include "pdf/haru_doc.h"

namespace banshi::pdf {

// Writes every image the pages place, once each, in order of first use.
// The images' bytes are read when the document is saved, so the pages
// must outlive it. Throws EngineError for an image prepared only to check.
std::unordered_map<const image::PreparedImage*, HPDF_Dict> write_images(HaruDoc& doc, const PageSequence& pages);

}  // namespace banshi::pdf
