#include "layout/table_widths.h"

#include <algorithm>
#include <numeric>

namespace banshi {

namespace {

// Adds `extra` to `values` in proportion to `weights` (equally when the
// weights are all zero).
void spread(std::vector<double>& values, const std::vector<double>& weights, double extra) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  const auto n = static_cast<double>(values.size());
  for (size_t k = 0; k < values.size(); ++k) values[k] += extra * (total > 0 ? weights[k] / total : 1 / n);
}

}  // namespace

std::vector<ColumnBounds> column_bounds(int cols, const std::vector<CellWidthNeed>& needs) {
  std::vector<ColumnBounds> out(static_cast<size_t>(std::max(cols, 0)));
  for (const CellWidthNeed& n : needs) {
    if (n.colspan != 1) continue;
    ColumnBounds& b = out[static_cast<size_t>(n.col)];
    b.min = std::max(b.min, n.min);
    b.max = std::max(b.max, n.max);
  }
  // Narrow spans first: a wide span then sees columns already widened by
  // the narrower ones inside it and asks for less.
  std::vector<const CellWidthNeed*> spans;
  for (const CellWidthNeed& n : needs)
    if (n.colspan > 1) spans.push_back(&n);
  std::stable_sort(spans.begin(), spans.end(),
                   [](const CellWidthNeed* a, const CellWidthNeed* b) { return a->colspan < b->colspan; });
  for (const CellWidthNeed* n : spans) {
    const auto first = static_cast<size_t>(n->col);
    const auto count = static_cast<size_t>(n->colspan);
    std::vector<double> mins(count), maxs(count);
    for (size_t k = 0; k < count; ++k) {
      mins[k] = out[first + k].min;
      maxs[k] = out[first + k].max;
    }
    const double have_min = std::accumulate(mins.begin(), mins.end(), 0.0);
    const double have_max = std::accumulate(maxs.begin(), maxs.end(), 0.0);
    // Columns that already want more get more of the spanning cell's need.
    const std::vector<double> weights = maxs;
    if (n->min > have_min) spread(mins, weights, n->min - have_min);
    if (n->max > have_max) spread(maxs, weights, n->max - have_max);
    for (size_t k = 0; k < count; ++k) {
      out[first + k].min = mins[k];
      out[first + k].max = maxs[k];
    }
  }
  for (ColumnBounds& b : out) b.max = std::max(b.max, b.min);
  return out;
}

std::vector<double> distribute_width(const std::vector<ColumnBounds>& columns, double width) {
  const size_t n = columns.size();
  std::vector<double> out(n, 0.0);
  if (n == 0) return out;
  double sum_min = 0, sum_max = 0;
  std::vector<double> mins(n), maxs(n), room(n);
  for (size_t k = 0; k < n; ++k) {
    mins[k] = columns[k].min;
    maxs[k] = columns[k].max;
    room[k] = maxs[k] - mins[k];
    sum_min += mins[k];
    sum_max += maxs[k];
  }
  if (sum_max <= width) {
    out = maxs;
    spread(out, maxs, width - sum_max);
  } else if (sum_min <= width) {
    // Short columns first: a column whose whole text is narrower than an
    // even share of the width gets it all (as long as the others keep
    // their minima), so "纪念场馆" is not broken as "纪念场/馆" to give a
    // long column a few points it cannot use to save a line anyway.
    std::vector<bool> fixed(n, false);
    double left = width, rest_min = sum_min;
    for (bool changed = true; changed;) {
      changed = false;
      const auto open_count = static_cast<double>(std::count(fixed.begin(), fixed.end(), false));
      if (open_count == 0) break;
      for (size_t k = 0; k < n; ++k) {
        if (fixed[k] || maxs[k] > left / open_count) continue;
        if (left - maxs[k] < rest_min - mins[k]) continue;
        fixed[k] = true;
        out[k] = maxs[k];
        left -= maxs[k];
        rest_min -= mins[k];
        changed = true;
        break;  // the even share changes with every fixed column
      }
    }
    // The others: minimum plus a share of what is left in proportion to how
    // much more they would like (max − min).
    std::vector<size_t> open;
    std::vector<double> share, weight;
    for (size_t k = 0; k < n; ++k)
      if (!fixed[k]) {
        open.push_back(k);
        share.push_back(mins[k]);
        weight.push_back(room[k]);
      }
    spread(share, weight, left - rest_min);  // never empty: Σmax > width
    for (size_t k = 0; k < open.size(); ++k) out[open[k]] = share[k];
  } else {
    // Too narrow for the content: the text will be set overfull, so keep
    // at least the proportions of what the columns need.
    spread(out, mins, width);
  }
  return out;
}

}  // namespace banshi
