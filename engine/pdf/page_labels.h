// PDF page labels from the printed page numbers, so a viewer's page box
// shows what is printed on the page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "page/display_list.h"
#include "pdf/haru_doc.h"

namespace banshi::pdf {

// One page-label range: from page `first` on, `prefix` followed by decimal
// numbers counting up from `start` (no number when `start` is unset).
struct LabelRange {
  size_t first = 0;
  std::string prefix;
  std::optional<long> start;
  bool operator==(const LabelRange&) const = default;
};

// The fewest ranges that give every page its Page::label: a label ending in
// digits is a prefix plus a decimal number, anything else (and the empty
// label of unnumbered pages) is a prefix alone. Empty when no page has a
// label, so viewers keep showing plain page numbers.
std::vector<LabelRange> label_ranges(const std::vector<Page>& pages);

// Writes `ranges` (ascending `first`) as the document's /PageLabels.
void add_label_ranges(HaruDoc& pdf, const std::vector<LabelRange>& ranges);

// add_label_ranges(label_ranges(pages)).
void add_page_labels(HaruDoc& pdf, const std::vector<Page>& pages);

}  // namespace banshi::pdf
