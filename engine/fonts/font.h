// One font face loaded from a file (a .ttf/.otf, or one face of a .ttc):
// the HarfBuzz objects that shaping and subsetting use, and the facts about
// the face that the PDF writer needs. Immutable once opened, so one Font is
// shared read-only by every render job of a batch.
#pragma once

#include <hb.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace banshi {

class FreeTypeFace;

struct CidSystemInfo {
  std::string registry;  // "Adobe"
  std::string ordering;  // "GB1", "Identity"
  int supplement = 0;
  bool operator==(const CidSystemInfo&) const = default;
};

// What a PDF FontDescriptor says about a face, read from its tables when the
// face is opened (so the writer never opens the font file a second time).
struct DescriptorFacts {
  std::array<long, 4> bbox{};  // font units: x_min, y_min, x_max, y_max
  double italic_angle = 0;     // post.italicAngle, degrees
  bool fixed_pitch = false;    // post.isFixedPitch
  bool has_os2 = false;        // the rest is from OS/2, when present
  int typo_ascender = 0, typo_descender = 0;
  std::array<unsigned char, 2> panose{};  // family kind, serif style
  unsigned fs_selection = 0;
  int cap_height = 0;  // OS/2 version 2 and later; 0 = not given
  bool operator==(const DescriptorFacts&) const = default;
};

// What a face says about itself that only FreeType reads (names, OS/2,
// post, the CID charset's ROS): the slow part of opening a font, so the
// font cache (fonts/font_cache.h) keeps it and a cached open skips
// FreeType altogether.
struct FaceFacts {
  std::string family, style, ps_name;
  int weight = 400;  // OS/2 usWeightClass, 400 if absent
  DescriptorFacts descriptor;
  std::optional<CidSystemInfo> ros;
  bool operator==(const FaceFacts&) const = default;
};

struct GlyphExtents {
  int32_t x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // font units, y up
};

class Font {
 public:
  enum class Outlines { TrueType, CFF };

  // Opens face `index` of `file`. The file is mapped, not copied. Throws
  // EngineError with the path when the file is missing or not a font.
  // With `known` (the facts a previous open of the same file read), FreeType
  // is not asked again.
  static std::shared_ptr<const Font> open(const std::filesystem::path& file, unsigned index = 0,
                                          const FaceFacts* known = nullptr);

  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  const std::string& file() const { return file_; }
  unsigned index() const { return index_; }
  const std::string& family() const { return facts_.family; }
  const std::string& style() const { return facts_.style; }
  const std::string& postscript_name() const { return facts_.ps_name; }
  const FaceFacts& facts() const { return facts_; }
  Outlines outlines() const { return outlines_; }
  // CID-keyed CFF (a ROS in the CFF's top dict): content codes are CIDs.
  bool cid_keyed() const { return facts_.ros.has_value(); }
  const std::optional<CidSystemInfo>& ros() const { return facts_.ros; }
  unsigned upem() const { return upem_; }
  int weight() const { return facts_.weight; }  // OS/2 usWeightClass, 400 if absent
  const DescriptorFacts& descriptor_facts() const { return facts_.descriptor; }

  // Typographic ascender/descender in font units (descender negative).
  int32_t ascender() const { return ascender_; }
  int32_t descender() const { return descender_; }

  hb_face_t* hb_face() const { return face_; }
  hb_font_t* hb_font() const { return font_; }  // scale = upem
  hb_blob_t* blob() const { return blob_; }

  // Glyph for a code point through the cmap; 0 when the face lacks it.
  uint32_t glyph_for(char32_t cp) const;
  bool covers(char32_t cp) const { return glyph_for(cp) != 0; }
  int32_t advance(uint32_t gid) const;  // font units
  std::optional<GlyphExtents> extents(uint32_t gid) const;
  uint32_t glyph_count() const;

  // The code a PDF content stream uses for this glyph: the CID from the
  // charset for CID-keyed CFF, the glyph ID otherwise.
  uint32_t cid_for_glyph(uint32_t gid) const;

 private:
  Font();

  std::string file_;
  unsigned index_ = 0;
  FaceFacts facts_;
  Outlines outlines_ = Outlines::TrueType;
  unsigned upem_ = 1000;
  int32_t ascender_ = 880, descender_ = -120;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;

  // CIDs of a CID-keyed CFF come from its charset through FreeType: the
  // face is opened on first use and kept (behind a lock: FreeType faces
  // are not thread-safe) — only the glyphs a document uses are looked up.
  mutable std::mutex cid_mutex_;
  mutable std::unique_ptr<FreeTypeFace> cid_face_;
};

using FontPtr = std::shared_ptr<const Font>;

}  // namespace banshi
