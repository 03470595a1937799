// PDF/A-1b (ISO 19005-1; in China GB/Z 23283-2009): the parts of an
// archive-grade file that an ordinary one does without.
//
// What the writer does in this mode, and where:
//   - the XMP metadata stream, mirroring the Info dictionary (xmp.h), and
//     the sRGB output intent (icc_profile.h): add_pdfa_parts, here;
//   - Info text PDF/A cannot carry (control characters): pdfa_document_info;
//   - a CIDSet in every font descriptor (cid_font.cpp; CapHeight is always
//     written);
//   - PDF 1.4 in the header (PDF/A-1's base);
//   - always, not only in this mode: a trailer /ID from the content
//     (file_id.h), well-formed outline items and destinations (outline.cpp),
//     links flagged printable (links.cpp).
// The writer adds no transparency, LZW, encryption, JavaScript or
// non-embedded font in any mode.
#pragma once

#include <cstdint>
#include <optional>

#include "page/display_list.h"
#include "pdf/haru_doc.h"
#include "pdf/icc_profile.h"
#include "util/diag.h"

namespace banshi::pdf {

// `info` with the characters XML 1.0 cannot hold (C0 controls other than
// tab, LF and CR; U+FFFE, U+FFFF) written as spaces, so the Info dictionary
// and the XMP packet can say the same thing; a warning per field changed
// goes to `diags`.
DocumentInfo pdfa_document_info(const DocumentInfo& info, Diagnostics* diags);

// The catalog's /Metadata (the XMP packet for the Info dictionary that
// set_document_info wrote — call after it) and /OutputIntents (GTS_PDFA1
// with `profile` as its destination profile), and PDF 1.4 as the file's
// version.
void add_pdfa_parts(HaruDoc& pdf, const DocumentInfo& info, std::optional<int64_t> timestamp,
                    const IccProfile& profile);

}  // namespace banshi::pdf
