#include "para/compose.h"

#include <algorithm>

#include "para/measure.h"
#include "para/title_breaks.h"

namespace banshi {

namespace {

// What the chosen breaks cost by their own penalties (a title's breaks
// inside words or between them).
double break_penalties(const Prepared& p, const std::vector<LineRange>& ranges) {
  double sum = 0;
  for (size_t i = 0; i + 1 < ranges.size(); ++i) sum += p.clusters[ranges[i].end - 1].break_penalty;
  return sum;
}

// The narrowest measure that still sets the paragraph in as many lines as
// the full measure does, with breaks no worse: its lines come out about
// equally long, and a title is not torn inside a word to get there.
double balanced_measure(const Prepared& p, const ParagraphSpec& spec, Breaker breaker, const LineMeasure& measure,
                        const std::vector<LineRange>& full) {
  const size_t lines = full.size();
  const double penalties = break_penalties(p, full);
  // Never narrower than the widest character: a column of one character
  // per line (a vertical table label) stays as wide as the character.
  double widest = 0;
  for (const Cluster& c : p.clusters) widest = std::max(widest, c.width);
  double lo = std::max(spec.measure / static_cast<double>(lines), widest + spec.indent), hi = spec.measure;
  if (lo >= hi) return hi;
  ParagraphSpec trial = spec;
  for (int step = 0; step < 12 && hi - lo > 0.5; ++step) {
    trial.measure = (lo + hi) / 2;
    const auto ranges = break_lines(p, trial, breaker, measure);
    if (ranges.size() <= lines && break_penalties(p, ranges) <= penalties) hi = trial.measure;
    else lo = trial.measure;
  }
  return hi;
}

}  // namespace

ComposedParagraph ParagraphComposer::compose(const CollectedText& text, const ParagraphSpec& spec_in) {
  ComposedParagraph out;
  ParagraphSpec spec = spec_in;
  const Prepared prepared = [&] {
    const ScopedTimer timer(timings_, "layout/prepare");
    return preparer_.prepare(text, spec);
  }();
  const ScopedTimer timer(timings_, "layout/break");
  // A title kept in phrases chooses its breaks and shape itself (lines
  // centred one by one); other balanced paragraphs narrow their measure.
  std::optional<std::vector<LineRange>> title;
  if (spec.balance && spec.break_in_phrases) title = break_title(prepared, spec);
  // One measure for the breaks and the lines set at them (it depends on
  // the paragraph and its grid size, not on the measure balancing narrows).
  const LineMeasure measure(prepared, spec.grid_size);
  auto ranges = title ? std::move(*title) : break_lines(prepared, spec, breaker_, measure);
  double shift = 0;
  if (spec.balance && !title && ranges.size() > 1) {
    const double narrow = balanced_measure(prepared, spec, breaker_, measure, ranges);
    shift = (spec.measure - narrow) / 2;
    spec.measure = narrow;
    ranges = break_lines(prepared, spec, breaker_, measure);
  }
  out.lines.reserve(ranges.size());
  for (size_t i = 0; i < ranges.size(); ++i) {
    const bool last =
        i + 1 == ranges.size() || (ranges[i].end > 0 && prepared.clusters[ranges[i].end - 1].forced_break);
    const LineLayout set = set_line(prepared, measure, ranges[i], spec, i, last);
    out.lines.push_back(finalize_line(prepared, set));
    if (shift != 0) shift_line(out.lines.back(), shift);
  }
  return out;
}

}  // namespace banshi
