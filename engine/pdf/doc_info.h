// The document information dictionary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "page/display_list.h"
#include "pdf/haru_doc.h"

namespace banshi::pdf {

// "D:YYYYMMDDHHmmSSZ" for seconds since the epoch (UTC).
std::string pdf_date(int64_t seconds);

// Title, Author, Subject, Keywords and Creator as UTF-16BE text strings
// (empty ones left out); CreationDate and ModDate only for a timestamp.
void set_document_info(HaruDoc& pdf, const DocumentInfo& info, std::optional<int64_t> timestamp);

}  // namespace banshi::pdf
