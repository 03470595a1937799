// The PDF stage: a PageSequence in, the bytes of a PDF out.
//
// Text is written as HarfBuzz shaped it: every font used is subset
// (pdf/subset.h: CID-keyed CFF by the own subsetter of cff_subset.h, other
// fonts by hb-subset) and embedded as a Type0 font with Identity-H encoding
// (CIDFontType2 for TrueType outlines, CIDFontType0C for CFF), a W array
// and a ToUnicode CMap, so pdftotext gives back the source text. libharu
// writes the file structure; the font objects and text operators are built
// through its object layer because its text API cannot address glyph IDs.
//
// Imposition::A3Booklet writes the same pages as a saddle-stitched booklet
// (booklet.h, impose.h): each page once as a Form XObject, placed two-up on
// A3 landscape sheet sides, so the file is barely larger than the A4 one.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "page/display_list.h"
#include "pdf/icc_profile.h"
#include "util/diag.h"
#include "util/task_pool.h"
#include "util/timings.h"

namespace banshi {

enum class Imposition { None, A3Booklet };

// PDF/A-1b (ISO 19005-1 = GB/Z 23283-2009), the archive grade; pdf/pdfa.h
// lists what changes.
struct PdfA {
  // The output intent's profile (pdf::find_srgb_profile), shared by the
  // documents of a batch. Required.
  std::shared_ptr<const pdf::IccProfile> output_profile;
};

struct PdfOptions {
  bool compress = true;
  Imposition impose = Imposition::None;
  // Booklet back sides for a printer duplexing with flip on the short edge
  // (default: backs printed upright) or on the long edge (backs turned
  // 180°); the reasoning is at back_side_rotated() in impose.cpp.
  bool long_edge_duplex = false;
  // The booklet split into booklets of at most this many pages (a multiple
  // of 4); 0: one booklet.
  size_t booklet_max_pages = 0;
  // Seconds since the epoch for CreationDate/ModDate; unset = no dates, so
  // identical input gives identical bytes (SOURCE_DATE_EPOCH sets it).
  std::optional<int64_t> timestamp;
  // Keep (subset) the subroutines of CFF fonts instead of inlining them.
  // Off by default: measured with hb-subset 6.0, inlined subsets of Noto
  // Serif CJK are 8-14% smaller after Flate (50 to 3000 glyphs) and made in
  // about half the time; Fandol fonts have no subroutines, so it makes no
  // difference there.
  bool keep_cff_subroutines = false;
  // Gaps a reader would take for spaces carried by glyph copies
  // (glyph_copies.h); false: made by positioning alone (RenderOptions).
  bool gap_copies = true;
  // Set: write PDF/A-1b.
  std::optional<PdfA> pdfa;
  // The render's threads for subsetting and deflating fonts; none: all on
  // the caller's. The bytes are the same either way.
  TaskPool* tasks = nullptr;
};

// Writes the document; throws EngineError when a font cannot be subset or
// libharu fails. Deterministic: same pages and options, same bytes. What
// PDF/A cannot carry and the writer converts is reported to `diags`.
// `timings` gets "pdf/subset" (the fonts' glyphs collected and subset) and
// "pdf/write" (pages, fonts embedded, the file).
std::string write_pdf(const PageSequence& doc, const PdfOptions& options, Timings* timings = nullptr,
                      Diagnostics* diags = nullptr);

}  // namespace banshi
