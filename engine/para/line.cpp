#include "para/line.h"

#include <algorithm>

namespace banshi {

bool stretchable_gap(const Cluster& a, const Cluster& b) {
  if (b.attached) return false;
  if (a.cls == CharClass::Long && b.cls == CharClass::Long) return false;
  if (a.space || b.space) return true;
  if (!a.wide && !b.wide) return false;  // inside a Latin word or number
  return true;
}

LineLayout set_line(const Prepared& p, LineRange range, const ParagraphSpec& spec, size_t index, bool last) {
  LineLayout out;
  out.range = trim_spaces(p, range);
  const auto& cs = p.clusters;
  const size_t n = out.range.end - out.range.begin;
  out.x.resize(n);
  out.w.resize(n);
  out.pen.resize(n);
  for (size_t k = 0; k < n; ++k) {
    out.w[k] = cs[out.range.begin + k].width;
    out.pen[k] = cs[out.range.begin + k].pen_offset;
  }
  const double avail = line_available(spec, index);
  double natural = 0;
  for (double v : out.w) natural += v;
  double extra = avail - natural;

  if (extra < 0 && n > 0) {
    // Too full (greedy found no better break): take back punctuation
    // blanks, the line's last mark first, then all marks evenly.
    Cluster const& tail = cs[out.range.end - 1];
    const double tail_cut = std::min(-extra, tail.blank_right);
    out.w[n - 1] -= tail_cut;
    extra += tail_cut;
    double blanks = 0;
    for (size_t k = 0; k + 1 < n; ++k) blanks += cs[out.range.begin + k].blank_right + cs[out.range.begin + k].blank_left;
    if (extra < 0 && blanks > 0) {
      const double f = std::min(1.0, -extra / blanks);
      for (size_t k = 0; k + 1 < n; ++k) {
        const Cluster& c = cs[out.range.begin + k];
        const double cut = f * (c.blank_left + c.blank_right);
        out.w[k] -= cut;
        out.pen[k] -= f * c.blank_left;
        extra += cut;
      }
    }
  }

  std::vector<double> gap(n, 0.0);  // space after cluster k
  const bool justify = spec.align == ParagraphSpec::AlignMode::Justify && (!last || extra < 0);
  if (justify && n > 1 && std::abs(extra) > 1e-6) {
    size_t gaps = 0;
    for (size_t k = 0; k + 1 < n; ++k)
      if (stretchable_gap(cs[out.range.begin + k], cs[out.range.begin + k + 1])) ++gaps;
    if (gaps == 0) {
      for (size_t k = 0; k + 1 < n; ++k) gaps += 1;
      for (size_t k = 0; k + 1 < n; ++k) gap[k] = extra / static_cast<double>(gaps);
    } else {
      for (size_t k = 0; k + 1 < n; ++k)
        if (stretchable_gap(cs[out.range.begin + k], cs[out.range.begin + k + 1]))
          gap[k] = extra / static_cast<double>(gaps);
    }
    extra = 0;
  }

  double left = line_start(spec, index);
  if (extra > 0) {
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
