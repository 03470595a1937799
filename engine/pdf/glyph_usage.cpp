#include "pdf/glyph_usage.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "pdf/pdf_format.h"
#include "util/diag.h"

namespace banshi::pdf {

std::vector<FontUsage> collect_glyph_usage(const PageSequence& doc) {
  std::vector<FontUsage> fonts;
  std::unordered_map<const Font*, size_t> index;
  for (const Page& page : doc.pages) {
    for (const PageItem& item : page.items) {
      const auto* run = std::get_if<TextRun>(&item);
      if (!run || run->glyphs.empty()) continue;
      if (!run->font) throw EngineError("pdf.run-without-font");
      auto [it, added] = index.try_emplace(run->font, fonts.size());
      if (added) fonts.push_back(FontUsage{run->font, {}, {}});
      FontUsage& use = fonts[it->second];
      const std::string_view text = run->text;
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
