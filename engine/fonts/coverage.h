// Which code points a font has, as a bitmap per Unicode plane.
//
// font_for() asks this for every character of every paragraph, from many
// render jobs at once. HarfBuzz's own cmap lookup would do, but its caches
// (and those of hb_set_t, whose lookups write a "last page" hint) are not
// meant to be hammered from several threads; a plain bitmap that is never
// written after construction is lock-free and a couple of instructions per
// lookup. Planes the font does not touch cost nothing; a CJK font with
// Extension B costs 16 KiB.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "fonts/font.h"

namespace banshi {

class Font;

// An inclusive range of code points, as in CSS unicode-range.
struct CharRange {
  char32_t first = 0;
  char32_t last = 0;
  bool operator==(const CharRange&) const = default;
};

class Coverage {
 public:
  // Every code point the font's cmap maps to a real glyph.
  static Coverage of(const Font& font);

  // This coverage limited to `ranges` (all of it when `ranges` is empty).
  Coverage restricted_to(const std::vector<CharRange>& ranges) const;

  bool has(char32_t cp) const {
    const uint32_t plane = static_cast<uint32_t>(cp) >> 16;
    if (plane >= kPlanes) return false;
    const std::vector<uint64_t>& bits = planes_[plane];
    if (bits.empty()) return false;
    const uint32_t low = static_cast<uint32_t>(cp) & 0xFFFFu;
    return (bits[low >> 6] >> (low & 63u)) & 1u;
  }

  // Number of code points covered (for reports and tests).
  size_t count() const;

 private:
  static constexpr uint32_t kPlanes = 17;
  static constexpr size_t kWordsPerPlane = 0x10000 / 64;
  void set(char32_t cp);

  std::array<std::vector<uint64_t>, kPlanes> planes_;
};

// A font's coverage computed on first use: most fonts of a fallback chain
// (HanaMin for rare characters, Symbola for symbols) are never consulted
// by a report, and reading their cmaps was a third of loading the fonts.
// Thread-safe: parallel jobs may ask at once.
class LazyCoverage {
 public:
  LazyCoverage(FontPtr font, std::vector<CharRange> limit = {}) : font_(std::move(font)), limit_(std::move(limit)) {}

  bool has(char32_t cp) const { return get().has(cp); }
  const Coverage& get() const {
    std::call_once(once_, [this] {
      coverage_ = Coverage::of(*font_);
      if (!limit_.empty()) coverage_ = coverage_.restricted_to(limit_);
    });
    return coverage_;
  }

 private:
  FontPtr font_;
  std::vector<CharRange> limit_;
  mutable std::once_flag once_;
  mutable Coverage coverage_;
};

}  // namespace banshi
