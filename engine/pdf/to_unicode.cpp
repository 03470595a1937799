#include "pdf/to_unicode.h"

#include <vector>

#include "pdf/pdf_format.h"

namespace banshi::pdf {

namespace {

// PDF limits each begin…end block of a CMap to 100 entries.
constexpr size_t kMaxEntriesPerBlock = 100;

struct Entry {
  uint32_t first = 0, last = 0;  // codes; first == last for a bfchar
  std::u16string dst;            // UTF-16 of the first code's text
};

bool single_bmp(const std::u32string& s) { return s.size() == 1 && s[0] < 0x10000 && (s[0] < 0xD800 || s[0] > 0xDFFF); }

void append_code(std::string& out, uint32_t code) {
  out += '<';
  append_hex(out, code, 4);
  out += '>';
}

void append_dst(std::string& out, const std::u16string& units) {
  out += '<';
  for (char16_t u : units) append_hex(out, u, 4);
  out += '>';
}

template <typename Write>
void write_blocks(std::string& out, const std::vector<Entry>& entries, const char* kind, Write write) {
  for (size_t i = 0; i < entries.size(); i += kMaxEntriesPerBlock) {
    const size_t n = std::min(kMaxEntriesPerBlock, entries.size() - i);
    out += std::to_string(n) + " begin" + kind + "\n";
    for (size_t k = i; k < i + n; ++k) write(entries[k]);
    out += std::string("end") + kind + "\n";
  }
}

}  // namespace

std::string build_to_unicode_cmap(const std::map<uint32_t, std::u32string>& text) {
  std::vector<Entry> ranges, chars;
  for (auto it = text.begin(); it != text.end();) {
    const auto& [code, s] = *it;
    if (s.empty()) {
      ++it;
      continue;
    }
    std::u16string dst;
    for (char32_t cp : s) append_utf16be_units(dst, cp);
    uint32_t last = code;
    auto next = std::next(it);
    if (single_bmp(s)) {
      // Extend while codes and characters both step by one, within one
      // 256-code block of the source (bfrange may only vary the last byte)
      // and without carrying out of the destination's last byte.
      while (next != text.end() && next->first == last + 1 && (next->first & 0xFF) != 0 && single_bmp(next->second) &&
             next->second[0] == s[0] + (next->first - code) && ((s[0] & 0xFF) + (next->first - code)) <= 0xFF) {
        last = next->first;
        ++next;
      }
    }
    (last > code ? ranges : chars).push_back({code, last, std::move(dst)});
    it = next;
  }

  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  write_blocks(out, chars, "bfchar", [&](const Entry& e) {
    append_code(out, e.first);
    out += ' ';
    append_dst(out, e.dst);
    out += '\n';
  });
  write_blocks(out, ranges, "bfrange", [&](const Entry& e) {
    append_code(out, e.first);
    out += ' ';
    append_code(out, e.last);
    out += ' ';
    append_dst(out, e.dst);
    out += '\n';
  });
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace banshi::pdf
