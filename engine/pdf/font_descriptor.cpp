#include "pdf/font_descriptor.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "pdf/hb_ptr.h"

namespace banshi::pdf {

namespace {

// PDF FontDescriptor flag bits (PDF 32000-1, table 123).
constexpr int kFixedPitch = 1 << 0;
constexpr int kSerif = 1 << 1;
constexpr int kSymbolic = 1 << 2;
constexpr int kItalic = 1 << 6;

// Collects where a glyph's outline crosses the horizontal line y = `y`.
struct Scanline {
  double y = 0;
  double cur_x = 0, cur_y = 0, start_x = 0, start_y = 0;
  std::vector<double> xs;

  void segment(double x0, double y0, double x1, double y1) {
    if ((y0 <= y && y < y1) || (y1 <= y && y < y0)) xs.push_back(x0 + (y - y0) * (x1 - x0) / (y1 - y0));
  }
  void line_to(double x, double y_to) {
    segment(cur_x, cur_y, x, y_to);
    cur_x = x;
    cur_y = y_to;
  }
};

// Curves are flattened into this many chords; plenty for locating a stem
// edge to within a font unit on a scanline through a straight stroke.
constexpr int kCurveSteps = 16;

void on_move(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  auto* s = static_cast<Scanline*>(data);
  s->cur_x = s->start_x = x;
  s->cur_y = s->start_y = y;
}

void on_line(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  static_cast<Scanline*>(data)->line_to(x, y);
}

void on_quad(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float cx, float cy, float x, float y, void*) {
  auto* s = static_cast<Scanline*>(data);
  const double x0 = s->cur_x, y0 = s->cur_y;
  for (int i = 1; i <= kCurveSteps; ++i) {
    const double t = double(i) / kCurveSteps, u = 1 - t;
    s->line_to(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y);
  }
}

void on_cubic(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y, float x,
              float y, void*) {
  auto* s = static_cast<Scanline*>(data);
  const double x0 = s->cur_x, y0 = s->cur_y;
  for (int i = 1; i <= kCurveSteps; ++i) {
    const double t = double(i) / kCurveSteps, u = 1 - t;
    s->line_to(u * u * u * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
               u * u * u * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y);
  }
}

void on_close(hb_draw_funcs_t*, void* data, hb_draw_state_t*, void*) {
  auto* s = static_cast<Scanline*>(data);
  s->line_to(s->start_x, s->start_y);
}

int scaled(double v, unsigned upem) { return static_cast<int>(std::lround(v * 1000.0 / upem)); }

}  // namespace

double measure_stem(const Font& font, uint32_t gid) {
  const auto ext = font.extents(gid);
  if (!ext || ext->y_max <= ext->y_min) return 0;
  HbDrawFuncs funcs(hb_draw_funcs_create());
  hb_draw_funcs_set_move_to_func(funcs.get(), on_move, nullptr, nullptr);
  hb_draw_funcs_set_line_to_func(funcs.get(), on_line, nullptr, nullptr);
  hb_draw_funcs_set_quadratic_to_func(funcs.get(), on_quad, nullptr, nullptr);
  hb_draw_funcs_set_cubic_to_func(funcs.get(), on_cubic, nullptr, nullptr);
  hb_draw_funcs_set_close_path_func(funcs.get(), on_close, nullptr, nullptr);
  Scanline scan;
  // Off the integer grid so the line never passes exactly through a vertex.
  scan.y = (ext->y_min + ext->y_max) / 2.0 + 0.37;
  hb_font_get_glyph_shape(font.hb_font(), gid, funcs.get(), &scan);
  if (scan.xs.size() < 2) return 0;
  std::sort(scan.xs.begin(), scan.xs.end());
  return scan.xs[1] - scan.xs[0];
}

DescriptorMetrics descriptor_metrics(const Font& font) {
  const unsigned upem = font.upem();
  DescriptorMetrics m;
  m.ascent = scaled(font.ascender(), upem);
  m.descent = scaled(font.descender(), upem);

  const DescriptorFacts& f = font.descriptor_facts();
  m.bbox = {scaled(double(f.bbox[0]), upem), scaled(double(f.bbox[1]), upem), scaled(double(f.bbox[2]), upem),
            scaled(double(f.bbox[3]), upem)};

  // Every font here is addressed by CID through Identity-H, never through a
  // standard Latin encoding, which is what the Symbolic flag tells viewers.
  m.flags = kSymbolic;
  m.italic_angle = std::round(f.italic_angle * 100) / 100;
  if (f.fixed_pitch) m.flags |= kFixedPitch;
  if (f.has_os2) {
    // The typographic (design) ascender and descender where the font has
    // them: for CJK faces the ideographic em box (880/-120), not the line
    // spacing that hhea may carry.
    if (f.typo_ascender > 0 && f.typo_descender <= 0) {
      m.ascent = scaled(f.typo_ascender, upem);
      m.descent = scaled(f.typo_descender, upem);
    }
    // PANOSE Latin text family with a serif style from cove to triangle.
    if (f.panose[0] == 2 && f.panose[1] >= 2 && f.panose[1] <= 10) m.flags |= kSerif;
    if (f.fs_selection & 1) m.flags |= kItalic;
    if (f.cap_height > 0) m.cap_height = scaled(f.cap_height, upem);
  }
  if (m.italic_angle != 0) m.flags |= kItalic;
  if (m.cap_height == 0) {
    const uint32_t h = font.glyph_for(U'H');
    const auto ext = h ? font.extents(h) : std::nullopt;
    m.cap_height = ext && ext->y_max > 0 ? scaled(ext->y_max, upem) : m.ascent;
  }

  // StemV: measured on a glyph that is one vertical stroke (丨 for CJK
  // faces, l or I otherwise); estimated from the weight class when the face
  // has none of them.
  for (char32_t cp : {U'\u4E28', U'l', U'I'}) {
    const uint32_t g = font.glyph_for(cp);
    const double stem = g ? measure_stem(font, g) : 0;
    if (stem > 0) {
      m.stem_v = scaled(stem, upem);
      break;
    }
  }
  if (m.stem_v == 0) {
    const double w = font.weight() / 65.0;
    m.stem_v = static_cast<int>(std::lround(50 + w * w));
  }
  return m;
}

}  // namespace banshi::pdf
