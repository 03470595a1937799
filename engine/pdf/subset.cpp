#include "pdf/subset.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <set>

#include "fonts/freetype_handle.h"
#include "pdf/cff_subset.h"
#include "pdf/hb_ptr.h"
#include "util/diag.h"

#include FT_CID_H

namespace banshi::pdf {

namespace {

constexpr hb_tag_t kCff = HB_TAG('C', 'F', 'F', ' ');

// The tables a PDF font program needs. Everything else is dropped: layout
// tables would make hb-subset pull in glyphs reachable through GSUB, and
// cmap/name/post/OS/2 only add bytes (the PDF has its own widths, names and
// ToUnicode). Hinting (cvt/fpgm/prep) goes too: print output never uses it.
constexpr std::array<hb_tag_t, 6> kTrueTypeTables = {HB_TAG('g', 'l', 'y', 'f'), HB_TAG('l', 'o', 'c', 'a'),
                                                     HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'),
                                                     HB_TAG('h', 'm', 't', 'x'), HB_TAG('m', 'a', 'x', 'p')};

std::string blob_string(hb_blob_t* blob) {
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  return std::string(data ? data : "", data ? len : 0);
}

void drop_unneeded_tables(hb_face_t* face, bool cff, hb_set_t* drop) {
  unsigned total = hb_face_get_table_tags(face, 0, nullptr, nullptr);
  std::vector<hb_tag_t> tags(total);
  unsigned count = total;
  hb_face_get_table_tags(face, 0, &count, tags.data());
  for (unsigned i = 0; i < count; ++i) {
    const hb_tag_t t = tags[i];
    const bool keep =
        cff ? t == kCff : std::find(kTrueTypeTables.begin(), kTrueTypeTables.end(), t) != kTrueTypeTables.end();
    if (!keep) hb_set_add(drop, t);
  }
}

// hb-subset keeps a CID-keyed font's CIDs; if a HarfBuzz version ever
// renumbered them, text would still extract but render as wrong glyphs.
// Check the embedded charset itself rather than trusting that.
void verify_cids(const Font& font, const FontSubset& s) {
  FreeTypeFace ft(reinterpret_cast<const unsigned char*>(s.program.data()), s.program.size(), 0,
                  "CFF subset of " + font.file());
  for (const auto& [old_gid, code] : s.codes) {
    FT_UInt cid = 0;
    const uint32_t new_gid = s.new_gids.at(old_gid);
    if (FT_Get_CID_From_Glyph_Index(ft.get(), new_gid, &cid) != 0 || cid != code) {
      throw EngineError("subset.cid-mismatch",
                        {{"file", font.file()}, {"glyph", new_gid}, {"cid", cid}, {"expected", code}});
    }
  }
}

}  // namespace

std::string subset_tag(std::string_view program) {
  // FNV-1a over 8-byte words rather than bytes: the tag only has to follow
  // the program, and a byte at a time cost half a millisecond for the
  // ~500 KB body-font subset, on the path every render waits on.
  uint64_t h = 0xcbf29ce484222325ull ^ program.size();
  size_t i = 0;
  for (; i + 8 <= program.size(); i += 8) {
    uint64_t w = 0;
    std::memcpy(&w, program.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  for (; i < program.size(); ++i) h = (h ^ static_cast<unsigned char>(program[i])) * 0x100000001b3ull;
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

FontSubset subset_font(const Font& font, const std::vector<uint32_t>& glyphs, const SubsetOptions& options,
                       const std::vector<GlyphCopy>& copies) {
  const bool cff = font.outlines() == Font::Outlines::CFF;
  const uint32_t count = font.glyph_count();
  const auto fail = [&](MessageCode code, Args args = {}) {
    args.add({"file", font.file()});
    args.add({"index", font.index()});
    return EngineError(code, std::move(args));
  };
  for (uint32_t g : glyphs)
    if (g >= count) throw fail("subset.glyph-range", {{"glyph", g}});

  if (cff && font.cid_keyed() && !options.keep_cff_subroutines) {
    // The direct path for CID-keyed CFF (cff_subset.h): subroutines
    // flattened, as hb-subset's desubroutinize does, at a fraction of the cost.
    HbBlob table(hb_face_reference_table(font.hb_face(), kCff));
    unsigned len = 0;
    const char* data = hb_blob_get_data(table.get(), &len);
    if (auto direct = subset_cid_cff(std::string_view(data ? data : "", len), glyphs, false, copies)) {
      FontSubset s;
      s.font = &font;
      s.program = std::move(direct->cff);
      s.glyph_count = static_cast<unsigned>(direct->old_gids.size());
      // try_emplace: a copy's original glyph ID is its original's too.
      for (uint32_t k = 0; k < direct->old_gids.size(); ++k) s.new_gids.try_emplace(direct->old_gids[k], k);
      s.copy_codes = std::move(direct->copy_cids);
      for (uint32_t g : glyphs) s.codes.emplace(g, direct->cids[s.new_gids.at(g)]);
      s.cids = std::move(direct->cids);
      verify_cids(font, s);
      s.tag = subset_tag(s.program);
      return s;
    }
  }

  HbSubsetInput input(hb_subset_input_create_or_fail());
  if (!input) throw fail("subset.memory");
  hb_set_t* keep = hb_subset_input_glyph_set(input.get());
  hb_set_add(keep, 0);
  for (uint32_t g : glyphs) {
    if (g >= count) throw fail("subset.glyph-range", {{"glyph", g}});
    hb_set_add(keep, g);
  }
  unsigned flags = HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE;
  if (cff && !options.keep_cff_subroutines) flags |= HB_SUBSET_FLAGS_DESUBROUTINIZE;
  hb_subset_input_set_flags(input.get(), flags);
  drop_unneeded_tables(font.hb_face(), cff, hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG));

  HbSubsetPlan plan(hb_subset_plan_create_or_fail(font.hb_face(), input.get()));
  if (!plan) throw fail("subset.plan");
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());

  FontSubset s;
  s.font = &font;
  s.glyph_count = hb_map_get_population(old_to_new);
  for (uint32_t g : glyphs) {
    const hb_codepoint_t n = hb_map_get(old_to_new, g);
    if (n == HB_MAP_VALUE_INVALID) throw fail("subset.not-retained", {{"glyph", g}});
    s.new_gids.emplace(g, n);
    s.codes.emplace(g, cff && font.cid_keyed() ? font.cid_for_glyph(g) : n);
  }

  s.cids.resize(s.glyph_count);
  const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan.get());
  for (uint32_t n = 0; n < s.glyph_count; ++n) {
    s.cids[n] = cff && font.cid_keyed() ? font.cid_for_glyph(hb_map_get(new_to_old, n)) : n;
  }

  HbFace out(hb_subset_plan_execute_or_fail(plan.get()));
  if (!out) throw fail("subset.failed");
  HbBlob blob(cff ? hb_face_reference_table(out.get(), kCff) : hb_face_reference_blob(out.get()));
  s.program = blob_string(blob.get());
  if (s.program.empty()) throw fail("subset.empty");
  if (!cff && !copies.empty()) {
    // Only a glyph of the subset can be copied (each key once).
    std::vector<GlyphCopy> kept;
    std::vector<uint32_t> sources;  // the subset's glyph each copy draws
    std::set<CopyKey> seen;
    for (const GlyphCopy& c : copies) {
      const auto it = s.new_gids.find(c.key.gid);
      if (it == s.new_gids.end() || !seen.insert(c.key).second) continue;
      kept.push_back(c);
      sources.push_back(it->second);
    }
    if (auto with_copies = kept.empty() ? std::nullopt : append_truetype_copies(s.program, kept, sources)) {
      s.program = std::move(*with_copies);
      for (const GlyphCopy& c : kept) {
        s.copy_codes.emplace(c.key, s.glyph_count);
        s.cids.push_back(s.glyph_count++);
      }
    }
  }
  if (cff && font.cid_keyed()) verify_cids(font, s);
  s.tag = subset_tag(s.program);
  return s;
}

}  // namespace banshi::pdf
