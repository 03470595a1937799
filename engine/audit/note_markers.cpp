// Note markers in a line of text and the numbers notes start with, as
// footnotes.page and the margins' full-page rule read them.
#include "audit/note_markers.h"

#include <string_view>

#include "para/char_class.h"

namespace banshi::audit {

namespace {

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

int circled(char32_t c) {
  if (c >= 0x2460 && c <= 0x2473) return static_cast<int>(c - 0x2460) + 1;  // ① … ⑳
  return 0;
}

}  // namespace

// The number a note starts with: superscript digits before its text, or
// digits / a circled number / [n] as its first characters — these only
// when they are the next number (or 1), since a note's second line may
// begin with digits too ("17—23 页").
std::optional<int> note_number(const Page& p, const Line& l, int last) {
  const double start = p.glyphs[l.glyphs.front()].x;
  int n = 0, digits = 0;
  for (uint32_t s : l.scripts) {
    const Glyph& g = p.glyphs[s];
    if (g.x > start + 0.5 * l.size) break;
    if (!is_digit(g.cp)) return std::nullopt;
    n = n * 10 + static_cast<int>(g.cp >= 0xFF10 ? g.cp - 0xFF10 : g.cp - '0');
    ++digits;
  }
  if (digits) return n;
  const std::u32string& t = l.text;
  if (!t.empty() && circled(t[0])) return circled(t[0]);
  size_t i = (!t.empty() && (t[0] == '[' || t[0] == U'［')) ? 1 : 0;
  for (; i < t.size() && is_digit(t[i]) && digits < 3; ++i, ++digits)
    n = n * 10 + static_cast<int>(t[i] >= 0xFF10 ? t[i] - 0xFF10 : t[i] - '0');
  if (digits == 0 || i >= t.size() || is_digit(t[i])) return std::nullopt;
  if (n != last + 1 && n != 1) return std::nullopt;
  return n;
}

// Note markers in the text: superscript digits after a Han character or a
// mark (not after a letter or digit: m², x³ are exponents; not in
// brackets: [2,5] is a citation), or circled numbers.
void find_markers(const Page& p, const Line& l, std::vector<Marker>& out) {
  size_t k = 0;
  while (k < l.scripts.size()) {
    const Glyph& g = p.glyphs[l.scripts[k]];
    if (!is_digit(g.cp)) {
      ++k;
      continue;
    }
    // The run of digits, and what precedes it on the line.
    int n = 0;
    size_t e = k;
    float end = g.x;
    while (e < l.scripts.size() && is_digit(p.glyphs[l.scripts[e]].cp)) {
      const Glyph& d = p.glyphs[l.scripts[e]];
      if (e > k && d.x - end > 0.5 * d.size) break;
      n = n * 10 + static_cast<int>(d.cp >= 0xFF10 ? d.cp - 0xFF10 : d.cp - '0');
      end = d.x + d.adv;
      ++e;
    }
    const bool bracketed =
        (k > 0 && std::u32string_view(U"[［,，").find(p.glyphs[l.scripts[k - 1]].cp) != std::u32string_view::npos) ||
        (e < l.scripts.size() &&
         std::u32string_view(U"]］,，").find(p.glyphs[l.scripts[e]].cp) != std::u32string_view::npos);
    char32_t before = 0;
    for (uint32_t i : l.glyphs)
      if (p.glyphs[i].x < g.x) before = p.glyphs[i].cp;
    const bool after_text = before == 0 || is_han(before) || (is_wide(before) && !is_han(before));
    if (!bracketed && after_text) out.push_back({n, p.seq});
    k = e;
  }
  for (uint32_t i : l.glyphs)
    if (int c = circled(p.glyphs[i].cp)) out.push_back({c, p.seq});
}

}  // namespace banshi::audit
