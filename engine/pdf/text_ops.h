// Text-showing operators for one TextRun: glyph codes in TJ arrays whose
// adjustments put every glyph exactly where HarfBuzz and layout placed it.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "page/display_list.h"
#include "pdf/cid_font.h"

namespace banshi::pdf {

// The glyph copies a run may be drawn with (glyph_copies.h): a glyph
// followed by a gap a reader would take for a space is drawn as its copy
// that carries the gap, where the font has one.
struct RunCopies {
  const CopyCodes* codes = nullptr;  // the font's; none: every gap stays positioning
  // Where the text after the run's last glyph continues its line
  // (continuation_x in text_spans.h); NaN: it does not.
  double next_run_x = std::nan("");
};

// Appends  q … BT … ET Q  for `run`, drawn with the font resource
// `font_name` on a page `page_height` points high. `glyphs` maps the run's
// glyph IDs to codes and the widths the font's /W array gives them. Throws
// EngineError for a glyph missing from `glyphs`.
void append_text_run(std::string& out, const TextRun& run, const std::string& font_name,
                     const std::unordered_map<uint32_t, GlyphCode>& glyphs, double page_height,
                     const RunCopies& copies = {});

// Runs a reader must take as one text (pdf/text_spans.h): drawn in one text
// object, inside a span whose /ActualText is `text`.
struct SpanRun {
  const TextRun* run = nullptr;
  std::string font_name;
  const std::unordered_map<uint32_t, GlyphCode>* glyphs = nullptr;
  RunCopies copies;
};
void append_text_span(std::string& out, const std::vector<SpanRun>& runs, std::string_view text, double page_height);

}  // namespace banshi::pdf
