#include "para/line.h"

#include <algorithm>
#include <cmath>

#include "para/measure.h"

namespace banshi {

bool stretchable_gap(const Cluster& a, const Cluster& b) {
  if (b.attached || a.box_end) return false;
  if (a.cls == CharClass::Long && b.cls == CharClass::Long) return false;
  if (a.space || b.space || a.gap_after > 0) return true;
  if (!a.wide && !b.wide) return false;  // inside a Latin word or number
  return true;
}

LineLayout set_line(const Prepared& p, const LineMeasure& measure, LineRange range, const ParagraphSpec& spec,
                    size_t index, bool last) {
  LineLayout out;
  const LineFit fit = measure.fit(range);
  out.range = fit.range;
  const auto& cs = p.clusters;
  const size_t first = out.range.begin;
  const size_t n = out.range.end - first;
  out.x.resize(n);
  out.w.resize(n);
  out.pen.resize(n);
  std::vector<double> gap(n, 0.0);  // space after cluster k
  for (size_t k = 0; k < n; ++k) {
    const Cluster& c = cs[first + k];
    out.w[k] = c.width;
    out.pen[k] = c.pen_offset;
    if (k + 1 < n) gap[k] = c.gap_after;
  }
  const double avail = line_available(spec, index);
  // A full-width mark at the line end is set half-width (GB/T 15834 §5.1.10),
  // and an opening mark at the line start too (clreq 行首: a line — or a
  // paragraph's first line after its indent — starting with “ or （ would
  // otherwise look indented half an em more).
  if (n > 0) {
    out.w[fit.end_cluster - first] -= fit.end_blank;
    out.w[0] -= fit.start_blank;
    out.pen[0] -= fit.start_blank;
  }
  double extra = avail - (fit.natural - fit.end_blank - fit.start_blank);

  if (extra < 0 && n > 0) {
    // Shrink the blanks inside the line, all in proportion.
    if (fit.inner_shrink > 0) {
      const double f = std::min(1.0, -extra / fit.inner_shrink);
      for (size_t k = 0; k < n; ++k) {
        const Cluster& c = cs[first + k];
        const double left = (k == 0 && fit.start_blank > 0) ? 0 : c.blank_left;
        const double right = (first + k == fit.end_cluster && fit.end_blank > 0) ? 0 : c.blank_right;
        out.w[k] -= f * (left + right);
        out.pen[k] -= f * left;
        if (k + 1 < n) gap[k] -= f * c.gap_after / 2;
        extra += f * (left + right + (k + 1 < n ? c.gap_after / 2 : 0));
      }
    }
  }

  const bool distribute = spec.align == ParagraphSpec::AlignMode::Distribute;
  const bool justify = (spec.align == ParagraphSpec::AlignMode::Justify && !last) || distribute;
  if (justify && extra > 1e-6 && n > 1) {
    // Spread what is left evenly over the gaps between characters, not into
    // the Latin spaces alone.
    std::vector<size_t> open;
    for (size_t k = 0; k + 1 < n; ++k)
      if (stretchable_gap(cs[first + k], cs[first + k + 1])) open.push_back(k);
    if (open.empty())
      for (size_t k = 0; k + 1 < n; ++k) open.push_back(k);
    if (!distribute) {
      // Word spaces and Han–Latin gaps open first, up to half an em each
      // (clreq 3.8), so the Han text beside a URL keeps its pitch.
      std::vector<size_t> flex;
      for (size_t k : open)
        if (is_flex_gap(cs[first + k])) flex.push_back(k);
      if (!flex.empty()) {
        const double each = std::min(extra / static_cast<double>(flex.size()), kFlexStretchEm * measure.em());
        for (size_t k : flex) gap[k] += each;
        extra -= each * static_cast<double>(flex.size());
      }
    }
    const double even = extra / static_cast<double>(open.size());
    const double per_gap = distribute ? even : std::min(even, kHardStretchEm * measure.em());
    for (size_t k : open) gap[k] += per_gap;
    extra -= per_gap * static_cast<double>(open.size());
    if (!distribute && extra > 1e-6) {
      // The Han text has opened all it may: the gaps beside marks, Latin
      // words and numbers take the rest, up to kBesideStretchEm each.
      std::vector<size_t> beside;
      for (size_t k : open)
        if (!between_han(cs[first + k], cs[first + k + 1])) beside.push_back(k);
      if (!beside.empty()) {
        const double each =
            std::min(extra / static_cast<double>(beside.size()), (kBesideStretchEm - kHardStretchEm) * measure.em());
        for (size_t k : beside) gap[k] += each;
        extra -= each * static_cast<double>(beside.size());
      }
    }
  }

  double left = line_start(spec, index);
  if (extra > 1e-6 && !justify) {
    if (spec.align == ParagraphSpec::AlignMode::Center) left += extra / 2;
    if (spec.align == ParagraphSpec::AlignMode::Right) left += extra;
  }
  out.left = left;
  double x = left;
  for (size_t k = 0; k < n; ++k) {
    out.x[k] = x;
    x += out.w[k] + gap[k];
  }
  out.width = x - left;
  return out;
}

}  // namespace banshi
