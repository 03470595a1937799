#include "pdf/text_spans.h"

#include <algorithm>
#include <cmath>

namespace banshi::pdf {

namespace {

// Poppler starts a new word past a gap of 0.1 em and MuPDF inserts a space
// past 0.15 em; justification's inter-character stretch stays below 0.08
// em on the grid, so only the gaps layout means as such are caught.
constexpr double kSpaceGap = 0.08;
// A glyph overlapping the one before by more than this (a compressed
// mark: half an em) is taken by poppler for another word it may set on
// a line of its own; kerned Latin overlaps far less.
constexpr double kOverlap = -0.15;
// Wider than this is a space meant as one (table cells, tab stops): the
// quarter em plus the most a justified line stretches stays below it.
constexpr double kWidest = 0.6;
constexpr double kSameBaseline = 0.0005;  // pt, as text_ops
// A superscript (a note marker) sits less than this above the baseline (em).
constexpr double kRaised = 0.5;

// The gap between glyph `i`'s advance as the PDF gives it and the pen
// position `next_x`, in em; 0 when the reader cannot see one.
double gap_after(const TextRun& run, const GlyphCodes& glyphs, size_t i, double next_x) {
  const auto it = glyphs.find(run.glyphs[i].gid);
  if (it == glyphs.end() || run.size <= 0) return 0;
  const double end = run.glyphs[i].x + it->second.width * run.size / 1000.0;
  return (next_x - end) / run.size;
}

bool reads_wrong(double gap) { return (gap > kSpaceGap && gap <= kWidest) || gap < kOverlap; }

}  // namespace

bool has_inner_gap(const TextRun& run, const GlyphCodes& glyphs) {
  const auto& gs = run.glyphs;
  for (size_t i = 0; i + 1 < gs.size(); ++i) {
    // A combining mark's offset is the shaper's, not a gap between letters.
    if (gs[i + 1].text_len == 0 || std::abs(gs[i + 1].y - gs[i].y) > kSameBaseline) continue;
    if (reads_wrong(gap_after(run, glyphs, i, gs[i + 1].x))) return true;
  }
  return false;
}

Join join_of(const TextRun& run, const GlyphCodes& glyphs, const TextRun& next) {
  if (run.glyphs.empty() || next.glyphs.empty()) return Join::None;
  const PlacedGlyph& last = run.glyphs.back();
  const PlacedGlyph& first = next.glyphs.front();
  const double dy = std::abs(first.y - last.y);
  if (dy > kRaised * std::max(run.size, next.size) || first.x <= last.x) return Join::None;
  const double gap = gap_after(run, glyphs, run.glyphs.size() - 1, first.x);
  if (reads_wrong(gap)) return Join::Gap;
  // A marker's own runs join the text it sits in only to carry a span past
  // it: poppler reads a span that ends raised as slanting off its line.
  return dy > kSameBaseline && gap >= -1 && gap <= kWidest ? Join::Marker : Join::None;
}

double next_pen(const TextRun& run, size_t i, double next_run_x) {
  const auto& gs = run.glyphs;
  if (i + 1 >= gs.size()) return next_run_x;
  if (gs[i + 1].text_len == 0 || std::abs(gs[i + 1].y - gs[i].y) > kSameBaseline) return std::nan("");
  return gs[i + 1].x;
}

double continuation_x(const TextRun& run, const TextRun* next) {
  if (!next || run.glyphs.empty() || next->glyphs.empty()) return std::nan("");
  const PlacedGlyph& last = run.glyphs.back();
  const PlacedGlyph& first = next->glyphs.front();
  if (std::abs(first.y - last.y) > kSameBaseline || first.x <= last.x) return std::nan("");
  return first.x;
}

int space_gap(const TextRun& run, size_t i, int width, double next_x) {
  if (std::isnan(next_x) || run.size <= 0) return 0;
  const double gap = (next_x - (run.glyphs[i].x + width * run.size / 1000.0)) / run.size;
  return gap > kSpaceGap && gap <= kWidest ? static_cast<int>(std::lround(gap * 1000)) : 0;
}

std::string drawn_text(const TextRun& run) {
  std::string out;
  for (const PlacedGlyph& g : run.glyphs)
    if (g.text_len > 0 && g.text_begin < run.text.size()) out.append(run.text, g.text_begin, g.text_len);
  return out;
}

}  // namespace banshi::pdf
