#include "para/linebreak.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "para/measure.h"

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

// Total fit: the breaks that minimise the paragraph's demerits (Knuth and
// Plass's idea, with Chinese costs). A line may get its width by (in order
// of preference) setting its last mark half-width, pushing characters down
// and opening the gaps a little, or compressing punctuation inside it;
// a line that would need its gaps opened beyond kMaxStretchEm is left short
// (a last resort), and so is breaking where the rules forbid (an
// unbreakable run longer than the line).
//
// The costs, named as Typst names its breaker's, each with why it is what
// it is. A line's cost c becomes demerits (kLinePenalty + c)² plus the
// break's own penalty; the paragraph with the least demerits wins.
constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Every line costs this much before its badness, so of two ways to set a
// paragraph equally well the one with fewer lines wins (Knuth's line
// penalty, here 1: a tie-breaker, never a reason to set a line worse).
constexpr double kLinePenalty = 1;
// The badness of a line whose gaps open the full comfortable stretch
// (kMaxStretchEm): Knuth's 100, reached as (stretch used)³, so a little
// stretching is almost free and the full stretch is clearly worse.
constexpr double kFullStretchBadness = 100;
// Compressing punctuation inside a line is the last good means, after
// stretching the gaps: any compression costs at least this much — the
// badness of gaps opened 46% of the way (100 × 0.46³ ≈ 10) — so a line
// stretched less than that is preferred to one compressed at all …
constexpr double kShrinkCost = 10;
// … plus this much times the square of the share of the compressible
// blank used (10 + 100 for all of it, a little more than a full stretch;
// the square rises faster than stretching's cube: a squeezed line looks
// wrong sooner than an open one).
constexpr double kFullShrinkBadness = 100;
// A title's line kept in phrases is centred, never stretched: being short
// costs at most this (a line left empty), growing with the square of the
// shortfall, small next to the breaks' own penalties, which decide.
constexpr double kRaggedBadness = 100;
constexpr double kLooseCost = 5000;        // beyond kMaxStretchEm per gap: a last resort, above any stretch
constexpr double kRaggedCostPerEm = 3000;  // a line left short, per em: a URL's one ragged line beats a torn word
constexpr double kLoneCharCost = 5000;     // 孤字: one character alone on the last line, as bad as a loose line
constexpr double kEmergencyCost = 1e10;    // a break the rules forbid: worse than any loose line
// Where no line ending at a break fits even fully compressed, the
// shortest overfull one is kept, with this added to its demerits: far
// above any line that fits, however loose (kLooseCost, kRaggedCostPerEm),
// and still below kEmergencyCost, so it is chosen only when nothing fits.
constexpr double kOverfullCost = 1e9;

// `ragged`: a line of a title kept in phrases (centred, never stretched):
// being short costs only a little, growing with the square of the
// shortfall, so the breaks' own penalties (where the phrases end) decide.
// Inline, as LineMeasure::fit is: break_optimal prices every candidate line.
[[gnu::always_inline]] inline double line_cost(const LineFit& f, double avail, bool last, bool ragged) {
  // A full-width mark at the line end is always set half-width (GB/T 15834
  // §5.1.10), so its ink, not its blank, meets the right margin; an opening
  // mark at the line start likewise (clreq 行首), so the line does not look
  // indented.
  const double d = f.natural - f.end_blank - f.start_blank - avail;
  if (d > kEpsilon) {
    if (d > f.inner_shrink + kEpsilon) return kInfinity;
    const double r = d / f.inner_shrink;
    return kShrinkCost + kFullShrinkBadness * r * r;
  }
  if (last) return 0;
  const double excess = -d;
  if (excess <= kEpsilon) return 0;
  if (ragged) return kRaggedBadness * (excess / avail) * (excess / avail);
  // Up to kMaxStretchEm per gap: the usual cubic badness. Up to
  // kHardStretchEm (when larger): loose, a last resort. Beyond that the Han
  // text opens no further: the gaps beside marks and Latin words take the
  // rest (kBesideStretchEm), and past them the line is left short at the
  // right — both priced by how much is left over, so a long URL or
  // reference run moves down whole instead of being torn apart or
  // spacing the line before it out.
  const double comfortable = f.max_stretch();
  if (excess <= comfortable) {
    const double r = excess / comfortable;
    return kFullStretchBadness * r * r * r;
  }
  const double hard = f.hard_stretch();
  if (excess <= hard && hard > comfortable)
    return kFullStretchBadness + kLooseCost * (excess - comfortable) / (hard - comfortable);
  return kFullStretchBadness + kLooseCost + kRaggedCostPerEm * (excess - hard) / f.em;
}

// Clusters a line may hold that take no room (a zero-width space or mark
// that could not join a letter) before the breaker stops trying every
// start among them; no real line comes near it.
constexpr size_t kMaxEmptyClustersScanned = 64;

bool takes_no_room(const Cluster& c) { return c.width == 0 && c.gap_after == 0; }

// Letters (not punctuation, not markers) of a line, up to two.
int letters(const Prepared& p, LineRange r) {
  int n = 0;
  for (size_t k = r.begin; k < r.end && n < 2; ++k) {
    const Cluster& c = p.clusters[k];
    if (!c.space && !c.attached && (c.cls == CharClass::Ideographic || c.cls == CharClass::Latin)) ++n;
  }
  return n;
}

std::vector<LineRange> break_optimal(const Prepared& p, const ParagraphSpec& spec, const LineMeasure& measure) {
  const auto& cs = p.clusters;
  const size_t n = cs.size();
  if (n == 0) return {};
  const bool ragged = spec.break_in_phrases && spec.align != ParagraphSpec::AlignMode::Justify;
  const double avail_first = line_available(spec, 0), avail_rest = line_available(spec, 1);
  std::vector<double> best(n + 1, kInfinity);
  std::vector<size_t> from(n + 1, 0);
  best[0] = 0;
  // The last forced break at or before each position: lines never span one.
  std::vector<size_t> forced_before(n + 1, 0);
  for (size_t j = 1; j <= n; ++j) forced_before[j] = cs[j - 1].forced_break ? j : forced_before[j - 1];
  // Clusters that take no room before each position, and the last position
  // at or before it that follows one that does (or the start).
  std::vector<size_t> empty_before(n + 1, 0), after_room(n + 1, 0);
  for (size_t j = 1; j <= n; ++j) {
    empty_before[j] = empty_before[j - 1] + (takes_no_room(cs[j - 1]) ? 1 : 0);
    after_room[j] = takes_no_room(cs[j - 1]) ? after_room[j - 1] : j;
  }
  for (size_t j = 1; j <= n; ++j) {
    const bool allowed = cs[j - 1].break_after || j == n;
    const double penalty = allowed ? cs[j - 1].break_penalty : kEmergencyCost;
    // A line ending the paragraph or at a <br/> is not justified.
    const bool last = j == n || cs[j - 1].forced_break;
    double fallback_cost = kInfinity;
    size_t fallback_from = 0;
    const size_t floor = forced_before[j - 1];
    // Whether the skip below can happen at all for this j (empty_before
    // only grows): almost never, and then not asked for every start.
    const bool many_empty = empty_before[j] - empty_before[floor] > kMaxEmptyClustersScanned;
    for (size_t i = j; i-- > floor;) {
      // Past kMaxEmptyClustersScanned clusters that take no room, only
      // starts after one that does are tried: otherwise a run of invisible
      // clusters (each in an item of its own, so not joined to a letter)
      // never fills a line and every j would look back over all of it.
      if (many_empty && empty_before[j] - empty_before[i] > kMaxEmptyClustersScanned && i > floor &&
          takes_no_room(cs[i - 1]))
        i = std::max(floor, after_room[i]);
      if (best[i] == kInfinity) continue;
      // A line after a forced break may start there and nowhere before it.
      const LineFit f = measure.fit({i, j});
      const double avail = i == 0 ? avail_first : avail_rest;
      double cost = line_cost(f, avail, last, ragged);
      if (cost == kInfinity) {
        // Too long even fully shrunk; longer lines only get worse. Keep the
        // shortest overfull line in case nothing fits at all.
        if (best[i] < fallback_cost) {
          fallback_cost = best[i];
          fallback_from = i;
        }
        break;
      }
      double demerits = (kLinePenalty + cost) * (kLinePenalty + cost) + penalty;
      if (last && i > 0 && letters(p, f.range) < 2) demerits += kLoneCharCost;
      if (best[i] + demerits < best[j]) {
        best[j] = best[i] + demerits;
        from[j] = i;
      }
    }
    if (best[j] == kInfinity && fallback_cost < kInfinity) {
      best[j] = fallback_cost + kOverfullCost;
      from[j] = fallback_from;
    }
  }
  std::vector<LineRange> out;
  for (size_t j = n; j > 0; j = from[j]) out.push_back({from[j], j});
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<LineRange> break_lines(const Prepared& p, const ParagraphSpec& spec, Breaker breaker) {
  if (breaker == Breaker::Optimal) return break_optimal(p, spec, LineMeasure(p, spec.grid_size));
  return break_greedy(p, spec);
}

std::vector<LineRange> break_lines(const Prepared& p, const ParagraphSpec& spec, Breaker breaker,
                                   const LineMeasure& measure) {
  if (breaker == Breaker::Optimal) return break_optimal(p, spec, measure);
  return break_greedy(p, spec);
}

}  // namespace banshi
