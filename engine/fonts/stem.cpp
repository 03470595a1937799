#include "fonts/stem.h"

#include <hb.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace banshi {

namespace {

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

struct DrawFuncsDeleter {
  void operator()(hb_draw_funcs_t* f) const { hb_draw_funcs_destroy(f); }
};

}  // namespace

double measure_stem(const Font& font, uint32_t gid) {
  const auto ext = font.extents(gid);
  if (!ext || ext->y_max <= ext->y_min) return 0;
  std::unique_ptr<hb_draw_funcs_t, DrawFuncsDeleter> funcs(hb_draw_funcs_create());
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

double stem_width(const Font& font) {
  for (char32_t cp : {U'丨', U'口', U'l'})
    if (const uint32_t g = font.glyph_for(cp))
      if (const double w = measure_stem(font, g); w > 0) return w;
  return 0;
}

}  // namespace banshi
