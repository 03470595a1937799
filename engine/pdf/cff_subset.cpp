#include "pdf/cff_subset.h"

#include <algorithm>
#include <map>
#include <set>

#include "pdf/cff_charstring.h"
#include "pdf/cff_tables.h"

namespace banshi::pdf {

using namespace cff;

std::optional<CffSubset> subset_cid_cff(std::string_view cff, const std::vector<uint32_t>& glyphs, bool keep_hints,
                                        const std::vector<GlyphCopy>& copies) {
  Reader r{cff};
  if (r.u8(0) != 1) return std::nullopt;  // CFF version 1 only
  const size_t header = r.u8(2);
  auto names = Index::read(cff, header);
  if (!names) return std::nullopt;
  auto tops = Index::read(cff, names->end());
  if (!tops || tops->size() != 1 || !tops->at(0)) return std::nullopt;
  auto strings = Index::read(cff, tops->end());
  if (!strings) return std::nullopt;
  auto gsubrs = Index::read(cff, strings->end());
  if (!gsubrs) return std::nullopt;
  const auto top = read_dict(*tops->at(0));
  if (!top || !find(*top, kRos)) return std::nullopt;  // name-keyed: hb-subset
  const DictEntry* cs_at = find(*top, kCharStrings);
  const DictEntry* charset_at = find(*top, kCharset);
  const DictEntry* fdarray_at = find(*top, kFdArray);
  const DictEntry* fdselect_at = find(*top, kFdSelect);
  if (!cs_at || !charset_at || !fdarray_at || !fdselect_at || cs_at->operands.size() != 1 ||
      charset_at->operands.size() != 1 || fdarray_at->operands.size() != 1 || fdselect_at->operands.size() != 1)
    return std::nullopt;
  auto fdarray = Index::read(cff, static_cast<size_t>(fdarray_at->operands[0]));
  if (!fdarray || fdarray->empty() || fdarray->size() > 255) return std::nullopt;

  // Font DICTs with their Private DICTs and local subroutines, copied whole.
  size_t subr_count = gsubrs->size();  // counts subroutines, global and local
  struct Fd {
    std::vector<DictEntry> dict;
    std::vector<DictEntry> priv;
    std::string_view subrs;  // the local Subrs INDEX as bytes, or empty
    std::optional<Index> subr_items;
  };
  std::vector<Fd> fds;
  for (size_t k = 0; k < fdarray->size(); ++k) {
    Fd fd;
    const auto item = fdarray->at(k);
    if (!item) return std::nullopt;
    auto dict = read_dict(*item);
    if (!dict) return std::nullopt;
    fd.dict = std::move(*dict);
    const DictEntry* priv = find(fd.dict, kPrivate);
    if (!priv || priv->operands.size() != 2) return std::nullopt;
    const auto psize = static_cast<size_t>(priv->operands[0]), poff = static_cast<size_t>(priv->operands[1]);
    if (poff + psize > cff.size()) return std::nullopt;
    auto pdict = read_dict(cff.substr(poff, psize));
    if (!pdict) return std::nullopt;
    fd.priv = std::move(*pdict);
    if (const DictEntry* subrs = find(fd.priv, kSubrs)) {
      if (subrs->operands.size() != 1) return std::nullopt;
      const size_t at = poff + static_cast<size_t>(subrs->operands[0]);
      auto idx = Index::read(cff, at);
      if (!idx) return std::nullopt;
      fd.subrs = cff.substr(at, idx->end() - at);
      subr_count += idx->size();
      fd.subr_items = std::move(idx);
    }
    fds.push_back(std::move(fd));
  }
  // With subroutines, every kept charstring is flattened and the subset
  // carries none.
  const bool flatten = subr_count > 0;

  auto charstrings = Index::read(cff, static_cast<size_t>(cs_at->operands[0]));
  if (!charstrings || charstrings->empty()) return std::nullopt;
  const auto count = static_cast<uint32_t>(charstrings->size());
  auto font_charset = read_charset(r, static_cast<size_t>(charset_at->operands[0]), count);
  auto fdsel = read_fdselect(r, static_cast<size_t>(fdselect_at->operands[0]), count, fdarray->size());
  if (!font_charset || !fdsel) return std::nullopt;
  const std::vector<uint32_t>& cids = font_charset->cids;

  CffSubset out;
  out.old_gids.push_back(0);
  std::vector<uint32_t> keep(glyphs.begin(), glyphs.end());
  std::sort(keep.begin(), keep.end());
  keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
  for (uint32_t g : keep) {
    if (g >= count) return std::nullopt;
    if (g != 0) out.old_gids.push_back(g);
  }
  const auto originals = static_cast<uint32_t>(out.old_gids.size());
  out.cids.reserve(originals + copies.size());
  for (uint32_t g : out.old_gids) out.cids.push_back(cids[g]);
  // Copies: CIDs above every CID of the font, so none names a glyph of
  // the font; once those run out (Noto CJK's CIDs reach 65534), CIDs the
  // subset does not hold, from the font's largest down.
  const uint32_t largest = font_charset->largest;
  std::set<uint32_t> taken;  // the subset's CIDs, once needed
  uint32_t next_cid = largest + 1;
  uint32_t free_cid = std::min<uint32_t>(largest, 0xFFFE);
  const auto new_cid = [&]() -> std::optional<uint32_t> {
    if (next_cid <= 0xFFFE) return next_cid++;
    if (taken.empty()) taken.insert(out.cids.begin(), out.cids.begin() + originals);
    while (free_cid > 0 && taken.count(free_cid)) --free_cid;
    if (free_cid == 0) return std::nullopt;
    return free_cid--;
  };
  std::vector<int32_t> copy_widths;  // each copy's advance
  for (const GlyphCopy& c : copies) {
    // Only a glyph of the subset can be copied: the copy calls its outline.
    if (c.key.gid == 0 || !std::binary_search(keep.begin(), keep.end(), c.key.gid) || out.copy_cids.count(c.key))
      continue;
    const auto cid = new_cid();
    if (!cid) continue;
    out.copy_cids.emplace(c.key, *cid);
    out.old_gids.push_back(c.key.gid);
    out.cids.push_back(*cid);
    copy_widths.push_back(c.advance);
  }
  const auto n = static_cast<uint32_t>(out.old_gids.size());

  // The parts, then their offsets.
  std::string charset;
  charset += static_cast<char>(0);  // format 0: one CID per glyph after .notdef
  for (uint32_t k = 1; k < n; ++k) put16(charset, out.cids[k]);
  std::string fdselect;
  fdselect += static_cast<char>(0);  // format 0: one FD per glyph
  for (uint32_t g : out.old_gids) fdselect += static_cast<char>((*fdsel)[g]);
  std::vector<std::string> stripped;
  stripped.reserve(n);
  Flattener flattener(*gsubrs);
  for (uint32_t k = 0; k < originals; ++k) {
    const uint32_t g = out.old_gids[k];
    const auto item = charstrings->at(g);
    if (!item) return std::nullopt;
    std::string_view cs = *item;  // read in place: strip_hints makes the one copy
    std::optional<std::string> flat;
    if (flatten) {
      const Fd& fd = fds[(*fdsel)[g]];
      flat = flattener.flatten(cs, fd.subr_items && !fd.subr_items->empty() ? &*fd.subr_items : nullptr);
      if (!flat) return std::nullopt;  // hb-subset then
      cs = *flat;
    }
    stripped.push_back(!keep_hints ? strip_hints(cs) : flat ? std::move(*flat) : std::string(cs));
  }
  // Copies share their original's outline: it moves into a global
  // subroutine that the original and each copy call after their own
  // width (the subset has no other subroutines: flattened, or none to
  // begin with). A copy then costs a few bytes instead of a whole
  // charstring (FandolFang's average a third of a kilobyte deflated).
  std::map<uint32_t, uint32_t> subr_of;  // original's new glyph ID → subroutine
  for (uint32_t k = originals; k < n; ++k) {
    const auto original = std::lower_bound(out.old_gids.begin() + 1, out.old_gids.begin() + originals, out.old_gids[k]);
    if (original == out.old_gids.begin() + originals || *original != out.old_gids[k]) return std::nullopt;
    subr_of.try_emplace(static_cast<uint32_t>(original - out.old_gids.begin()), 0);
  }
  std::vector<std::string> shared;
  const auto subr_bias = static_cast<int32_t>(Flattener::subr_bias(subr_of.size()));
  for (auto& [k, number] : subr_of) {  // in glyph order: deterministic
    auto split = split_width(stripped[k]);
    if (!split) return std::nullopt;
    number = static_cast<uint32_t>(shared.size());
    shared.push_back(std::move(split->body));
    std::string call = std::move(split->width);
    put_number(call, static_cast<int32_t>(number) - subr_bias);
    call += static_cast<char>(29);  // callgsubr
    stripped[k] = std::move(call);
  }
  for (uint32_t k = originals; k < n; ++k) {
    // The width the gap adds, relative to the glyph's Private DICT's nominal width.
    const uint32_t g = out.old_gids[k];
    const auto original = std::lower_bound(out.old_gids.begin() + 1, out.old_gids.begin() + originals, g);
    const DictEntry* nominal = find(fds[(*fdsel)[g]].priv, 21);
    const double nominal_x = nominal && nominal->operands.size() == 1 ? nominal->operands[0] : 0;
    const int32_t width = copy_widths[k - originals] - static_cast<int32_t>(nominal_x);
    if (width < -32768 || width > 32767) return std::nullopt;
    std::string cs;
    put_number(cs, width);
    put_number(cs,
               static_cast<int32_t>(subr_of.at(static_cast<uint32_t>(original - out.old_gids.begin()))) - subr_bias);
    cs += static_cast<char>(29);
    stripped.push_back(std::move(cs));
  }
  const std::string cs_index = write_index(std::vector<std::string_view>(stripped.begin(), stripped.end()));

  // Private DICTs (each followed by its Subrs, so Subrs' offset — relative
  // to the Private DICT — is the DICT's own size).
  std::vector<std::string> privs;
  for (Fd& fd : fds) {
    if (flatten) {
      // No local subroutines left: the Private DICT loses its Subrs.
      std::erase_if(fd.priv, [](const DictEntry& e) { return e.op == kSubrs; });
      fd.subrs = {};
    }
    std::map<int, std::vector<int32_t>> rep;
    if (!fd.subrs.empty()) rep[kSubrs] = {0};
    std::string p = rewrite_dict(fd.priv, rep);
    if (!fd.subrs.empty()) p = rewrite_dict(fd.priv, {{kSubrs, {static_cast<int32_t>(p.size())}}});
    privs.push_back(std::move(p));
  }

  // Sizes are fixed (five-byte offsets), so lay the file out in one pass.
  const std::string head(cff.substr(0, header));
  const std::string_view name_index = cff.substr(header, names->end() - header);
  const std::string_view string_index = cff.substr(tops->end(), strings->end() - tops->end());
  static constexpr char kEmptyIndex[] = {0, 0};
  const std::string shared_index = write_index(std::vector<std::string_view>(shared.begin(), shared.end()));
  const std::string_view gsubr_index = !shared.empty() ? std::string_view(shared_index)
                                       : flatten       ? std::string_view(kEmptyIndex, 2)
                                                       : cff.substr(strings->end(), gsubrs->end() - strings->end());
  const std::map<int, std::vector<int32_t>> top_placeholder{
      {kCharset, {0}}, {kCharStrings, {0}}, {kFdArray, {0}}, {kFdSelect, {0}}};
  const size_t top_size = rewrite_dict(*top, top_placeholder).size();
  const size_t top_index_size = write_index({std::string_view(std::string(top_size, '\0'))}).size();
  // FDArray INDEX size: each Font DICT with a five-byte Private operator.
  std::vector<size_t> fd_sizes;
  for (const Fd& fd : fds) fd_sizes.push_back(rewrite_dict(fd.dict, {{kPrivate, {0, 0}}}).size());
  std::vector<std::string> placeholder_fds;
  for (size_t s : fd_sizes) placeholder_fds.emplace_back(s, '\0');
  std::vector<std::string_view> fd_views(placeholder_fds.begin(), placeholder_fds.end());
  const size_t fdarray_size = write_index(fd_views).size();

  size_t at = head.size() + name_index.size() + top_index_size + string_index.size() + gsubr_index.size();
  const size_t charset_off = at;
  at += charset.size();
  const size_t fdselect_off = at;
  at += fdselect.size();
  const size_t cs_off = at;
  at += cs_index.size();
  const size_t fdarray_off = at;
  at += fdarray_size;
  std::vector<std::string> fd_dicts;
  for (size_t k = 0; k < fds.size(); ++k) {
    fd_dicts.push_back(
        rewrite_dict(fds[k].dict, {{kPrivate, {static_cast<int32_t>(privs[k].size()), static_cast<int32_t>(at)}}}));
    at += privs[k].size() + fds[k].subrs.size();
  }
  const std::string top_dict = rewrite_dict(*top, {{kCharset, {static_cast<int32_t>(charset_off)}},
                                                   {kCharStrings, {static_cast<int32_t>(cs_off)}},
                                                   {kFdArray, {static_cast<int32_t>(fdarray_off)}},
                                                   {kFdSelect, {static_cast<int32_t>(fdselect_off)}}});

  std::string& o = out.cff;
  o.reserve(at);
  o += head;
  o.append(name_index.data(), name_index.size());
  o += write_index({top_dict});
  o.append(string_index.data(), string_index.size());
  o.append(gsubr_index.data(), gsubr_index.size());
  o += charset;
  o += fdselect;
  o += cs_index;
  std::vector<std::string_view> fd_dict_views(fd_dicts.begin(), fd_dicts.end());
  o += write_index(fd_dict_views);
  for (size_t k = 0; k < fds.size(); ++k) {
    o += privs[k];
    o.append(fds[k].subrs.data(), fds[k].subrs.size());
  }
  if (o.size() != at) return std::nullopt;  // the layout above and the bytes disagree: refuse
  return out;
}

}  // namespace banshi::pdf
