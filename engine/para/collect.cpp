#include "para/collect.h"

#include <algorithm>

namespace banshi {

namespace {

bool same(const SpanStyle& a, const SpanStyle& b) {
  return a.face == b.face && a.size == b.size && a.bold == b.bold && a.baseline_shift == b.baseline_shift &&
         a.emphasis_dots == b.emphasis_dots && a.link == b.link && a.attached == b.attached &&
         a.footnote == b.footnote && a.box_width == b.box_width;
}

}  // namespace

void CollectedText::push(std::string_view s, const SpanStyle& style, SourcePos from) {
  if (s.empty()) return;
  const size_t begin = text.size();
  if (from.line > 0 || !sources.empty()) sources.emplace_back(begin, from);
  text += s;
  // A marker always starts its own span, so two adjacent markers stay two.
  if (!spans.empty() && spans.back().end == begin && !style.attached && same(styles[spans.back().style], style)) {
    spans.back().end = text.size();
    return;
  }
  if (styles.empty() || !same(styles.back(), style)) styles.push_back(style);
  spans.push_back({begin, text.size(), styles.size() - 1});
}

SourcePos CollectedText::source_at(size_t at) const {
  auto it = std::upper_bound(sources.begin(), sources.end(), at,
                             [](size_t offset, const auto& source) { return offset < source.first; });
  return it == sources.begin() ? SourcePos{} : std::prev(it)->second;
}

}  // namespace banshi
