#include "fonts/font.h"

#include <hb-ot.h>

// freetype_handle.h includes ft2build.h, which the FT_*_H macros need.
#include "fonts/freetype_handle.h"
#include FT_TRUETYPE_TABLES_H
#include FT_CID_H

#include "util/diag.h"

namespace banshi {

namespace {

bool has_table(hb_face_t* face, hb_tag_t tag) {
  hb_blob_t* b = hb_face_reference_table(face, tag);
  const bool present = hb_blob_get_length(b) > 0;
  hb_blob_destroy(b);
  return present;
}

const unsigned char* blob_bytes(hb_blob_t* blob, size_t& size) {
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  size = len;
  return reinterpret_cast<const unsigned char*>(data);
}

// The facts only FreeType reads, from the face's tables.
FaceFacts read_facts(hb_blob_t* blob, unsigned index, const std::string& name, Font::Outlines outlines) {
  FaceFacts out;
  size_t size = 0;
  const unsigned char* data = blob_bytes(blob, size);
  FreeTypeFace ft(data, size, index, name);
  out.family = ft->family_name ? ft->family_name : "";
  out.style = ft->style_name ? ft->style_name : "";
  if (const char* ps = FT_Get_Postscript_Name(ft.get())) out.ps_name = ps;
  if (out.ps_name.empty()) out.ps_name = "Font" + std::to_string(index);
  DescriptorFacts& d = out.descriptor;
  d.bbox = {ft->bbox.xMin, ft->bbox.yMin, ft->bbox.xMax, ft->bbox.yMax};
  if (const auto* post = static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(ft.get(), FT_SFNT_POST))) {
    d.italic_angle = static_cast<double>(post->italicAngle) / 65536.0;
    d.fixed_pitch = post->isFixedPitch != 0;
  }
  if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(ft.get(), FT_SFNT_OS2)); os2 && os2->version != 0xFFFF) {
    out.weight = os2->usWeightClass;
    d.has_os2 = true;
    d.typo_ascender = os2->sTypoAscender;
    d.typo_descender = os2->sTypoDescender;
    d.panose = {os2->panose[0], os2->panose[1]};
    d.fs_selection = os2->fsSelection;
    if (os2->version >= 2) d.cap_height = os2->sCapHeight;
  }
  if (outlines == Font::Outlines::CFF) {
    const char *registry = nullptr, *ordering = nullptr;
    FT_Int supplement = 0;
    if (FT_Get_CID_Registry_Ordering_Supplement(ft.get(), &registry, &ordering, &supplement) == 0 && registry &&
        ordering) {
      out.ros = CidSystemInfo{registry, ordering, supplement};
    }
  }
  return out;
}

}  // namespace

std::shared_ptr<const Font> Font::open(const std::filesystem::path& file, unsigned index, const FaceFacts* known) {
  const std::string name = file.string();
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(name.c_str());
  if (!blob) throw EngineError("font.cannot-read", {{"file", name}});
  // Owned from here on by the Font, so every early exit releases it.
  std::shared_ptr<Font> f(new Font());
  f->blob_ = blob;
  f->file_ = name;
  f->index_ = index;
  if (index >= hb_face_count(blob)) throw EngineError("font.no-face", {{"file", name}, {"index", index}});
  f->face_ = hb_face_create(blob, index);
  hb_face_make_immutable(f->face_);
  f->upem_ = hb_face_get_upem(f->face_);
  if (has_table(f->face_, HB_TAG('C', 'F', 'F', ' '))) {
    f->outlines_ = Outlines::CFF;
  } else if (has_table(f->face_, HB_TAG('g', 'l', 'y', 'f'))) {
    f->outlines_ = Outlines::TrueType;
  } else {
    // CFF2 (variable) and bitmap-only faces cannot be embedded as CIDFonts.
    throw EngineError("font.no-outlines", {{"file", name}});
  }

  if (known) f->facts_ = *known;
  else f->facts_ = read_facts(blob, index, name, f->outlines_);

  f->font_ = hb_font_create(f->face_);
  hb_font_set_scale(f->font_, static_cast<int>(f->upem_), static_cast<int>(f->upem_));
  hb_font_make_immutable(f->font_);
  hb_position_t asc = 0, desc = 0;
  if (hb_ot_metrics_get_position(f->font_, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc) &&
      hb_ot_metrics_get_position(f->font_, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc) && asc > 0) {
    f->ascender_ = asc;
    f->descender_ = desc;
  } else {
    f->ascender_ = static_cast<int32_t>(f->upem_ * 88 / 100);
    f->descender_ = -static_cast<int32_t>(f->upem_ * 12 / 100);
  }
  return f;
}

Font::Font() = default;

Font::~Font() {
  if (font_) hb_font_destroy(font_);
  if (face_) hb_face_destroy(face_);
  if (blob_) hb_blob_destroy(blob_);
}

uint32_t Font::glyph_for(char32_t cp) const {
  hb_codepoint_t g = 0;
  if (!hb_font_get_nominal_glyph(font_, cp, &g)) return 0;
  return g;
}

int32_t Font::advance(uint32_t gid) const { return hb_font_get_glyph_h_advance(font_, gid); }

std::optional<GlyphExtents> Font::extents(uint32_t gid) const {
  hb_glyph_extents_t e;
  if (!hb_font_get_glyph_extents(font_, gid, &e)) return std::nullopt;
  return GlyphExtents{e.x_bearing, e.y_bearing + e.height, e.x_bearing + e.width, e.y_bearing};
}

uint32_t Font::glyph_count() const { return hb_face_get_glyph_count(face_); }

uint32_t Font::cid_for_glyph(uint32_t gid) const {
  if (!cid_keyed()) return gid;
  std::lock_guard lock(cid_mutex_);
  if (!cid_face_) {
    size_t size = 0;
    const unsigned char* data = blob_bytes(blob_, size);
    cid_face_ = std::make_unique<FreeTypeFace>(data, size, index_, file_);
  }
  FT_UInt cid = gid;
  if (FT_Get_CID_From_Glyph_Index(cid_face_->get(), gid, &cid) != 0) return gid;
  return cid;
}

}  // namespace banshi
