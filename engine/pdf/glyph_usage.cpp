#include "pdf/glyph_usage.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "pdf/pdf_format.h"
#include "pdf/text_spans.h"
#include "util/diag.h"

namespace banshi::pdf {

namespace {

// What the walk over the pages keeps per font beside its FontUsage: a flag
// byte per glyph ID instead of every glyph pushed and then sorted (the
// outcome draws ~10,000 glyphs of ~1,000) and a map lookup per glyph for
// its text.
struct Seen {
  static constexpr uint8_t kUsed = 1, kNamed = 2;  // drawn; has its text in FontUsage::text
  std::vector<uint8_t> flags;

  // Sized to the font's glyph count at first; a glyph ID past it is
  // refused when the font is subset, one past any font's (16 bits) here.
  void grow(const Font& font, uint32_t gid) {
    if (gid < flags.size()) return;
    if (gid > 0xFFFF)
      throw EngineError("subset.glyph-range", {{"file", font.file()}, {"index", font.index()}, {"glyph", gid}});
    flags.resize(gid + 1);
  }
};

}  // namespace

std::vector<FontUsage> collect_glyph_usage(const PageSequence& doc, bool copies) {
  std::vector<FontUsage> fonts;
  std::vector<Seen> seen;
  std::unordered_map<const Font*, size_t> index;
  for (const Page& page : doc.pages) {
    for (size_t k = 0; k < page.items.size(); ++k) {
      const auto* run = std::get_if<TextRun>(&page.items[k]);
      if (!run || run->glyphs.empty()) continue;
      if (!run->font) throw EngineError("pdf.run-without-font");
      auto [it, added] = index.try_emplace(run->font, fonts.size());
      if (added) {
        fonts.push_back(FontUsage{run->font, {}, {}, {}});
        seen.emplace_back().flags.resize(run->font->glyph_count());
      }
      FontUsage& use = fonts[it->second];
      Seen& s = seen[it->second];
      for (const PlacedGlyph& g : run->glyphs) s.grow(*run->font, g.gid);
      const std::string_view text = run->text;
      if (copies) {
        const TextRun* next = k + 1 < page.items.size() ? std::get_if<TextRun>(&page.items[k + 1]) : nullptr;
        const double after = continuation_x(*run, next);
        // The same test as the writer's (text_ops), with the /W width
        // prepare_font gives the glyph.
        for (size_t i = 0; i < run->glyphs.size(); ++i) {
          const uint32_t gid = run->glyphs[i].gid;
          const double next_x = next_pen(*run, i, after);
          if (gid == 0 || std::isnan(next_x)) continue;
          const Font& f = *run->font;
          const int width = static_cast<int>(std::lround(f.advance(gid) * 1000.0 / f.upem()));
          if (const int gap = space_gap(*run, i, width, next_x); gap > 0) use.copies.insert({gid, gap});
        }
      }
      for (const PlacedGlyph& g : run->glyphs) {
        s.flags[g.gid] |= Seen::kUsed;
        // .notdef stands for every character the font lacks, so no single
        // text is right for it: leave it out of the ToUnicode map. First
        // mapping wins: a glyph has one ToUnicode entry per font.
        if (g.gid == 0 || g.text_len == 0 || g.text_begin >= text.size() || (s.flags[g.gid] & Seen::kNamed)) continue;
        s.flags[g.gid] |= Seen::kNamed;
        use.text.emplace(g.gid, decode_utf8(run->glyph_text.empty() ? text.substr(g.text_begin, g.text_len)
                                                                    : std::string_view(run->glyph_text)));
      }
    }
  }
  for (size_t f = 0; f < fonts.size(); ++f)
    for (uint32_t gid = 0; gid < seen[f].flags.size(); ++gid)
      if (seen[f].flags[gid] & Seen::kUsed) fonts[f].glyphs.push_back(gid);
  return fonts;
}

}  // namespace banshi::pdf
