#include "pdf/glyph_copies.h"

#include <algorithm>
#include <array>
#include <map>

namespace banshi::pdf {

namespace {

uint32_t get16(std::string_view d, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(d[at])) << 8) | static_cast<unsigned char>(d[at + 1]);
}
uint32_t get32(std::string_view d, size_t at) { return (get16(d, at) << 16) | get16(d, at + 2); }
void set16(std::string& d, size_t at, uint32_t v) {
  d[at] = static_cast<char>((v >> 8) & 0xFF);
  d[at + 1] = static_cast<char>(v & 0xFF);
}
void set32(std::string& d, size_t at, uint32_t v) {
  set16(d, at, v >> 16);
  set16(d, at + 2, v & 0xFFFF);
}
void put16(std::string& d, uint32_t v) {
  d += static_cast<char>((v >> 8) & 0xFF);
  d += static_cast<char>(v & 0xFF);
}
void put32(std::string& d, uint32_t v) {
  put16(d, v >> 16);
  put16(d, v & 0xFFFF);
}

uint32_t checksum(std::string_view t) {
  uint32_t sum = 0;
  for (size_t i = 0; i < t.size(); i += 4) {
    uint32_t w = 0;
    for (size_t k = 0; k < 4; ++k) w = (w << 8) | (i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0u);
    sum += w;
  }
  return sum;
}

constexpr uint32_t tag(const char (&s)[5]) {
  return (static_cast<uint32_t>(s[0]) << 24) | (static_cast<uint32_t>(s[1]) << 16) |
         (static_cast<uint32_t>(s[2]) << 8) | static_cast<uint32_t>(s[3]);
}

}  // namespace

std::optional<std::string> append_truetype_copies(std::string_view sfnt, const std::vector<GlyphCopy>& copies,
                                                  const std::vector<uint32_t>& subset_gids) {
  if (sfnt.size() < 12 || copies.size() != subset_gids.size()) return std::nullopt;
  const uint32_t num_tables = get16(sfnt, 4);
  if (12 + 16 * static_cast<size_t>(num_tables) > sfnt.size()) return std::nullopt;
  std::map<uint32_t, std::string> tables;  // by tag: the directory's order
  for (uint32_t i = 0; i < num_tables; ++i) {
    const size_t rec = 12 + 16 * static_cast<size_t>(i);
    const uint32_t off = get32(sfnt, rec + 8), len = get32(sfnt, rec + 12);
    if (static_cast<size_t>(off) + len > sfnt.size()) return std::nullopt;
    tables[get32(sfnt, rec)] = std::string(sfnt.substr(off, len));
  }
  for (uint32_t t : {tag("head"), tag("hhea"), tag("hmtx"), tag("maxp"), tag("loca"), tag("glyf")})
    if (!tables.count(t)) return std::nullopt;
  std::string& head = tables[tag("head")];
  std::string& hhea = tables[tag("hhea")];
  std::string& hmtx = tables[tag("hmtx")];
  std::string& maxp = tables[tag("maxp")];
  std::string& loca = tables[tag("loca")];
  std::string& glyf = tables[tag("glyf")];
  if (head.size() < 54 || hhea.size() < 36 || maxp.size() < 6) return std::nullopt;
  const uint32_t glyphs = get16(maxp, 4);
  const bool long_loca = get16(head, 50) == 1;
  const uint32_t long_metrics = get16(hhea, 34);
  if (long_metrics == 0 || long_metrics > glyphs || loca.size() < (glyphs + 1) * (long_loca ? 4u : 2u) ||
      hmtx.size() < 4 * long_metrics + 2 * (glyphs - long_metrics))
    return std::nullopt;
  const auto loca_at = [&](uint32_t g) { return long_loca ? get32(loca, 4 * g) : 2 * get16(loca, 2 * g); };

  std::vector<uint32_t> offsets(glyphs + 1);
  for (uint32_t g = 0; g <= glyphs; ++g) offsets[g] = loca_at(g);
  std::vector<std::array<uint32_t, 2>> metrics(glyphs);  // advance, lsb
  for (uint32_t g = 0; g < glyphs; ++g) {
    const bool full = g < long_metrics;
    metrics[g] = {get16(hmtx, 4 * (full ? g : long_metrics - 1)),
                  full ? get16(hmtx, 4 * g + 2) : get16(hmtx, 4 * long_metrics + 2 * (g - long_metrics))};
  }
  for (size_t k = 0; k < copies.size(); ++k) {
    const uint32_t g = subset_gids[k];
    if (g >= glyphs || offsets[g] > offsets[g + 1] || offsets[g + 1] > glyf.size() || copies[k].advance < 0 ||
        copies[k].advance > 0xFFFF)
      return std::nullopt;
    while (glyf.size() % 4) glyf += '\0';
    offsets.back() = static_cast<uint32_t>(glyf.size());
    glyf += glyf.substr(offsets[g], offsets[g + 1] - offsets[g]);
    offsets.push_back(static_cast<uint32_t>(glyf.size()));
    metrics.push_back({static_cast<uint32_t>(copies[k].advance), metrics[g][1]});
  }
  // (The padding before each copy counts as the end of the glyph before
  // it: loca offsets only have to be 4-aligned with long loca.)
  const auto total = static_cast<uint32_t>(metrics.size());
  if (total > 0xFFFF) return std::nullopt;
  loca.clear();
  for (uint32_t o : offsets) put32(loca, o);
  hmtx.clear();
  uint32_t widest = 0;
  for (const auto& [adv, lsb] : metrics) {
    put16(hmtx, adv);
    put16(hmtx, lsb);
    widest = std::max(widest, adv);
  }
  set16(head, 50, 1);
  set32(head, 8, 0);  // checkSumAdjustment, recomputed below
  set16(hhea, 10, widest);
  set16(hhea, 34, total);
  set16(maxp, 4, total);

  // The sfnt again: same directory header, tables in tag order, 4-aligned.
  std::string out(sfnt.substr(0, 12));
  size_t at = 12 + 16 * tables.size();
  std::string body;
  for (const auto& [t, data] : tables) {
    put32(out, t);
    put32(out, checksum(data));
    put32(out, static_cast<uint32_t>(at + body.size()));
    put32(out, static_cast<uint32_t>(data.size()));
    body += data;
    while (body.size() % 4) body += '\0';
  }
  out += body;
  // head's offset in the new file, for checkSumAdjustment.
  size_t head_at = 0;
  for (uint32_t i = 0; i < tables.size(); ++i)
    if (get32(out, 12 + 16 * static_cast<size_t>(i)) == tag("head")) head_at = get32(out, 12 + 16 * i + 8);
  set32(out, head_at + 8, 0xB1B0AFBAu - checksum(out));
  return out;
}

namespace cff {

namespace {

// Bytes of the Type 2 number starting at `cs[at]`, 0 if not a number.
size_t number_size(unsigned char b) {
  if (b >= 32 && b <= 246) return 1;
  if (b >= 247 && b <= 254) return 2;
  if (b == 28) return 3;
  if (b == 255) return 5;
  return 0;
}

void put_number_impl(std::string& out, int32_t v) {
  if (v >= -107 && v <= 107) {
    out += static_cast<char>(v + 139);
  } else if (v >= 108 && v <= 1131) {
    v -= 108;
    out += static_cast<char>(v / 256 + 247);
    out += static_cast<char>(v % 256);
  } else if (v >= -1131 && v <= -108) {
    v = -v - 108;
    out += static_cast<char>(v / 256 + 251);
    out += static_cast<char>(v % 256);
  } else {
    out += static_cast<char>(28);
    out += static_cast<char>((v >> 8) & 0xFF);
    out += static_cast<char>(v & 0xFF);
  }
}

}  // namespace

void put_number(std::string& out, int32_t v) { put_number_impl(out, v); }

std::optional<WidthSplit> split_width(std::string_view cs) {
  size_t at = 0, count = 0, first_size = 0;
  while (at < cs.size()) {
    const size_t n = number_size(static_cast<unsigned char>(cs[at]));
    if (n == 0) break;
    if (count == 0) first_size = n;
    at += n;
    ++count;
  }
  if (at >= cs.size()) return std::nullopt;
  bool has_width = false;
  switch (static_cast<unsigned char>(cs[at])) {
    case 1:
    case 3:
    case 18:
    case 23:
    case 19:
    case 20:  // stems, masks: pairs
      has_width = count % 2 == 1;
      break;
    case 21:  // rmoveto
      has_width = count == 3;
      break;
    case 22:
    case 4:  // hmoveto, vmoveto
      has_width = count == 2;
      break;
    case 14:  // endchar
      has_width = count == 1 || count == 5;
      break;
    default: return std::nullopt;
  }
  const size_t w = has_width ? first_size : 0;
  return WidthSplit{std::string(cs.substr(0, w)), std::string(cs.substr(w))};
}

std::optional<std::string> with_width(std::string_view cs, int32_t width) {
  auto split = split_width(cs);
  if (!split || width < -32768 || width > 32767) return std::nullopt;
  std::string out;
  put_number_impl(out, width);
  return out + split->body;
}

}  // namespace cff

}  // namespace banshi::pdf
