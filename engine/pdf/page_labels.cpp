#include "pdf/page_labels.h"

#include <hpdf_catalog.h>

#include <algorithm>

namespace banshi::pdf {

namespace {

// Trailing ASCII digits (at most 9, so the number fits a PDF integer).
LabelRange split_label(const std::string& label, size_t page) {
  size_t digits = 0;
  while (digits < label.size() && digits < 9 && label[label.size() - 1 - digits] >= '0' &&
         label[label.size() - 1 - digits] <= '9') {
    ++digits;
  }
  const long number = digits > 0 ? std::stol(label.substr(label.size() - digits)) : 0;
  // PDF numbering starts at 1; a printed "0" can only be kept as text.
  if (number < 1) return LabelRange{page, label, std::nullopt};
  return LabelRange{page, label.substr(0, label.size() - digits), number};
}

}  // namespace

std::vector<LabelRange> label_ranges(const std::vector<Page>& pages) {
  std::vector<LabelRange> ranges;
  if (std::all_of(pages.begin(), pages.end(), [](const Page& p) { return p.label.empty(); })) return ranges;
  for (size_t i = 0; i < pages.size(); ++i) {
    LabelRange here = split_label(pages[i].label, i);
    if (!ranges.empty()) {
      const LabelRange& prev = ranges.back();
      const bool continues =
          prev.prefix == here.prefix &&
          (prev.start ? here.start && *here.start == *prev.start + static_cast<long>(i - prev.first) : !here.start);
      if (continues) continue;
    }
    ranges.push_back(std::move(here));
  }
  return ranges;
}

void add_label_ranges(HaruDoc& pdf, const std::vector<LabelRange>& ranges) {
  for (const LabelRange& r : ranges) {
    // An empty dictionary labels pages with the empty string.
    HPDF_Dict label = pdf.new_dict();
    if (r.start) {
      pdf.add_name(label, "S", "D");
      if (*r.start != 1) pdf.add_int(label, "St", *r.start);
    }
    if (!r.prefix.empty()) pdf.add_text_string(label, "P", r.prefix);
    pdf.check(HPDF_Catalog_AddPageLabel(pdf.get()->catalog, static_cast<HPDF_UINT>(r.first), label),
              "adding a page label");
  }
}

void add_page_labels(HaruDoc& pdf, const std::vector<Page>& pages) { add_label_ranges(pdf, label_ranges(pages)); }

}  // namespace banshi::pdf
