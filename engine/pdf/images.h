// Raster images: each file loaded once per document, PNG through libharu's
// PNG decoder, JPEG embedded as is (DCTDecode, no recompression).
#pragma once

#include <string>
#include <unordered_map>

#include "page/display_list.h"
#include "pdf/haru_doc.h"

namespace banshi::pdf {

// Loads every image the pages use, in order of first use. Throws
// EngineError naming the path for a missing, unreadable or unsupported file.
std::unordered_map<std::string, HPDF_Dict> load_images(HaruDoc& doc, const PageSequence& pages);

}  // namespace banshi::pdf
