#include "fonts/coverage.h"

#include <hb.h>

#include <bit>
#include <memory>

#include "fonts/font.h"

namespace banshi {

namespace {

struct SetDeleter {
  void operator()(hb_set_t* s) const { hb_set_destroy(s); }
};

}  // namespace

void Coverage::set(char32_t cp) {
  const uint32_t plane = static_cast<uint32_t>(cp) >> 16;
  if (plane >= kPlanes) return;
  std::vector<uint64_t>& bits = planes_[plane];
  if (bits.empty()) bits.assign(kWordsPerPlane, 0);
  const uint32_t low = static_cast<uint32_t>(cp) & 0xFFFFu;
  bits[low >> 6] |= uint64_t{1} << (low & 63u);
}

void Coverage::set_range(char32_t first, char32_t last) {
  for (char32_t cp = first; cp <= last; ++cp) {
    const uint32_t plane = static_cast<uint32_t>(cp) >> 16;
    if (plane >= kPlanes) return;
    std::vector<uint64_t>& bits = planes_[plane];
    if (bits.empty()) bits.assign(kWordsPerPlane, 0);
    const uint32_t low = static_cast<uint32_t>(cp) & 0xFFFFu;
    // Whole words at a time where the range allows.
    if ((low & 63u) == 0 && last - cp >= 63) {
      bits[low >> 6] = ~uint64_t{0};
      cp += 63;
      continue;
    }
    bits[low >> 6] |= uint64_t{1} << (low & 63u);
  }
}

Coverage Coverage::of(const Font& font) {
  std::unique_ptr<hb_set_t, SetDeleter> unicodes(hb_set_create());
  hb_face_collect_unicodes(font.hb_face(), unicodes.get());
  Coverage c;
  hb_codepoint_t first = HB_SET_VALUE_INVALID, last = HB_SET_VALUE_INVALID;
  // The cmap's code points, range by range. (A cmap entry pointing at
  // .notdef would count as coverage; fonts do not ship such entries, and
  // probing every code point through the cmap again cost more than the
  // whole layout of a report.)
  while (hb_set_next_range(unicodes.get(), &first, &last)) c.set_range(first, last);
  return c;
}

Coverage Coverage::restricted_to(const std::vector<CharRange>& ranges) const {
  if (ranges.empty()) return *this;
  Coverage c;
  for (const CharRange& r : ranges) {
    for (char32_t cp = r.first; cp <= r.last && cp < kPlanes * 0x10000; ++cp) {
      if (has(cp)) c.set(cp);
    }
  }
  return c;
}

size_t Coverage::count() const {
  size_t n = 0;
  for (const auto& bits : planes_) {
    for (uint64_t w : bits) n += static_cast<size_t>(std::popcount(w));
  }
  return n;
}

}  // namespace banshi
