#include "pdf/cff_subset.h"

#include <algorithm>
#include <map>

namespace banshi::pdf {

namespace {

// Reading: every access is bounds-checked; a malformed table makes the
// subsetter give up (nullopt) rather than read out of bounds.
struct Reader {
  std::string_view d;
  bool ok = true;

  uint32_t u8(size_t at) {
    if (at >= d.size()) {
      ok = false;
      return 0;
    }
    return static_cast<unsigned char>(d[at]);
  }
  uint32_t u16(size_t at) { return (u8(at) << 8) | u8(at + 1); }
  uint32_t offset(size_t at, uint32_t size) {
    uint32_t v = 0;
    for (uint32_t k = 0; k < size; ++k) v = (v << 8) | u8(at + k);
    return v;
  }
};

// A CFF INDEX, read lazily: a font's CharStrings INDEX holds 30,000 to
// 65,000 items of which a report uses about a thousand, so an item's
// offsets are read (and checked) only when it is asked for. Only the
// index's extent is checked up front.
class Index {
 public:
  static std::optional<Index> read(std::string_view d, size_t at) {
    Reader r{d};
    Index idx;
    idx.d_ = d;
    idx.count_ = r.u16(at);
    if (!r.ok) return std::nullopt;
    if (idx.count_ == 0) {
      idx.end_ = at + 2;
      return idx;
    }
    idx.off_size_ = r.u8(at + 2);
    if (idx.off_size_ < 1 || idx.off_size_ > 4) return std::nullopt;
    idx.offsets_ = at + 3;
    idx.data_ = idx.offsets_ + static_cast<size_t>(idx.count_ + 1) * idx.off_size_ - 1;  // offsets are 1-based
    const uint32_t first = r.offset(idx.offsets_, idx.off_size_);
    const uint32_t last = r.offset(idx.offsets_ + static_cast<size_t>(idx.count_) * idx.off_size_, idx.off_size_);
    if (!r.ok || first != 1 || last < first || idx.data_ + last > d.size()) return std::nullopt;
    idx.end_ = idx.data_ + last;
    return idx;
  }

  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  size_t end() const { return end_; }  // the first byte after the index

  // Item k; nullopt when k is out of range or its offsets are out of
  // order or out of the index.
  std::optional<std::string_view> at(size_t k) const {
    if (k >= count_) return std::nullopt;
    Reader r{d_};
    const uint32_t from = r.offset(offsets_ + k * off_size_, off_size_);
    const uint32_t to = r.offset(offsets_ + (k + 1) * off_size_, off_size_);
    if (!r.ok || from < 1 || to < from || data_ + to > end_) return std::nullopt;
    return d_.substr(data_ + from, to - from);
  }

 private:
  std::string_view d_;
  uint32_t count_ = 0, off_size_ = 0;
  size_t offsets_ = 0, data_ = 0, end_ = 0;
};

// One DICT entry: its operator (escaped operators as 1200 + second byte),
// its operands as numbers, and its bytes (operands and operator) as found.
struct DictEntry {
  int op = 0;
  std::vector<double> operands;
  std::string_view bytes;
};

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

// Writing.
void put16(std::string& out, uint32_t v) {
  out += static_cast<char>((v >> 8) & 0xff);
  out += static_cast<char>(v & 0xff);
}

// Integers that are offsets are written in the fixed five-byte form, so a
// DICT's size does not depend on the offsets written into it.
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

// The DICT with the offset operators in `replace` dropped and re-added with
// the given operands, five-byte form.
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

constexpr int kCharset = 15, kCharStrings = 17, kPrivate = 18, kSubrs = 19;
constexpr int kRos = 1230, kFdArray = 1236, kFdSelect = 1237;

// gid → CID from a charset (formats 0, 1, 2); .notdef is CID 0.
std::optional<std::vector<uint32_t>> read_charset(Reader& r, size_t at, uint32_t glyphs) {
  std::vector<uint32_t> cid(glyphs, 0);
  const uint32_t format = r.u8(at);
  size_t p = at + 1;
  uint32_t gid = 1;
  if (format == 0) {
    for (; gid < glyphs; ++gid, p += 2) cid[gid] = r.u16(p);
  } else if (format == 1 || format == 2) {
    while (gid < glyphs && r.ok) {
      const uint32_t first = r.u16(p);
      const uint32_t left = format == 1 ? r.u8(p + 2) : r.u16(p + 2);
      p += format == 1 ? 3 : 4;
      for (uint32_t k = 0; k <= left && gid < glyphs; ++k) cid[gid++] = first + k;
    }
  } else {
    return std::nullopt;
  }
  if (!r.ok) return std::nullopt;
  return cid;
}

// gid → font DICT index from an FDSelect (formats 0 and 3).
std::optional<std::vector<uint8_t>> read_fdselect(Reader& r, size_t at, uint32_t glyphs, size_t fds) {
  std::vector<uint8_t> fd(glyphs, 0);
  const uint32_t format = r.u8(at);
  if (format == 0) {
    for (uint32_t g = 0; g < glyphs; ++g) fd[g] = static_cast<uint8_t>(r.u8(at + 1 + g));
  } else if (format == 3) {
    const uint32_t ranges = r.u16(at + 1);
    for (uint32_t k = 0; k < ranges && r.ok; ++k) {
      const size_t p = at + 3 + static_cast<size_t>(k) * 3;
      const uint32_t first = r.u16(p), next = r.u16(p + 3);
      const uint32_t f = r.u8(p + 2);
      for (uint32_t g = first; g < next && g < glyphs; ++g) fd[g] = static_cast<uint8_t>(f);
    }
  } else {
    return std::nullopt;
  }
  if (!r.ok) return std::nullopt;
  for (uint8_t f : fd)
    if (f >= fds) return std::nullopt;
  return fd;
}

// A Type 2 charstring without its hints (stems, hint and counter masks):
// print output never uses them, and they are a twentieth of a font's
// outlines. The advance width, when given, stays the first operand of the
// first remaining stack-clearing operator. A charstring that calls a
// subroutine (whose hints this cannot see) or does not parse is returned
// as it is — a charstring with hints is still a correct charstring.
std::string strip_hints(std::string_view cs) {
  std::string out;
  out.reserve(cs.size());
  // Operands sit contiguously before their operator, so the pending ones
  // are a range of the input: where it starts, how many, and the length of
  // the first (which may be the glyph's width).
  size_t args_begin = 0, args = 0, first_len = 0;
  size_t stems = 0;
  bool first_clear = true;  // the width may come with the first clearing op
  std::string_view width;
  size_t i = 0;
  const auto n = cs.size();
  auto byte = [&](size_t k) { return static_cast<unsigned char>(cs[k]); };
  while (i < n) {
    const unsigned b0 = byte(i);
    if (b0 >= 32 || b0 == 28) {
      const size_t len = b0 == 28 ? 3 : b0 <= 246 ? 1 : b0 <= 254 ? 2 : 5;
      if (i + len > n) return std::string(cs);
      if (args++ == 0) {
        args_begin = i;
        first_len = len;
      }
      i += len;
      continue;
    }
    // An operator.
    const size_t op_at = i;
    const size_t op_len = b0 == 12 ? 2 : 1;
    if (i + op_len > n) return std::string(cs);
    i += op_len;
    std::string_view operands = args ? cs.substr(args_begin, op_at - args_begin) : std::string_view{};
    const bool stem = b0 == 1 || b0 == 3 || b0 == 18 || b0 == 23;
    const bool mask = b0 == 19 || b0 == 20;
    if (b0 == 10 || b0 == 29) return std::string(cs);  // subroutine calls: keep as is
    // Stack-clearing operators that may carry the width first.
    const bool clears = stem || mask || b0 == 21 || b0 == 22 || b0 == 4 || b0 == 14;
    if (clears && first_clear) {
      const size_t expected = (b0 == 21) ? 2 : (b0 == 22 || b0 == 4) ? 1 : 0;
      const bool odd = stem || mask ? args % 2 == 1 : args > expected;
      if (odd && args > 0) {
        width = operands.substr(0, first_len);
        operands.remove_prefix(first_len);
        --args;
      }
      first_clear = false;
    }
    if (stem || mask) {
      stems += args / 2;  // a mask's operands are implicit vstems
      args = 0;
      if (mask) {
        const size_t mask_bytes = (stems + 7) / 8;
        if (i + mask_bytes > n) return std::string(cs);
        i += mask_bytes;
      }
      continue;
    }
    if (!width.empty()) {
      out.append(width);
      width = {};
    }
    out.append(operands);
    args = 0;
    out.append(cs.substr(op_at, op_len));
  }
  if (args > 0 || !width.empty()) return std::string(cs);
  return out;
}

// A charstring with its subroutine calls replaced by the subroutines'
// bodies (as hb-subset's desubroutinize does), so the subset needs no
// subroutines at all: a font built around thousands of them (Noto CJK)
// then subsets as cheaply as one without. The operand stack is simulated
// to count stems (hint masks are as long as the stems so far require) and
// to take each call's subroutine number, which must be the number written
// just before the call. Anything else (arithmetic operators, deep
// recursion, a call out of range) fails, and hb-subset takes the font.
class Flattener {
 public:
  Flattener(const Index& gsubrs) : gsubrs_(gsubrs) {}

  std::optional<std::string> flatten(std::string_view cs, const Index* lsubrs) {
    lsubrs_ = lsubrs;
    out_.clear();
    stack_ = 0;
    stems_ = 0;
    last_number_ = std::string::npos;
    last_value_ = 0;
    done_ = false;
    ok_ = true;
    run(cs, 0);
    if (!ok_ || !done_) return std::nullopt;
    return out_;
  }

 private:
  static long bias(size_t count) { return count < 1240 ? 107 : count < 33900 ? 1131 : 32768; }

  void run(std::string_view cs, int depth) {
    if (depth > 10) {
      ok_ = false;
      return;
    }
    size_t i = 0;
    auto u8 = [&](size_t k) -> int {
      if (k >= cs.size()) {
        ok_ = false;
        return 0;
      }
      return static_cast<unsigned char>(cs[k]);
    };
    while (i < cs.size() && ok_ && !done_) {
      const int b0 = u8(i);
      size_t len = 0;
      long value = 0;
      if (b0 >= 32 && b0 <= 246) {
        len = 1;
        value = b0 - 139;
      } else if (b0 >= 247 && b0 <= 250) {
        len = 2;
        value = (b0 - 247) * 256 + u8(i + 1) + 108;
      } else if (b0 >= 251 && b0 <= 254) {
        len = 2;
        value = -(b0 - 251) * 256 - u8(i + 1) - 108;
      } else if (b0 == 28) {
        len = 3;
        value = static_cast<int16_t>((u8(i + 1) << 8) | u8(i + 2));
      } else if (b0 == 255) {
        len = 5;  // 16.16 fixed: never a subroutine number
        value = 1L << 40;
      }
      if (len > 0) {
        if (i + len > cs.size()) {
          ok_ = false;
          return;
        }
        last_number_ = out_.size();
        last_value_ = value;
        out_.append(cs.data() + i, len);
        ++stack_;
        i += len;
        continue;
      }
      i += 1;
      if (b0 == 10 || b0 == 29) {  // callsubr, callgsubr: the body instead
        const auto* subrs = b0 == 10 ? lsubrs_ : &gsubrs_;
        if (!subrs || last_number_ == std::string::npos || last_number_ + 5 < out_.size() || stack_ == 0) {
          ok_ = false;
          return;
        }
        const long k = last_value_ + bias(subrs->size());
        if (k < 0 || static_cast<size_t>(k) >= subrs->size()) {
          ok_ = false;
          return;
        }
        const auto body = subrs->at(static_cast<size_t>(k));
        if (!body) {
          ok_ = false;
          return;
        }
        out_.resize(last_number_);  // the subroutine number goes
        --stack_;
        last_number_ = std::string::npos;
        run(*body, depth + 1);
        continue;
      }
      if (b0 == 11) return;  // return: back in the caller
      last_number_ = std::string::npos;
      out_ += static_cast<char>(b0);
      switch (b0) {
        case 1:
        case 3:
        case 18:
        case 23:  // stems
          stems_ += stack_ / 2;
          stack_ = 0;
          break;
        case 19:
        case 20: {  // hintmask, cntrmask: operands are implicit vstems
          stems_ += stack_ / 2;
          stack_ = 0;
          const size_t bytes = static_cast<size_t>((stems_ + 7) / 8);
          if (i + bytes > cs.size()) {
            ok_ = false;
            return;
          }
          out_.append(cs.data() + i, bytes);
          i += bytes;
          break;
        }
        case 14:  // endchar
          done_ = true;
          return;
        case 12: {  // two-byte operators: flex is fine, arithmetic is not
          const int b1 = u8(i);
          i += 1;
          if (b1 < 34 || b1 > 37) {
            ok_ = false;
            return;
          }
          out_ += static_cast<char>(b1);
          stack_ = 0;
          break;
        }
        default:  // path operators
          stack_ = 0;
      }
    }
  }

  const Index& gsubrs_;
  const Index* lsubrs_ = nullptr;
  std::string out_;
  int stack_ = 0, stems_ = 0;
  size_t last_number_ = std::string::npos;
  long last_value_ = 0;
  bool done_ = false, ok_ = true;
};

}  // namespace

std::optional<CffSubset> subset_cid_cff(std::string_view cff, const std::vector<uint32_t>& glyphs, bool keep_hints) {
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
  auto cids = read_charset(r, static_cast<size_t>(charset_at->operands[0]), count);
  auto fdsel = read_fdselect(r, static_cast<size_t>(fdselect_at->operands[0]), count, fdarray->size());
  if (!cids || !fdsel) return std::nullopt;

  CffSubset out;
  out.old_gids.push_back(0);
  std::vector<uint32_t> keep(glyphs.begin(), glyphs.end());
  std::sort(keep.begin(), keep.end());
  keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
  for (uint32_t g : keep) {
    if (g >= count) return std::nullopt;
    if (g != 0) out.old_gids.push_back(g);
  }
  const auto n = static_cast<uint32_t>(out.old_gids.size());
  out.cids.reserve(n);
  for (uint32_t g : out.old_gids) out.cids.push_back((*cids)[g]);

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
  for (uint32_t g : out.old_gids) {
    const auto item = charstrings->at(g);
    if (!item) return std::nullopt;
    std::string cs(*item);
    if (flatten) {
      const Fd& fd = fds[(*fdsel)[g]];
      auto flat = flattener.flatten(cs, fd.subr_items && !fd.subr_items->empty() ? &*fd.subr_items : nullptr);
      if (!flat) return std::nullopt;  // hb-subset then
      cs = std::move(*flat);
    }
    stripped.push_back(keep_hints ? std::move(cs) : strip_hints(cs));
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
  const std::string_view gsubr_index =
      flatten ? std::string_view(kEmptyIndex, 2) : cff.substr(strings->end(), gsubrs->end() - strings->end());
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
