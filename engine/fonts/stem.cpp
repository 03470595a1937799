#include "fonts/stem.h"

#include <hb.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace banshi {

namespace {

// The x where the outline crosses the line y = `y`, curves flattened into
// 16 pieces (far finer than a stem's width needs).
struct Crossings {
  double y = 0;
  double x0 = 0, y0 = 0;
  std::vector<double> xs;

  void segment(double x1, double y1) {
    if ((y0 - y) * (y1 - y) < 0) xs.push_back(x0 + (y - y0) * (x1 - x0) / (y1 - y0));
    x0 = x1;
    y0 = y1;
  }
};

constexpr int kPieces = 16;

void move_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  auto* c = static_cast<Crossings*>(data);
  c->x0 = x;
  c->y0 = y;
}

void line_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  static_cast<Crossings*>(data)->segment(x, y);
}

void quadratic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float cx, float cy, float x, float y, void*) {
  auto* c = static_cast<Crossings*>(data);
  const double sx = c->x0, sy = c->y0;
  for (int i = 1; i <= kPieces; ++i) {
    const double t = double(i) / kPieces, u = 1 - t;
    c->segment(u * u * sx + 2 * u * t * cx + t * t * x, u * u * sy + 2 * u * t * cy + t * t * y);
  }
}

void cubic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y, float x,
              float y, void*) {
  auto* c = static_cast<Crossings*>(data);
  const double sx = c->x0, sy = c->y0;
  for (int i = 1; i <= kPieces; ++i) {
    const double t = double(i) / kPieces, u = 1 - t;
    c->segment(u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
               u * u * u * sy + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y);
  }
}

struct DrawFuncsDeleter {
  void operator()(hb_draw_funcs_t* f) const { hb_draw_funcs_destroy(f); }
};

// The first stem of `cp`'s glyph half-way up its ink.
double stem_of(const Font& font, char32_t cp) {
  const uint32_t gid = font.glyph_for(cp);
  const auto ext = gid ? font.extents(gid) : std::nullopt;
  if (!ext) return 0;
  std::unique_ptr<hb_draw_funcs_t, DrawFuncsDeleter> funcs(hb_draw_funcs_create());
  hb_draw_funcs_set_move_to_func(funcs.get(), move_to, nullptr, nullptr);
  hb_draw_funcs_set_line_to_func(funcs.get(), line_to, nullptr, nullptr);
  hb_draw_funcs_set_quadratic_to_func(funcs.get(), quadratic_to, nullptr, nullptr);
  hb_draw_funcs_set_cubic_to_func(funcs.get(), cubic_to, nullptr, nullptr);
  Crossings c;
  c.y = (ext->y_min + ext->y_max) / 2.0;
  hb_font_get_glyph_shape(font.hb_font(), gid, funcs.get(), &c);
  if (c.xs.size() < 2) return 0;
  std::sort(c.xs.begin(), c.xs.end());
  return c.xs[1] - c.xs[0];
}

}  // namespace

double stem_width(const Font& font) {
  for (char32_t cp : {U'丨', U'口', U'l'})
    if (const double w = stem_of(font, cp); w > 0) return w;
  return 0;
}

}  // namespace banshi
