#include "para/finalize.h"

#include <algorithm>
#include <cmath>

#include "fonts/stem.h"

namespace banshi {

namespace {

// Synthetic bold as Word and WPS do it: fill and stroke with a line of
// about 1/35 em, the advance unchanged so the grid holds.
constexpr double kFakeBoldStroke = 0.0286;

// A check box in the weight of the text around it: a square standing on
// the baseline as high as a Han character's ink (国's top), ruled with the
// face's own stem width, centred in its one-em cell; ☒ crossed and ☑
// ticked with the same stroke. Drawn at x..x+w on a line whose baseline is
// y = 0 (up negative).
void draw_check_box(const Font& font, double size, double x, double w, char32_t cp, ComposedLine& out) {
  const double scale = size / font.upem();
  const uint32_t han = font.glyph_for(U'国');
  const auto ink = han ? font.extents(han) : std::nullopt;
  const double side = ink && ink->y_max > 0 ? ink->y_max * scale : 0.75 * size;
  double stroke = stem_width(font) * scale;
  if (stroke <= 0 || stroke > 0.12 * size) stroke = 0.05 * size;
  const double left = x + (w - side) / 2;
  out.marks.push_back({left + stroke / 2, -side + stroke / 2, side - stroke, side - stroke, stroke, false});
  const double in = 0.22 * side;  // the tick's margin inside the box
  const double l = left + in, r = left + side - in, top = -side + in, bottom = -in;
  if (cp == 0x2612) {
    out.strokes.push_back({l, top, r, bottom, stroke});
    out.strokes.push_back({l, bottom, r, top, stroke});
  } else if (cp == 0x2611) {
    const double mid_x = left + 0.42 * side, mid_y = bottom;
    out.strokes.push_back({l, -0.5 * side, mid_x, mid_y, stroke});
    out.strokes.push_back({mid_x, mid_y, r, top, stroke});
  }
}

}  // namespace

ComposedLine finalize_line(const Prepared& p, const LineLayout& line) {
  ComposedLine out;
  out.left = line.left;
  out.width = line.width;
  const auto& cs = p.clusters;
  const CollectedText& src = *p.source;
  if (line.range.begin >= line.range.end) return out;
  out.text_begin = cs[line.range.begin].begin;
  out.text_end = cs[line.range.end - 1].end;

  TextRun* run = nullptr;
  size_t run_item = SIZE_MAX;
  size_t run_text_begin = 0;
  LinkArea* link = nullptr;
  int marker_from_before = -1;  // the note of a marker the line before began
  for (size_t k = 0; k < line.range.end - line.range.begin; ++k) {
    const Cluster& c = cs[line.range.begin + k];
    const Item& item = p.items[c.item];
    const SpanStyle& style = src.styles[item.style];
    const double scale = item.size / item.font->upem();
    if (c.item != run_item) {
      if (run) run->text = src.text.substr(run_text_begin, cs[line.range.begin + k - 1].end - run_text_begin);
      out.runs.emplace_back();
      run = &out.runs.back();
      run->font = item.font;
      run->size = item.size;
      run->stroke = style.bold || item.embolden ? kFakeBoldStroke * item.size : 0;
      run_item = c.item;
      if (item.check_box) {
        run->invisible = true;
        run->glyph_text = src.text.substr(c.begin, c.end - c.begin);
      }
      run_text_begin = c.begin;
      const double asc = item.font->ascender() * scale + style.baseline_shift;
      const double desc = -item.font->descender() * scale - style.baseline_shift;
      out.ascent = std::max(out.ascent, asc);
      out.descent = std::max(out.descent, desc);
    }
    double pen = line.x[k] + line.pen[k];
    for (uint32_t g = c.glyph_begin; g < c.glyph_end; ++g) {
      const ShapedGlyph& sg = p.glyphs[g];
      PlacedGlyph pg;
      pg.gid = sg.gid;
      pg.x = pen + sg.x_offset * scale;
      pg.y = -(sg.y_offset * scale + style.baseline_shift);
      // Each of HarfBuzz's clusters carries its text on its first glyph (a
      // cluster of ours may hold several: marks joined to their letter).
      if (g == c.glyph_begin || sg.cluster != p.glyphs[g - 1].cluster) {
        uint32_t end = c.end;
        for (uint32_t h = g + 1; h < c.glyph_end; ++h)
          if (p.glyphs[h].cluster != sg.cluster) {
            end = p.glyphs[h].cluster;
            break;
          }
        pg.text_begin = static_cast<uint32_t>(sg.cluster - run_text_begin);
        pg.text_len = end - sg.cluster;
      }
      run->glyphs.push_back(pg);
      pen += sg.advance * scale;
    }
    // A note belongs to the line its marker starts on (a run of markers
    // with nowhere else to break may be broken inside one: 21|6).
    if (k == 0 && line.range.begin > 0 && style.footnote >= 0 &&
        src.styles[p.items[cs[line.range.begin - 1].item].style].footnote == style.footnote)
      marker_from_before = style.footnote;
    if (style.footnote >= 0 && style.footnote != marker_from_before)
      for (int n = style.footnote; n <= std::max(style.footnote, style.footnote_through); ++n)
        if (out.footnotes.empty() || out.footnotes.back() < n) out.footnotes.push_back(n);
    if (!style.link.empty()) {
      const double top = -(item.size * 0.88 + style.baseline_shift);
      if (link && link->uri == style.link && std::abs(link->x + link->w - line.x[k]) < 1.0) {
        link->w = line.x[k] + line.w[k] - link->x;
      } else {
        out.links.push_back({line.x[k], top, line.w[k], item.size, style.link});
        link = &out.links.back();
      }
    } else {
      link = nullptr;
    }
    if (item.check_box) draw_check_box(*item.font, item.size, line.x[k], line.w[k], c.first, out);
    if (style.emphasis_dots && c.wide && is_cjk_punct(c.cls) == false) {
      // 着重号: a round dot centred under the character, one dot below the
      // bottom of its ideographic em box (0.12 em under the baseline).
      const double d = item.size * 0.15;
      out.marks.push_back({line.x[k] + line.w[k] / 2 - d / 2, item.size * 0.12 + d, d, d, 0, true, true});
    }
  }
  if (run) run->text = src.text.substr(run_text_begin, out.text_end - run_text_begin);
  return out;
}

void shift_line(ComposedLine& line, double dx) {
  line.left += dx;
  for (auto& r : line.runs)
    for (auto& g : r.glyphs) g.x += dx;
  for (auto& m : line.marks) m.x += dx;
  for (auto& l : line.strokes) {
    l.x0 += dx;
    l.x1 += dx;
  }
  for (auto& l : line.links) l.x += dx;
}

}  // namespace banshi
