#include "para/linebreak.h"

namespace banshi {

double line_start(const ParagraphSpec& spec, size_t index) {
  return spec.indent + (index == 0 ? spec.first_indent : spec.hanging);
}

double line_available(const ParagraphSpec& spec, size_t index) { return spec.measure - line_start(spec, index); }

LineRange trim_spaces(const Prepared& p, LineRange r) {
  while (r.begin < r.end && p.clusters[r.begin].space) ++r.begin;
  while (r.end > r.begin && p.clusters[r.end - 1].space) --r.end;
  return r;
}

double natural_width(const Prepared& p, LineRange r) {
  r = trim_spaces(p, r);
  double w = 0;
  for (size_t i = r.begin; i < r.end; ++i) w += p.clusters[i].width;
  return w;
}

namespace {

constexpr double kEpsilon = 0.01;  // pt: rounding slack when a line is exactly full

std::vector<LineRange> break_greedy(const Prepared& p, const ParagraphSpec& spec) {
  std::vector<LineRange> lines;
  const auto& cs = p.clusters;
  size_t start = 0;
  while (start < cs.size()) {
    // Spaces left over from the previous line's end do not start a line.
    while (start < cs.size() && cs[start].space) ++start;
    if (start >= cs.size()) break;
    const double avail = line_available(spec, lines.size());
    double x = 0;
    size_t last_ok = SIZE_MAX;
    size_t i = start;
    bool forced = false;
    for (; i < cs.size(); ++i) {
      const bool fits = x + cs[i].width <= avail + kEpsilon || cs[i].space;
      if (!fits && i > start) break;
      x += cs[i].width;
      if (cs[i].break_after) last_ok = i;
      if (cs[i].forced_break) {
        forced = true;
        break;
      }
    }
    size_t end;
    if (forced) {
      end = i + 1;
    } else if (i >= cs.size()) {
      end = cs.size();
    } else if (last_ok != SIZE_MAX) {
      end = last_ok + 1;
    } else {
      // No allowed break fits: break where the line is full rather than
      // overflow the text block (a very long URL or number).
      end = i;
    }
    lines.push_back({start, end});
    start = end;
  }
  return lines;
}

}  // namespace

std::vector<LineRange> break_lines(const Prepared& p, const ParagraphSpec& spec, Breaker breaker) {
  switch (breaker) {
    case Breaker::Greedy:
    case Breaker::Optimal:  // total fit arrives with the composition rules
      return break_greedy(p, spec);
  }
  return break_greedy(p, spec);
}

}  // namespace banshi
