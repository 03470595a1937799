#include "pdf/cff_tables.h"

#include <algorithm>
#include <numeric>

namespace banshi::pdf::cff {

std::optional<std::vector<DictEntry>> read_dict(std::string_view d) {
  std::vector<DictEntry> out;
  Reader r{d};
  size_t i = 0, start = 0;
  std::vector<double> operands;
  while (i < d.size()) {
    const uint32_t b0 = r.u8(i);
    if (b0 <= 21) {
      int op = static_cast<int>(b0);
      ++i;
      if (b0 == 12) op = 1200 + static_cast<int>(r.u8(i++));
      out.push_back({op, operands, d.substr(start, i - start)});
      operands.clear();
      start = i;
    } else if (b0 == 28) {
      operands.push_back(static_cast<int16_t>(r.u16(i + 1)));
      i += 3;
    } else if (b0 == 29) {
      operands.push_back(static_cast<int32_t>(r.offset(i + 1, 4)));
      i += 5;
    } else if (b0 == 30) {
      // A real: nibbles up to the 0xf terminator. Its value is not needed
      // here (no offset is a real), only its length.
      ++i;
      while (i < d.size() && (r.u8(i) & 0x0f) != 0x0f && (r.u8(i) >> 4) != 0x0f) ++i;
      ++i;
      operands.push_back(0);
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push_back(static_cast<double>(b0) - 139);
      ++i;
    } else if (b0 >= 247 && b0 <= 250) {
      operands.push_back((static_cast<double>(b0) - 247) * 256 + r.u8(i + 1) + 108);
      i += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      operands.push_back(-(static_cast<double>(b0) - 251) * 256 - r.u8(i + 1) - 108);
      i += 2;
    } else {
      return std::nullopt;  // reserved byte
    }
    if (!r.ok) return std::nullopt;
  }
  if (!operands.empty()) return std::nullopt;  // operands without an operator
  return out;
}

const DictEntry* find(const std::vector<DictEntry>& dict, int op) {
  for (const auto& e : dict)
    if (e.op == op) return &e;
  return nullptr;
}

void put16(std::string& out, uint32_t v) {
  out += static_cast<char>((v >> 8) & 0xff);
  out += static_cast<char>(v & 0xff);
}

void put_int5(std::string& out, int32_t v) {
  out += static_cast<char>(29);
  const auto u = static_cast<uint32_t>(v);
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((u >> shift) & 0xff);
}

void put_op(std::string& out, int op) {
  if (op >= 1200) {
    out += static_cast<char>(12);
    out += static_cast<char>(op - 1200);
  } else {
    out += static_cast<char>(op);
  }
}

std::string write_index(const std::vector<std::string_view>& items) {
  std::string out;
  put16(out, static_cast<uint32_t>(items.size()));
  if (items.empty()) return out;
  size_t total = 1;
  for (auto it : items) total += it.size();
  const uint32_t off_size = total <= 0xff ? 1 : total <= 0xffff ? 2 : total <= 0xffffff ? 3 : 4;
  out.reserve(3 + (items.size() + 1) * off_size + total - 1);  // the subset's charstrings: one allocation
  out += static_cast<char>(off_size);
  auto put_off = [&](size_t v) {
    for (int k = static_cast<int>(off_size) - 1; k >= 0; --k) out += static_cast<char>((v >> (8 * k)) & 0xff);
  };
  size_t off = 1;
  put_off(off);
  for (auto it : items) {
    off += it.size();
    put_off(off);
  }
  for (auto it : items) out.append(it.data(), it.size());
  return out;
}

std::string rewrite_dict(const std::vector<DictEntry>& dict, const std::map<int, std::vector<int32_t>>& replace) {
  std::string out;
  for (const auto& e : dict)
    if (!replace.count(e.op)) out.append(e.bytes.data(), e.bytes.size());
  for (const auto& [op, values] : replace) {
    for (int32_t v : values) put_int5(out, v);
    put_op(out, op);
  }
  return out;
}

// Both tables are read whole (a CJK font's 65,535 glyphs) on every
// subset, so they are filled a range at a time, with one bounds check per
// range or table rather than one per byte.

std::optional<Charset> read_charset(Reader& r, size_t at, uint32_t glyphs) {
  Charset out;
  out.cids.assign(glyphs, 0);
  const uint32_t format = r.u8(at);
  size_t p = at + 1;
  uint32_t gid = 1;
  if (format == 0) {
    if (glyphs > 1) {
      r.u16(p + 2 * static_cast<size_t>(glyphs - 2));  // the last CID: when it is in the table, all are
      if (!r.ok) return std::nullopt;
    }
    for (; gid < glyphs; ++gid, p += 2) {
      const uint32_t cid =
          (static_cast<uint32_t>(static_cast<unsigned char>(r.d[p])) << 8) | static_cast<unsigned char>(r.d[p + 1]);
      out.cids[gid] = cid;
      out.largest = std::max(out.largest, cid);
    }
  } else if (format == 1 || format == 2) {
    while (gid < glyphs && r.ok) {
      const uint32_t first = r.u16(p);
      const uint32_t left = format == 1 ? r.u8(p + 2) : r.u16(p + 2);
      p += format == 1 ? 3 : 4;
      const uint32_t n = std::min(left + 1, glyphs - gid);  // the last range may run past the glyphs
      std::iota(out.cids.begin() + gid, out.cids.begin() + gid + n, first);
      out.largest = std::max(out.largest, first + n - 1);
      gid += n;
    }
  } else {
    return std::nullopt;
  }
  if (!r.ok) return std::nullopt;
  return out;
}

std::optional<std::vector<uint8_t>> read_fdselect(Reader& r, size_t at, uint32_t glyphs, size_t fds) {
  std::vector<uint8_t> fd(glyphs, 0);
  const uint32_t format = r.u8(at);
  if (format == 0) {
    r.u8(at + glyphs);  // the last glyph's FD: when it is in the table, all are
    if (!r.ok) return std::nullopt;
    for (uint32_t g = 0; g < glyphs; ++g) {
      fd[g] = static_cast<uint8_t>(r.d[at + 1 + g]);
      if (fd[g] >= fds) return std::nullopt;
    }
  } else if (format == 3) {
    const uint32_t ranges = r.u16(at + 1);
    for (uint32_t k = 0; k < ranges && r.ok; ++k) {
      const size_t p = at + 3 + static_cast<size_t>(k) * 3;
      const uint32_t first = r.u16(p), next = std::min(r.u16(p + 3), glyphs);
      const uint32_t f = r.u8(p + 2);
      if (first >= next) continue;
      // Checked as read: ranges are in glyph order (TN #5176), so a
      // range's FD is its glyphs'.
      if (f >= fds) return std::nullopt;
      std::fill(fd.begin() + first, fd.begin() + next, static_cast<uint8_t>(f));
    }
  } else {
    return std::nullopt;
  }
  if (!r.ok) return std::nullopt;
  return fd;
}

}  // namespace banshi::pdf::cff
