#include "pdf/text_ops.h"

#include <cmath>

#include "pdf/pdf_format.h"
#include "pdf/text_spans.h"
#include "util/diag.h"

namespace banshi::pdf {

namespace {

// Glyphs whose baselines differ by less than this share one TJ (pt).
constexpr double kSameBaseline = 0.0005;
// A glyph lands within this distance of its target without an explicit TJ
// adjustment (pt). Widths in /W are whole units, so the pen drifts by up to
// half a unit per glyph; adjusting only when the drift exceeds this keeps
// TJ arrays short while every glyph stays far below a device pixel
// (0.06 pt at 1200 dpi) from where it belongs.
constexpr double kTolerance = 0.002;
// Precision of Tm coordinates (pt) and of TJ adjustments (1/1000 em).
constexpr int kCoordDecimals = 3;
constexpr int kAdjustDecimals = 2;

// The Tm and TJ operators that draw `run`'s glyphs, inside BT with its
// font set. `in_span`: inside a span with its own /ActualText, which
// marked content must not nest in, so no glyph gets one of its own.
void append_glyphs(std::string& out, const TextRun& run, const std::unordered_map<uint32_t, GlyphCode>& glyphs,
                   double page_height, bool in_span, const RunCopies& copies) {
  const double size = run.size;
  const auto& gs = run.glyphs;
  size_t i = 0;
  while (i < gs.size()) {
    // One TJ per baseline: a new text matrix wherever y changes.
    const double y = gs[i].y;
    const double x0 = round_to(gs[i].x, kCoordDecimals);
    out += "1 0 0 1 ";
    append_number(out, x0, kCoordDecimals);
    out += ' ';
    append_number(out, page_height - y, kCoordDecimals);
    out += " Tm\n[";
    // The pen as a PDF reader computes it from what is written.
    double pen = x0;
    bool in_string = false;
    const size_t first = i;
    for (; i < gs.size() && std::abs(gs[i].y - y) <= kSameBaseline; ++i) {
      const PlacedGlyph& g = gs[i];
      const auto it = glyphs.find(g.gid);
      if (it == glyphs.end()) {
        throw EngineError("pdf.glyph-not-in-subset", {{"glyph", g.gid}, {"file", run.font->file()}});
      }
      const GlyphCode* code = &it->second;
      // A glyph before a gap a reader would take for a space is drawn as
      // its copy that carries the gap in its advance (glyph_copies.h).
      if (copies.codes && !copies.codes->empty()) {
        if (const int gap = space_gap(run, i, code->width, next_pen(run, i, copies.next_run_x)); gap > 0) {
          const auto copy = copies.codes->find({g.gid, gap});
          if (copy != copies.codes->end()) code = &copy->second;
        }
      }
      // A glyph whose ToUnicode text is not this cluster's (the font draws
      // two characters alike, or .notdef stands for a missing one) goes in
      // a marked span of its own that says what it stands for.
      const std::string_view cluster = g.text_len > 0 && g.text_begin < run.text.size()
                                           ? std::string_view(run.text).substr(g.text_begin, g.text_len)
                                           : std::string_view{};
      const bool actual = !in_span && !cluster.empty() && cluster != code->text;
      if (actual) {
        if (in_string) out += '>';
        in_string = false;
        out += "] TJ\n/Span <</ActualText <";
        for (unsigned char b : utf16be_text_string(cluster)) append_hex(out, b, 2);
        out += ">>> BDC\n[";
      }
      if (i > first) {
        const double drift = pen - g.x;
        if (std::abs(drift) > kTolerance) {
          // A TJ number moves the pen left by number/1000 text space units.
          const double adjust = round_to(drift * 1000.0 / size, kAdjustDecimals);
          if (adjust != 0) {
            if (in_string) out += '>';
            in_string = false;
            out += ' ';
            append_number(out, adjust, kAdjustDecimals);
            out += ' ';
            pen -= adjust * size / 1000.0;
          }
        }
      }
      if (!in_string) out += '<';
      in_string = true;
      append_hex(out, code->code, 4);
      pen += code->width * size / 1000.0;
      if (actual) {
        out += ">] TJ\nEMC\n[";
        in_string = false;
      }
    }
    if (in_string) out += '>';
    out += "] TJ\n";
  }
}

void append_font(std::string& out, const TextRun& run, const std::string& font_name) {
  out += "/" + font_name + " ";
  append_number(out, run.size);
  out += " Tf\n";
}

// Synthetic bold: fill and stroke the outlines (render mode 2); a check
// box's □ not painted at all (mode 3).
int render_mode(const TextRun& run) { return run.invisible ? 3 : run.stroke > 0 ? 2 : 0; }
void append_stroke(std::string& out, const TextRun& run) {
  if (run.invisible) {
    out += "3 Tr\n";
    return;
  }
  append_number(out, run.stroke);
  out += " w\n2 Tr\n";
}

}  // namespace

void append_text_run(std::string& out, const TextRun& run, const std::string& font_name,
                     const std::unordered_map<uint32_t, GlyphCode>& glyphs, double page_height,
                     const RunCopies& copies) {
  // Nothing to draw; a zero size would also divide by zero below.
  if (run.glyphs.empty() || run.size == 0) return;
  out += "q\n0 g\n";
  if (render_mode(run) != 0) {
    out += "0 G\n";
    append_stroke(out, run);
  }
  out += "BT\n";
  append_font(out, run, font_name);
  append_glyphs(out, run, glyphs, page_height, false, copies);
  out += "ET\n";
  // Q restores the render mode and line width too; resetting Tr explicitly
  // keeps the stream correct should runs ever share a q…Q.
  if (render_mode(run) != 0) out += "0 Tr\n";
  out += "Q\n";
}

void append_text_span(std::string& out, const std::vector<SpanRun>& runs, std::string_view text, double page_height) {
  // One text object, as marked content must not span the end of one (and
  // poppler reads the span's text with the text state it ends in).
  out += "q\n0 g\n0 G\nBT\n/Span <</ActualText <";
  for (unsigned char b : utf16be_text_string(text)) append_hex(out, b, 2);
  out += ">>> BDC\n";
  int mode = 0;
  for (const SpanRun& r : runs) {
    if (r.run->glyphs.empty() || r.run->size == 0) continue;
    if (render_mode(*r.run) != 0) {
      append_stroke(out, *r.run);
    } else if (mode != 0) {
      out += "0 Tr\n";
    }
    mode = render_mode(*r.run);
    append_font(out, *r.run, r.font_name);
    append_glyphs(out, *r.run, *r.glyphs, page_height, true, r.copies);
  }
  // Poppler sizes the span's text by the font set where it ends: the
  // line's own text, not a note marker that ends it small and raised.
  const SpanRun* body = nullptr;
  for (const SpanRun& r : runs)
    if (!body || r.run->size > body->run->size) body = &r;
  if (body && body != &runs.back()) append_font(out, *body->run, body->font_name);
  out += "EMC\nET\n";
  if (mode != 0) out += "0 Tr\n";
  out += "Q\n";
}

}  // namespace banshi::pdf
