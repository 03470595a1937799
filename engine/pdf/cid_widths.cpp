#include "pdf/cid_widths.h"

#include <cstddef>

namespace banshi::pdf {

CidWidths compute_cid_widths(const std::map<uint32_t, int>& widths) {
  CidWidths out;
  if (widths.empty()) return out;
  std::map<int, std::size_t> frequency;
  for (const auto& [code, w] : widths) ++frequency[w];
  // Most frequent width; ties go to the smaller width (map order), so the
  // choice never depends on anything but the widths.
  std::size_t best = 0;
  for (const auto& [w, n] : frequency) {
    if (n > best) {
      best = n;
      out.dw = w;
    }
  }
  for (const auto& [code, w] : widths) {
    if (w == out.dw) continue;
    CidWidths::Group* last = out.groups.empty() ? nullptr : &out.groups.back();
    if (last && last->first + last->widths.size() == code) {
      last->widths.push_back(w);
    } else {
      out.groups.push_back({code, {w}});
    }
  }
  return out;
}

}  // namespace banshi::pdf
