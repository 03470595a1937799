#include "pdf/glyph_usage.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "pdf/pdf_format.h"
#include "pdf/text_spans.h"
#include "util/diag.h"

namespace banshi::pdf {

std::vector<FontUsage> collect_glyph_usage(const PageSequence& doc, bool copies) {
  std::vector<FontUsage> fonts;
  std::unordered_map<const Font*, size_t> index;
  for (const Page& page : doc.pages) {
    for (size_t k = 0; k < page.items.size(); ++k) {
      const auto* run = std::get_if<TextRun>(&page.items[k]);
      if (!run || run->glyphs.empty()) continue;
      if (!run->font) throw EngineError("pdf.run-without-font");
      auto [it, added] = index.try_emplace(run->font, fonts.size());
      if (added) fonts.push_back(FontUsage{run->font, {}, {}, {}});
      FontUsage& use = fonts[it->second];
      const std::string_view text = run->text;
      if (copies) {
        const TextRun* next = k + 1 < page.items.size() ? std::get_if<TextRun>(&page.items[k + 1]) : nullptr;
        const double after = continuation_x(*run, next);
        const Font& f = *run->font;
        // The same test as the writer's (text_ops), with the /W width
        // prepare_font gives the glyph.
        for (size_t i = 0; i < run->glyphs.size(); ++i) {
          const uint32_t gid = run->glyphs[i].gid;
          const double next_x = next_pen(*run, i, after);
          if (gid == 0 || std::isnan(next_x)) continue;
          const int width = static_cast<int>(std::lround(f.advance(gid) * 1000.0 / f.upem()));
          if (const int gap = space_gap(*run, i, width, next_x); gap > 0) use.copies.insert({gid, gap});
        }
      }
      for (const PlacedGlyph& g : run->glyphs) {
        use.glyphs.push_back(g.gid);
        // .notdef stands for every character the font lacks, so no single
        // text is right for it: leave it out of the ToUnicode map.
        if (g.gid == 0 || g.text_len == 0 || g.text_begin >= text.size()) continue;
        if (!run->glyph_text.empty()) {
          use.text.try_emplace(g.gid, decode_utf8(run->glyph_text));
          continue;
        }
        // First mapping wins: a glyph has one ToUnicode entry per font.
        if (use.text.count(g.gid)) continue;
        use.text.emplace(g.gid, decode_utf8(text.substr(g.text_begin, g.text_len)));
      }
    }
  }
  for (FontUsage& use : fonts) {
    std::sort(use.glyphs.begin(), use.glyphs.end());
    use.glyphs.erase(std::unique(use.glyphs.begin(), use.glyphs.end()), use.glyphs.end());
  }
  return fonts;
}

}  // namespace banshi::pdf
