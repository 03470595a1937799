#include "fonts/coverage.h"

#include <hb.h>

#include <array>
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

Coverage Coverage::of(const Font& font) {
  std::unique_ptr<hb_set_t, SetDeleter> unicodes(hb_set_create());
  hb_face_collect_unicodes(font.hb_face(), unicodes.get());
  Coverage c;
  // The cmap's code points, a batch at a time. (A cmap entry pointing at
  // .notdef would count as coverage; fonts do not ship such entries, and
  // probing every code point through the cmap again cost more than the
  // whole layout of a report.) hb_set_next_range, range by range, took
  // five times as long: a CJK cmap has thousands of short ranges, and
  // each call searches the set afresh.
  std::array<hb_codepoint_t, 1024> batch;
  hb_codepoint_t after = HB_SET_VALUE_INVALID;
  uint64_t* bits = nullptr;  // the plane of the code point before (they come in order)
  uint32_t plane = kPlanes;
  while (const unsigned n = hb_set_next_many(unicodes.get(), after, batch.data(), batch.size())) {
    for (unsigned k = 0; k < n; ++k) {
      const uint32_t cp = batch[k];
      if (cp >> 16 != plane) {
        plane = cp >> 16;
        if (plane >= kPlanes) return c;
        if (c.planes_[plane].empty()) c.planes_[plane].assign(kWordsPerPlane, 0);
        bits = c.planes_[plane].data();
      }
      bits[(cp & 0xFFFFu) >> 6] |= uint64_t{1} << (cp & 63u);
    }
    after = batch[n - 1];
  }
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
