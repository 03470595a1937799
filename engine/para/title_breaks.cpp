#include "para/title_breaks.h"

#include <cmath>
#include <limits>

#include "para/measure.h"
#include "para/phrase_breaks.h"

namespace banshi {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kEpsilon = 0.01;  // pt
// Beyond this many clusters between forced breaks the text is no title; the
// general breaker (linear in practice) sets it.
constexpr size_t kMaxTitleClusters = 600;
// A line's shape cost: this much per square em its length is off the mean
// line length, so 7/15 characters (梯形) beats 17/6 and 11/11 beats both
// when the breaks are equally good.
constexpr double kShapeWeight = 2;
// A line holding one character (孤字) is never a title's shape.
constexpr double kLoneCharCost = 1e6;

int letters(const Prepared& p, LineRange r) {
  int n = 0;
  for (size_t k = r.begin; k < r.end && n < 2; ++k) {
    const Cluster& c = p.clusters[k];
    if (!c.space && !c.attached && (c.cls == CharClass::Ideographic || c.cls == CharClass::Latin)) ++n;
  }
  return n;
}

class TitleSegment {
 public:
  TitleSegment(const Prepared& p, const ParagraphSpec& spec, const LineMeasure& m, size_t begin, size_t end)
      : p_(p), spec_(spec), m_(m), begin_(begin), end_(end) {
    em_ = p.clusters[begin].em;
  }

  // The fewest lines the segment can be set in with any allowed breaks (0
  // if some run is wider than a line).
  size_t fewest_lines() const {
    const size_t n = end_ - begin_;
    std::vector<size_t> lines(n + 1, SIZE_MAX);
    lines[0] = 0;
    for (size_t j = 1; j <= n; ++j) {
      if (!can_end(j, false)) continue;
      for (size_t i = j; i-- > 0;) {
        if (lines[i] == SIZE_MAX) continue;
        if (!fits(i, j, lines[i])) break;
        lines[j] = std::min(lines[j], lines[i] + 1);
      }
    }
    return lines[n] == SIZE_MAX ? 0 : lines[n];
  }

  // The best breaks into exactly `count` lines, only at meaningful places
  // if `meaningful`; empty if there are none.
  std::vector<LineRange> best(size_t count, bool meaningful) const {
    const size_t n = end_ - begin_;
    const double mean = m_.fit({begin_, end_}).natural / static_cast<double>(count);
    // cost[k][j]: k lines ending at relative position j.
    std::vector<std::vector<double>> cost(count + 1, std::vector<double>(n + 1, kInfinity));
    std::vector<std::vector<size_t>> from(count + 1, std::vector<size_t>(n + 1, 0));
    cost[0][0] = 0;
    for (size_t k = 1; k <= count; ++k) {
      for (size_t j = 1; j <= n; ++j) {
        if (!can_end(j, meaningful) || (k == count) != (j == n)) continue;
        const double penalty = j == n ? 0 : p_.clusters[begin_ + j - 1].break_penalty;
        for (size_t i = j; i-- > 0;) {
          if (cost[k - 1][i] == kInfinity) continue;
          if (!fits(i, j, k - 1)) break;
          const LineRange r{begin_ + i, begin_ + j};
          const LineFit f = m_.fit(r);
          const double len = std::min(f.natural - f.end_blank - f.start_blank, avail(k - 1));
          const double off = (len - mean) / em_;
          double c = cost[k - 1][i] + penalty + kShapeWeight * off * off;
          if (letters(p_, f.range) < 2) c += kLoneCharCost;
          if (c < cost[k][j]) {
            cost[k][j] = c;
            from[k][j] = i;
          }
        }
      }
    }
    if (cost[count][n] == kInfinity) return {};
    std::vector<LineRange> out(count);
    size_t j = n;
    for (size_t k = count; k > 0; --k) {
      out[k - 1] = {begin_ + from[k][j], begin_ + j};
      j = from[k][j];
    }
    return out;
  }

 private:
  // Whether a line may end at relative position j (after cluster j − 1).
  bool can_end(size_t j, bool meaningful) const {
    if (j == end_ - begin_) return true;
    const Cluster& c = p_.clusters[begin_ + j - 1];
    return c.break_after && (!meaningful || c.break_penalty <= PhraseBreaks::kMeaningful);
  }
  double avail(size_t line_index) const { return line_available(spec_, begin_ == 0 && line_index == 0 ? 0 : 1); }
  // Whether clusters [i, j) fit on the segment's line `line_index`,
  // compressing punctuation as far as it goes.
  bool fits(size_t i, size_t j, size_t line_index) const {
    const LineFit f = m_.fit({begin_ + i, begin_ + j});
    const double over = f.natural - f.end_blank - f.start_blank - avail(line_index);
    return over <= f.inner_shrink + kEpsilon;
  }

  const Prepared& p_;
  const ParagraphSpec& spec_;
  const LineMeasure& m_;
  size_t begin_, end_;
  double em_ = 16;
};

}  // namespace

std::optional<std::vector<LineRange>> break_title(const Prepared& p, const ParagraphSpec& spec) {
  const auto& cs = p.clusters;
  if (cs.empty()) return std::vector<LineRange>{};
  const LineMeasure measure(p, spec.grid_size);
  std::vector<LineRange> out;
  size_t begin = 0;
  while (begin < cs.size()) {
    size_t end = begin;
    while (end < cs.size() && !cs[end].forced_break) ++end;
    end = std::min(end + 1, cs.size());
    if (end - begin > kMaxTitleClusters) return std::nullopt;
    const TitleSegment seg(p, spec, measure, begin, end);
    const size_t fewest = seg.fewest_lines();
    if (fewest == 0) return std::nullopt;
    // The fewest lines with meaningful breaks only; one line more rather
    // than a noun run torn; failing both, the fewest lines at any breaks.
    std::vector<LineRange> lines = seg.best(fewest, true);
    if (lines.empty()) lines = seg.best(fewest + 1, true);
    if (lines.empty()) lines = seg.best(fewest, false);
    if (lines.empty()) return std::nullopt;
    out.insert(out.end(), lines.begin(), lines.end());
    begin = end;
  }
  return out;
}

}  // namespace banshi
