// The /DW and /W entries of a CIDFont: the most common width as the
// default, and only the widths that differ from it, grouped by runs of
// consecutive codes.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

namespace banshi::pdf {

struct CidWidths {
  int dw = 1000;
  struct Group {
    uint32_t first = 0;       // first code of a run of consecutive codes
    std::vector<int> widths;  // one per code from `first` on
  };
  std::vector<Group> groups;  // written as  first [w w …]  first [w …] …
};

// `widths`: code → advance in glyph space (1000 units per em).
CidWidths compute_cid_widths(const std::map<uint32_t, int>& widths);

}  // namespace banshi::pdf
