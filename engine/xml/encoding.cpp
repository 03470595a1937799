#include "xml/encoding.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <span>

#include "util/utf8.h"
#include "xml/messages.h"

namespace banshi::xml {

namespace {

using namespace std::string_view_literals;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

struct ByteOrderMark {
  std::string_view bytes;
  const char* charset;  // ICU name, also what messages call it
};

// UTF-32LE's mark starts with UTF-16LE's, so the longer ones come first.
constexpr std::array<ByteOrderMark, 4> kUnicodeBoms{{
    {"\x00\x00\xFE\xFF"sv, "UTF-32BE"},
    {"\xFF\xFE\x00\x00"sv, "UTF-32LE"},
    {"\xFE\xFF"sv, "UTF-16BE"},
    {"\xFF\xFE"sv, "UTF-16LE"},
}};
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Every name the GB family goes by; GB18030 is a superset of GBK and
// GB2312, so one converter reads them all.
constexpr std::array<std::string_view, 6> kGbNames{"GB18030", "GBK", "GB2312", "CP936", "EUC-CN", "X-GBK"};
constexpr std::array<std::string_view, 4> kUtf8Names{"UTF-8", "UTF8", "US-ASCII", "ASCII"};

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool contains(std::span<const std::string_view> names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

// Line and column of a byte offset, counting '\n' for lines and UTF-8
// sequences for columns (an invalid byte counts as one column).
model::Pos locate(std::string_view bytes, size_t offset) {
  model::Pos pos{1, 1};
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  }
  for (size_t i = line_start; i < offset;) {
    utf8_next(bytes, i);
    ++pos.column;
  }
  return pos;
}

std::optional<size_t> first_invalid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    if (utf8_next(s, i) == 0xFFFD && s.substr(start, 3) != "\xEF\xBF\xBD") return start;
  }
  return std::nullopt;
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// ---------------------------------------------------------------- <?xml encoding?>

struct Declaration {
  std::string encoding;  // as written
  size_t offset = 0;     // of the value
};

// Reads encoding="…" from an XML declaration at the very start. Only
// ASCII matters here, which every supported byte encoding shares.
std::optional<Declaration> declared_encoding(std::string_view bytes) {
  if (!bytes.starts_with("<?xml")) return std::nullopt;
  const size_t end = bytes.find("?>");
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view decl = bytes.substr(0, end);
  size_t i = decl.find("encoding");
  if (i == std::string_view::npos) return std::nullopt;
  i += 8;
  auto skip_space = [&] {
    while (i < decl.size() && (decl[i] == ' ' || decl[i] == '\t' || decl[i] == '\n' || decl[i] == '\r')) ++i;
  };
  skip_space();
  if (i >= decl.size() || decl[i] != '=') return std::nullopt;
  ++i;
  skip_space();
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return std::nullopt;
  const char quote = decl[i++];
  const size_t close = decl.find(quote, i);
  if (close == std::string_view::npos) return std::nullopt;
  return Declaration{std::string(decl.substr(i, close - i)), i};
}

// ---------------------------------------------------------------- ICU

struct Utf16 {
  std::u16string text;             // converted up to the first error
  std::optional<size_t> bad_byte;  // offset of the first sequence that did not convert
};

// Strict conversion: the first illegal or truncated sequence stops it
// (ICU's default would substitute U+FFFD and carry on — mojibake).
Utf16 to_utf16(std::string_view bytes, const char* charset) {
  UErrorCode ec = U_ZERO_ERROR;
  Converter conv(ucnv_open(charset, &ec));
  if (U_FAILURE(ec)) throw EngineError("icu.converter", {{"charset", charset}});
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &ec);
  // No supported encoding yields more UTF-16 units than it has bytes.
  Utf16 out;
  out.text.resize(bytes.size() + 1);
  UChar* target = out.text.data();
  const char* source = bytes.data();
  ucnv_toUnicode(conv.get(), &target, target + out.text.size(), &source, bytes.data() + bytes.size(), nullptr, true,
                 &ec);
  out.text.resize(static_cast<size_t>(target - out.text.data()));
  if (U_FAILURE(ec)) {
    char invalid[32];
    int8_t len = sizeof invalid;
    UErrorCode ec2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &len, &ec2);
    const auto consumed = static_cast<size_t>(source - bytes.data());
    out.bad_byte = consumed - std::min(consumed, static_cast<size_t>(U_SUCCESS(ec2) ? len : 0));
  }
  return out;
}

template <class F>
void for_each_code_point(const std::u16string& s, F&& f) {
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] < 0xE000) {
      c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    }
    f(c);
  }
}

// Drops a leading U+FEFF: GB18030 has a byte-order mark of its own
// (84 31 95 33) that decodes to it.
std::string to_utf8(const std::u16string& s) {
  std::string out;
  out.reserve(s.size() * 3);
  for_each_code_point(s, [&](char32_t c) {
    if (!(c == 0xFEFF && out.empty())) utf8_append(out, c);
  });
  return out;
}

// The position just after a converted prefix.
model::Pos end_of(const std::u16string& converted) {
  model::Pos pos{1, 1};
  for_each_code_point(converted, [&](char32_t c) {
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  });
  return pos;
}

// Characters a Chinese report is made of. GB18030 decodes many byte
// strings that were never GB18030 (another code page, a binary); those
// come out as control characters, private-use code points or a scatter
// of rare symbols, and are refused rather than printed.
bool common_in_chinese_text(char32_t c) {
  struct Range {
    char32_t first, last;
  };
  static constexpr Range kRanges[] = {
      {0x00A0, 0x00FF}, {0x0100, 0x01DC},  // Latin-1, pinyin tone letters
      {0x0391, 0x03C9}, {0x0401, 0x0451},  // Greek, Cyrillic (in GB2312)
      {0x2000, 0x206F}, {0x2100, 0x22FF},  // punctuation, letterlike, arrows, maths
      {0x2460, 0x24FF}, {0x2500, 0x26FF},  // ① …, box drawing, shapes, ★
      {0x2E80, 0x9FFF}, {0xF900, 0xFAFF},  // CJK
      {0xFE30, 0xFE4F}, {0xFF00, 0xFFEF},  // CJK compatibility forms, fullwidth
  };
  return std::any_of(std::begin(kRanges), std::end(kRanges),
                     [c](const Range& r) { return c >= r.first && c <= r.last; });
}

bool plausible_chinese(const std::u16string& text) {
  size_t non_ascii = 0, common = 0;
  bool bad = false;
  for_each_code_point(text, [&](char32_t c) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0) || (c >= 0xE000 && c < 0xF900))
      bad = true;
    if (c >= 0x80) {
      ++non_ascii;
      if (common_in_chinese_text(c)) ++common;
    }
  });
  return !bad && common * 10 >= non_ascii * 9;
}

// Chinese text saved as GB18030/GBK is almost all GB2312: both bytes of a
// character at 0xA1 or above. Another single-byte code page read as GBK
// pairs an accented letter with the ASCII after it (Latin-1 "Mü" → FC 6C,
// a GBK-only rarity): such files are refused, not printed as mojibake.
bool mostly_gb2312(std::string_view bytes) {
  size_t pairs = 0, gb2312 = 0;
  for (size_t i = 0; i + 1 < bytes.size(); ++i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x81) continue;
    const auto trail = static_cast<unsigned char>(bytes[i + 1]);
    ++pairs;
    if (lead >= 0xA1 && trail >= 0xA1) ++gb2312;
    if (trail >= 0x30 && trail <= 0x39 && i + 3 < bytes.size()) i += 2;  // a four-byte GB18030 sequence
    ++i;
  }
  return pairs == 0 || gb2312 * 10 >= pairs * 9;
}

// ---------------------------------------------------------------- decisions

std::string from_unicode_bom(std::string_view bytes, const ByteOrderMark& bom, const std::string& file) {
  const Utf16 u = to_utf16(bytes.substr(bom.bytes.size()), bom.charset);
  if (u.bad_byte) {
    const size_t offset = *u.bad_byte + bom.bytes.size();
    fail(file, end_of(u.text), "encoding.bad-after-bom", {{"charset", bom.charset}, {"offset", offset}});
  }
  return to_utf8(u.text);
}

// A NUL byte means UTF-16/32 without a byte-order mark, or no text at all.
void refuse_nul(std::string_view bytes, const std::string& file) {
  const size_t nul = bytes.find('\0');
  if (nul == std::string_view::npos) return;
  const std::string_view head = bytes.substr(0, 64);
  const auto nuls = static_cast<size_t>(std::count(head.begin(), head.end(), '\0'));
  if (nuls * 4 >= head.size()) fail(file, locate(bytes, nul), "encoding.utf16-without-bom", {{"offset", nul}});
  fail(file, locate(bytes, nul), "encoding.nul", {{"offset", nul}});
}

std::string from_gb18030(std::string_view bytes, const std::optional<Declaration>& decl, size_t first_bad_utf8,
                         const std::string& file, Diagnostics& diags) {
  const Utf16 u = to_utf16(bytes, "GB18030");
  const Args bad_utf8{{"byte", hex_byte(static_cast<unsigned char>(bytes[first_bad_utf8]))},
                      {"offset", first_bad_utf8}};
  if (decl) {
    const std::string name = upper(decl->encoding);
    if (u.bad_byte)
      fail(file, end_of(u.text), "encoding.bad-declared",
           {{"declared", decl->encoding},
            {"byte", hex_byte(static_cast<unsigned char>(bytes[*u.bad_byte]))},
            {"offset", *u.bad_byte},
            {"charset", name}});
    diags.add(make_diagnostic(Severity::Warning, file, locate(bytes, decl->offset), "encoding.converted-as-declared",
                              {{"charset", name}}));
    return to_utf8(u.text);
  }
  const model::Pos at = locate(bytes, first_bad_utf8);
  if (u.bad_byte || !plausible_chinese(u.text) || !mostly_gb2312(bytes)) fail(file, at, "encoding.unknown", bad_utf8);
  diags.add(make_diagnostic(Severity::Warning, file, at, "encoding.read-as-gb18030", bad_utf8));
  return to_utf8(u.text);
}

}  // namespace

std::string decode_to_utf8(std::string_view bytes, const std::string& file, Diagnostics& diags) {
  for (const auto& bom : kUnicodeBoms)
    if (bytes.starts_with(bom.bytes)) return from_unicode_bom(bytes, bom, file);

  if (bytes.starts_with(kUtf8Bom)) {
    // The mark says UTF-8: no second guessing.
    const std::string_view body = bytes.substr(kUtf8Bom.size());
    if (auto bad = first_invalid_utf8(body))
      fail(file, locate(body, *bad), "encoding.bad-after-utf8-bom",
           {{"byte", hex_byte(static_cast<unsigned char>(body[*bad]))}, {"offset", *bad + kUtf8Bom.size()}});
    return std::string(body);
  }

  refuse_nul(bytes, file);

  std::optional<Declaration> decl = declared_encoding(bytes);
  const std::string declared = decl ? upper(decl->encoding) : std::string();
  const bool declared_gb = decl && contains(kGbNames, declared);
  if (decl && !declared_gb && !contains(kUtf8Names, declared)) {
    const model::Pos pos = locate(bytes, decl->offset);
    if (declared.starts_with("UTF-16") || declared.starts_with("UTF-32"))
      fail(file, pos, "encoding.declared-without-bom", {{"declared", decl->encoding}});
    fail(file, pos, "encoding.unsupported", {{"declared", decl->encoding}});
  }

  const std::optional<size_t> bad = first_invalid_utf8(bytes);
  if (!bad) {
    // Valid UTF-8 with Chinese in it is practically never GBK by chance;
    // reading it as the declared GBK would turn every character to mojibake.
    if (declared_gb && has_non_ascii(bytes))
      diags.add(make_diagnostic(Severity::Warning, file, locate(bytes, decl->offset), "encoding.declared-gb-is-utf8",
                                {{"declared", decl->encoding}}));
    return std::string(bytes);
  }
  return from_gb18030(bytes, declared_gb ? decl : std::nullopt, *bad, file, diags);
}

}  // namespace banshi::xml
