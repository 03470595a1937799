// The importer's messages are in the catalogue (i18n/messages/*.txt, codes
// docx.*); this throws one about a file as a whole.
#pragma once

#include <cstdint>
#include <string>

#include "util/diag.h"

namespace banshi::docx {

// Throws InputError for `file` (no paragraph).
[[noreturn]] void fail(const std::string& file, MessageCode code, Args args = {});

// "12.5 MB": sizes in messages.
std::string megabytes(std::uint64_t bytes);

}  // namespace banshi::docx
