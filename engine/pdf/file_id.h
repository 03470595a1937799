// The trailer's /ID: two byte strings naming the file (PDF 32000-1,
// 14.4), which PDF/A requires and every PDF should have. Derived from the
// file's own bytes, so identical input still gives identical output.
#pragma once

#include <string>

#include "pdf/haru_doc.h"

namespace banshi::pdf {

// Adds /ID [<00…> <00…>] to the trailer; call before HaruDoc::save().
void add_file_id_placeholder(HaruDoc& pdf);

// Replaces the placeholder in the saved file with the first 16 bytes of
// the SHA-1 of every byte before the trailer (the objects and the cross-reference table) — the
// same length, so no offset moves. Throws EngineError when the trailer or
// its placeholder cannot be found.
void fill_file_id(std::string& pdf);

}  // namespace banshi::pdf
