// The structures of a CFF table that the CID-keyed subsetter reads and
// writes (Adobe TN #5176): INDEXes, DICTs, charsets and FDSelects. Every
// read is bounds-checked; a malformed table gives nullopt, never a read
// out of bounds.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace banshi::pdf::cff {

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

std::optional<std::vector<DictEntry>> read_dict(std::string_view d);
const DictEntry* find(const std::vector<DictEntry>& dict, int op);

constexpr int kCharset = 15, kCharStrings = 17, kPrivate = 18, kSubrs = 19;
constexpr int kRos = 1230, kFdArray = 1236, kFdSelect = 1237;

// gid → CID from a charset (formats 0, 1, 2); .notdef is CID 0.
struct Charset {
  std::vector<uint32_t> cids;  // by glyph ID
  uint32_t largest = 0;        // the largest CID, found while reading (ranges: their last CIDs)
};
std::optional<Charset> read_charset(Reader& r, size_t at, uint32_t glyphs);
// gid → font DICT index from an FDSelect (formats 0 and 3); nullopt when
// an index is not below `fds`.
std::optional<std::vector<uint8_t>> read_fdselect(Reader& r, size_t at, uint32_t glyphs, size_t fds);

// Writing.
void put16(std::string& out, uint32_t v);
// An integer in the fixed five-byte form (offsets, so a DICT's size does not
// depend on the offsets written into it).
void put_int5(std::string& out, int32_t v);
void put_op(std::string& out, int op);
std::string write_index(const std::vector<std::string_view>& items);
// The DICT with the offset operators in `replace` dropped and re-added with
// the given operands, five-byte form.
std::string rewrite_dict(const std::vector<DictEntry>& dict, const std::map<int, std::vector<int32_t>>& replace);

}  // namespace banshi::pdf::cff
