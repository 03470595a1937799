#include "audit/raw_pdf.h"

#include <ft2build.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include "audit/mupdf.h"
#include "fonts/families.h"

namespace banshi::audit {

namespace {

// What the resource walk learns about the fonts of a page, before MuPDF
// draws it: the PDF says whether a font is embedded (a FontFile stream),
// which the fz_font drawn with it no longer shows reliably.
struct KnownFont {
  fz_font* font = nullptr;
  bool embedded = true;
};

// Collects one page while MuPDF draws it. Its methods are called from
// MuPDF's device callbacks: they catch their own C++ exceptions and report
// them through `failed`, since neither may cross MuPDF's C frames.
class PageCollector {
 public:
  PageCollector(RawDocument& doc, RawPage& page, std::unordered_map<fz_font*, uint16_t>& font_index,
                const std::vector<KnownFont>& known)
      : doc_(doc), page_(page), font_index_(font_index), known_(known) {}

  bool failed = false;

  void text(fz_context* ctx, const fz_text* text, fz_matrix ctm, bool fill, bool stroke, float stroke_width,
            bool invisible) {
    for (const fz_text_span* span = text->head; span; span = span->next) {
      const int font = font_id(ctx, span->font);
      if (font < 0) return;
      const fz_matrix trm = fz_concat(span->trm, ctm);
      const float size = std::sqrt(trm.c * trm.c + trm.d * trm.d);
      const float xscale = std::sqrt(trm.a * trm.a + trm.b * trm.b);
      const bool upright = !span->wmode && trm.a > 0 && trm.d < 0 && std::fabs(trm.b) < 0.02f * trm.a &&
                           std::fabs(trm.c) < 0.02f * std::fabs(trm.d);
      for (int i = 0; i < span->len; ++i) {
        const fz_text_item& item = span->items[i];
        Glyph g;
        const fz_point p = fz_transform_point(fz_make_point(item.x, item.y), ctm);
        g.cp = item.ucs > 0 && item.ucs <= 0x10FFFF ? static_cast<char32_t>(item.ucs) : 0xFFFD;
        g.x = p.x;
        g.y = p.y;
        g.size = size;
        g.adv = item.gid >= 0 ? fz_advance_glyph(ctx, span->font, item.gid, span->wmode) * xscale : 0.0f;
        g.font = static_cast<uint16_t>(font);
        g.filled = fill;
        g.stroked = stroke;
        g.stroke = stroke ? stroke_width : 0.0f;
        g.upright = upright;
        g.invisible = invisible;
        add(g);
      }
    }
  }

  // A path: straight horizontal and vertical pieces become rules, the rest
  // areas (filled) or drawings (stroked).
  void path(fz_context* ctx, const fz_path* path, fz_matrix ctm, bool stroked, float line_width) {
    PathWalk walk(ctm, stroked, line_width);
    fz_path_walker w{};
    w.moveto = &PathWalk::moveto;
    w.lineto = &PathWalk::lineto;
    w.curveto = &PathWalk::curveto;
    w.closepath = &PathWalk::closepath;
    w.rectto = &PathWalk::rectto;
    fz_walk_path(ctx, path, &w, &walk);
    walk.finish_subpath();
    walk.frames();
    if (walk.oom) {
      failed = true;
      return;
    }
    const fz_rect c = clip();
    try {
      for (Rule r : walk.rules) {
        // As far as the clip shows it.
        r.x0 = std::max<double>(r.x0, c.x0);
        r.x1 = std::min<double>(r.x1, c.x1);
        r.y0 = std::max<double>(r.y0, c.y0);
        r.y1 = std::min<double>(r.y1, c.y1);
        if (r.x0 <= r.x1 && r.y0 <= r.y1) page_.rules.push_back(r);
      }
      for (const auto& a : walk.areas) {
        const fz_rect v = fz_intersect_rect(fz_rect{static_cast<float>(a.x0), static_cast<float>(a.y0),
                                                    static_cast<float>(a.x1), static_cast<float>(a.y1)},
                                            c);
        if (!fz_is_empty_rect(v)) (stroked ? page_.curves : page_.areas).push_back({v.x0, v.y0, v.x1, v.y1});
      }
    } catch (...) {
      failed = true;
    }
  }

  // A shading, image or filled box, as much of it as the clip shows; a
  // thin one (a rule drawn as a gradient or an image) is a rule.
  void box(fz_rect r, bool image) {
    r = fz_intersect_rect(r, clip());
    if (fz_is_empty_rect(r)) return;
    try {
      const double w = r.x1 - r.x0, h = r.y1 - r.y0;
      if (!image && std::min(w, h) <= 2.5 && std::max(w, h) > 2.5) {
        if (w >= h) page_.rules.push_back({r.x0, (r.y0 + r.y1) / 2, r.x1, (r.y0 + r.y1) / 2, h});
        else page_.rules.push_back({(r.x0 + r.x1) / 2, r.y0, (r.x0 + r.x1) / 2, r.y1, w});
        return;
      }
      (image ? page_.images : page_.areas).push_back({r.x0, r.y0, r.x1, r.y1});
    } catch (...) {
      failed = true;
    }
  }

  // The clip stack, so that what is drawn is measured as far as it shows,
  // and the inside of a soft mask, which is not drawn on the page at all.
  void push_clip(fz_rect r) {
    try {
      clips_.push_back(fz_intersect_rect(r, clip()));
    } catch (...) {
      failed = true;
    }
  }
  void pop_clip() {
    if (!clips_.empty()) clips_.pop_back();
  }
  fz_rect clip() const { return clips_.empty() ? fz_infinite_rect : clips_.back(); }
  int mask_depth = 0;

 private:
  // Straight pieces of one path, in device space.
  struct PathWalk {
    PathWalk(fz_matrix m, bool s, float w) : ctm(m), stroked(s), line_width(w) {}
    fz_matrix ctm;
    bool stroked;
    float line_width;
    fz_point start{}, current{};
    // The current subpath: its points and whether it is all straight and
    // axis-aligned, to tell a thin rectangle (a rule) from a shape.
    fz_rect bbox = fz_empty_rect;
    bool curved = false, slanted = false;
    int points = 0;
    bool oom = false;
    std::vector<Rule> rules;
    std::vector<Rect> areas;
    std::vector<bool> straight;  // per area: an axis-aligned box

    // A box with a box cut out of it (filled even-odd, as CSS engines
    // draw borders) is the border's sides: thin ones are rules.
    void frames() {
      if (stroked || areas.size() != 2 || !straight[0] || !straight[1]) return;
      const Rect& o =
          areas[0].width() * areas[0].height() >= areas[1].width() * areas[1].height() ? areas[0] : areas[1];
      const Rect& i = &o == &areas[0] ? areas[1] : areas[0];
      if (i.x0 < o.x0 - 0.01 || i.y0 < o.y0 - 0.01 || i.x1 > o.x1 + 0.01 || i.y1 > o.y1 + 0.01) return;
      const double top = i.y0 - o.y0, bottom = o.y1 - i.y1, left = i.x0 - o.x0, right = o.x1 - i.x1;
      if (std::max({top, bottom, left, right}) > 2.5) return;
      if (top > 0.01) push({o.x0, o.y0 + top / 2, o.x1, o.y0 + top / 2, top});
      if (bottom > 0.01) push({o.x0, o.y1 - bottom / 2, o.x1, o.y1 - bottom / 2, bottom});
      if (left > 0.01) push({o.x0 + left / 2, o.y0, o.x0 + left / 2, o.y1, left});
      if (right > 0.01) push({o.x1 - right / 2, o.y0, o.x1 - right / 2, o.y1, right});
      areas.clear();
      straight.clear();
    }

    static PathWalk& self(void* arg) { return *static_cast<PathWalk*>(arg); }
    fz_point device(float x, float y) const { return fz_transform_point(fz_make_point(x, y), ctm); }
    void include(fz_point p) { bbox = points++ ? fz_include_point_in_rect(bbox, p) : fz_rect{p.x, p.y, p.x, p.y}; }
    void segment(fz_point a, fz_point b) {
      const bool h = std::fabs(a.y - b.y) < 0.05f, v = std::fabs(a.x - b.x) < 0.05f;
      if (!h && !v) slanted = true;
      if (stroked && (h || v) && (a.x != b.x || a.y != b.y)) {
        Rule r{std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y), line_width};
        push(r);
      }
    }
    void push(const Rule& r) {
      try {
        rules.push_back(r);
      } catch (...) {
        oom = true;
      }
    }
    void finish_subpath() {
      if (points == 0) return;
      const double w = bbox.x1 - bbox.x0, h = bbox.y1 - bbox.y0;
      if (!stroked && !curved && !slanted && (w > 0 || h > 0) && (std::min(w, h) <= 2.5) && std::max(w, h) > 2.5) {
        // A thin filled rectangle: a rule along its long side.
        Rule r;
        if (w >= h) r = {bbox.x0, (bbox.y0 + bbox.y1) / 2, bbox.x1, (bbox.y0 + bbox.y1) / 2, h};
        else r = {(bbox.x0 + bbox.x1) / 2, bbox.y0, (bbox.x0 + bbox.x1) / 2, bbox.y1, w};
        push(r);
      } else if (!stroked || curved || slanted) {
        try {
          areas.push_back({bbox.x0, bbox.y0, bbox.x1, bbox.y1});
          straight.push_back(!stroked && !curved && !slanted);
        } catch (...) {
          oom = true;
        }
      }
      points = 0;
      curved = slanted = false;
      bbox = fz_empty_rect;
    }
    static void moveto(fz_context*, void* arg, float x, float y) {
      auto& s = self(arg);
      s.finish_subpath();
      s.start = s.current = s.device(x, y);
      s.include(s.current);
    }
    static void lineto(fz_context*, void* arg, float x, float y) {
      auto& s = self(arg);
      const fz_point p = s.device(x, y);
      s.segment(s.current, p);
      s.current = p;
      s.include(p);
    }
    static void curveto(fz_context*, void* arg, float x1, float y1, float x2, float y2, float x3, float y3) {
      auto& s = self(arg);
      s.include(s.device(x1, y1));
      s.include(s.device(x2, y2));
      s.current = s.device(x3, y3);
      s.include(s.current);
      s.curved = true;
    }
    static void closepath(fz_context*, void* arg) {
      auto& s = self(arg);
      s.segment(s.current, s.start);
      s.current = s.start;
    }
    static void rectto(fz_context*, void* arg, float x0, float y0, float x1, float y1) {
      auto& s = self(arg);
      s.finish_subpath();
      const fz_point a = s.device(x0, y0), b = s.device(x1, y0), c = s.device(x1, y1), d = s.device(x0, y1);
      s.include(a);
      s.include(b);
      s.include(c);
      s.include(d);
      s.segment(a, b);
      s.segment(b, c);
      s.segment(c, d);
      s.segment(d, a);
      s.start = s.current = a;
      s.finish_subpath();
    }
  };

  int font_id(fz_context* ctx, fz_font* font) {
    try {
      auto it = font_index_.find(font);
      if (it != font_index_.end()) return it->second;
      if (doc_.fonts.size() >= 65535) return -1;
      FontInfo info;
      info.raw_name = fz_font_name(ctx, font);
      info.name = readable_font_name(info.raw_name);
      info.subset = has_subset_tag(info.raw_name);
      info.type3 = fz_font_t3_procs(ctx, font) != nullptr;
      info.bold = fz_font_is_bold(ctx, font) != 0;
      // The weight of the program itself: MuPDF marks a regular program
      // bold when the PDF's name or flags say so, and a viewer may or may
      // not embolden it then.
      if (auto* face = static_cast<FT_Face>(fz_font_ft_face(ctx, font))) {
        const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
        info.program_bold = (face->style_flags & FT_STYLE_FLAG_BOLD) || (os2 && os2->usWeightClass >= 600);
      }
      info.fake_bold = fz_font_flags(font)->fake_bold != 0;
      info.embedded = !fz_font_flags(font)->ft_substitute;
      for (const auto& k : known_)
        if (k.font == font) info.embedded = k.embedded;
      if (info.type3) info.embedded = true;  // its glyphs are in the file
      const auto id = static_cast<uint16_t>(doc_.fonts.size());
      doc_.fonts.push_back(std::move(info));
      // The map holds the pointer for the whole document: keep the font so
      // the address cannot be reused by another one.
      kept_.push_back(fz_keep_font(ctx, font));
      font_index_.emplace(font, id);
      return id;
    } catch (...) {
      failed = true;
      return -1;
    }
  }

  void add(const Glyph& g) {
    try {
      page_.glyphs.push_back(g);
    } catch (...) {
      failed = true;
    }
  }

  std::vector<fz_rect> clips_;
  RawDocument& doc_;
  RawPage& page_;
  std::unordered_map<fz_font*, uint16_t>& font_index_;
  const std::vector<KnownFont>& known_;

 public:
  std::vector<fz_font*> kept_;
};

// The device MuPDF draws into: a fz_device followed by our collector.
struct CollectDevice {
  fz_device super;
  PageCollector* sink;
};

PageCollector& sink(fz_device* dev) { return *reinterpret_cast<CollectDevice*>(dev)->sink; }

void fill_text(fz_context* ctx, fz_device* dev, const fz_text* t, fz_matrix ctm, fz_colorspace*, const float*, float,
               fz_color_params) {
  if (sink(dev).mask_depth > 0) return;
  sink(dev).text(ctx, t, ctm, true, false, 0, false);
}
void stroke_text(fz_context* ctx, fz_device* dev, const fz_text* t, const fz_stroke_state* st, fz_matrix ctm,
                 fz_colorspace*, const float*, float, fz_color_params) {
  if (sink(dev).mask_depth > 0) return;
  const float w = st ? st->linewidth * std::sqrt(std::fabs(ctm.a * ctm.d - ctm.b * ctm.c)) : 0;
  sink(dev).text(ctx, t, ctm, false, true, w, false);
}
void ignore_text(fz_context* ctx, fz_device* dev, const fz_text* t, fz_matrix ctm) {
  if (sink(dev).mask_depth > 0) return;
  sink(dev).text(ctx, t, ctm, false, false, 0, true);
}
void fill_path(fz_context* ctx, fz_device* dev, const fz_path* p, int, fz_matrix ctm, fz_colorspace*, const float*,
               float alpha, fz_color_params) {
  if (alpha <= 0 || sink(dev).mask_depth > 0) return;
  sink(dev).path(ctx, p, ctm, false, 0);
}
void stroke_path(fz_context* ctx, fz_device* dev, const fz_path* p, const fz_stroke_state* st, fz_matrix ctm,
                 fz_colorspace*, const float*, float alpha, fz_color_params) {
  if (alpha <= 0 || sink(dev).mask_depth > 0) return;
  const float w = st ? st->linewidth * std::sqrt(std::fabs(ctm.a * ctm.d - ctm.b * ctm.c)) : 1;
  sink(dev).path(ctx, p, ctm, true, std::max(w, 0.1f));
}
void fill_shade(fz_context* ctx, fz_device* dev, fz_shade* shade, fz_matrix ctm, float alpha, fz_color_params) {
  if (alpha <= 0 || sink(dev).mask_depth > 0) return;
  sink(dev).box(fz_bound_shade(ctx, shade, ctm), false);
}
void fill_image(fz_context*, fz_device* dev, fz_image*, fz_matrix ctm, float alpha, fz_color_params) {
  if (alpha <= 0 || sink(dev).mask_depth > 0) return;
  sink(dev).box(fz_transform_rect(fz_unit_rect, ctm), true);
}
void fill_image_mask(fz_context*, fz_device* dev, fz_image*, fz_matrix ctm, fz_colorspace*, const float*, float alpha,
                     fz_color_params) {
  if (alpha <= 0 || sink(dev).mask_depth > 0) return;
  sink(dev).box(fz_transform_rect(fz_unit_rect, ctm), true);
}
void clip_path(fz_context* ctx, fz_device* dev, const fz_path* p, int, fz_matrix ctm, fz_rect) {
  sink(dev).push_clip(fz_bound_path(ctx, p, nullptr, ctm));
}
void clip_stroke_path(fz_context* ctx, fz_device* dev, const fz_path* p, const fz_stroke_state* st, fz_matrix ctm,
                      fz_rect) {
  sink(dev).push_clip(fz_bound_path(ctx, p, st, ctm));
}
void clip_text(fz_context* ctx, fz_device* dev, const fz_text* t, fz_matrix ctm, fz_rect) {
  sink(dev).push_clip(fz_bound_text(ctx, t, nullptr, ctm));
}
void clip_stroke_text(fz_context* ctx, fz_device* dev, const fz_text* t, const fz_stroke_state* st, fz_matrix ctm,
                      fz_rect) {
  sink(dev).push_clip(fz_bound_text(ctx, t, st, ctm));
}
void clip_image_mask(fz_context*, fz_device* dev, fz_image*, fz_matrix ctm, fz_rect) {
  sink(dev).push_clip(fz_transform_rect(fz_unit_rect, ctm));
}
void pop_clip(fz_context*, fz_device* dev) { sink(dev).pop_clip(); }
// A soft mask's content is drawn between begin_mask and end_mask: not on
// the page. end_mask then acts as a clip, popped by pop_clip.
void begin_mask(fz_context*, fz_device* dev, fz_rect area, int, fz_colorspace*, const float*, fz_color_params) {
  sink(dev).mask_depth++;
  (void)area;
}
void end_mask(fz_context*, fz_device* dev) {
  if (sink(dev).mask_depth > 0) sink(dev).mask_depth--;
  sink(dev).push_clip(fz_infinite_rect);
}

// What MuPDF says while it reads: warnings (a repaired file) and errors it
// recovers from. Kept, not printed.
struct Notices {
  int warnings = 0, errors = 0;
  bool repaired = false;
};

void on_warning(void* user, const char* message) {
  auto& n = *static_cast<Notices*>(user);
  ++n.warnings;
  if (message && std::strstr(message, "repair")) n.repaired = true;
}
void on_error(void* user, const char*) { ++static_cast<Notices*>(user)->errors; }

// The fonts of a page's resources, its form XObjects' and patterns',
// loaded as MuPDF will load them to draw the page (they are cached by
// object), so each fz_font can be told embedded or not.
void walk_resources(fz_context* ctx, pdf_document* doc, pdf_obj* res, std::vector<KnownFont>& out,
                    std::vector<pdf_font_desc*>& held, std::vector<pdf_obj*>& seen, int depth) {
  if (!res || depth > 12 || !pdf_is_dict(ctx, res)) return;
  if (std::find(seen.begin(), seen.end(), res) != seen.end()) return;
  if (seen.size() > 10000) return;
  seen.push_back(res);
  pdf_obj* fonts = pdf_dict_get(ctx, res, PDF_NAME(Font));
  const int nf = pdf_dict_len(ctx, fonts);
  for (int i = 0; i < nf; ++i) {
    pdf_obj* f = pdf_dict_get_val(ctx, fonts, i);
    pdf_font_desc* desc = nullptr;
    fz_try(ctx) { desc = pdf_load_font(ctx, doc, res, f); }
    fz_catch(ctx) { desc = nullptr; }
    if (!desc) continue;
    held.push_back(desc);
    const bool type3 = pdf_name_eq(ctx, pdf_dict_get(ctx, f, PDF_NAME(Subtype)), PDF_NAME(Type3));
    out.push_back({desc->font, type3 || desc->is_embedded != 0});
    if (type3) walk_resources(ctx, doc, pdf_dict_get(ctx, f, PDF_NAME(Resources)), out, held, seen, depth + 1);
  }
  for (pdf_obj* kind : {PDF_NAME(XObject), PDF_NAME(Pattern)}) {
    pdf_obj* dict = pdf_dict_get(ctx, res, kind);
    const int n = pdf_dict_len(ctx, dict);
    for (int i = 0; i < n; ++i)
      walk_resources(ctx, doc, pdf_dict_get(ctx, pdf_dict_get_val(ctx, dict, i), PDF_NAME(Resources)), out, held, seen,
                     depth + 1);
  }
}

// Merges what was drawn twice: the stroke that makes synthetic bold (text
// render mode 2 draws each glyph filled, then stroked) and a glyph drawn
// again a hair to the side (bold by overprinting).
void merge_repeats(std::vector<Glyph>& glyphs) {
  std::vector<size_t> order(glyphs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [&](size_t i) { return std::make_tuple(glyphs[i].cp, glyphs[i].font, std::lround(glyphs[i].y * 2)); };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (key(a) != key(b)) return key(a) < key(b);
    return glyphs[a].x < glyphs[b].x;
  });
  std::vector<bool> drop(glyphs.size(), false);
  for (size_t k = 0; k + 1 < order.size(); ++k) {
    Glyph& a = glyphs[order[k]];
    if (drop[order[k]]) continue;
    for (size_t m = k + 1; m < order.size() && key(order[m]) == key(order[k]); ++m) {
      Glyph& b = glyphs[order[m]];
      const float dx = std::fabs(b.x - a.x), dy = std::fabs(b.y - a.y), em = std::max(a.size, 1.0f);
      if (dx > 0.15f * em) break;
      if (dy > 0.15f * em || std::fabs(a.size - b.size) > 0.05f * em || a.invisible != b.invisible) continue;
      a.filled = a.filled || b.filled;
      if (b.stroked) {
        a.stroked = true;
        a.stroke = std::max(a.stroke, b.stroke);
      }
      if (dx > 0.01f * em || dy > 0.01f * em) a.overprint = true;
      drop[order[m]] = true;
    }
  }
  size_t w = 0;
  for (size_t i = 0; i < glyphs.size(); ++i)
    if (!drop[i]) glyphs[w++] = glyphs[i];
  glyphs.resize(w);
}

bool looks_like_pdf(std::string_view bytes) {
  // The header may follow some junk (up to 1024 bytes, as readers allow).
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

std::string metadata(fz_context* ctx, fz_document* doc, const char* key) {
  char buf[256] = {};
  int n = 0;
  auto err = mu::guarded(ctx, [&] { n = fz_lookup_metadata(ctx, doc, key, buf, sizeof buf); });
  if (err || n <= 0) return {};
  return readable_font_name(buf);  // any producer string: UTF-8 or GB18030
}

}  // namespace

RawDocument read_pdf(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.empty()) throw UnreadableError(Unreadable::Empty, "empty");
  if (!looks_like_pdf(bytes)) throw UnreadableError(Unreadable::NotPdf, "no %PDF- header");

  mu::Context owned(fz_new_context(nullptr, nullptr, FZ_STORE_DEFAULT));
  if (!owned) throw std::bad_alloc();
  fz_context* ctx = owned.get();
  Notices notices;
  fz_set_warning_callback(ctx, on_warning, &notices);
  fz_set_error_callback(ctx, on_error, &notices);

  mu::Stream stream;
  mu::Document doc;
  {
    fz_stream* s = nullptr;
    if (auto err = mu::guarded(
            ctx, [&] { s = fz_open_memory(ctx, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()); }))
      throw UnreadableError(Unreadable::Damaged, *err);
    stream = mu::Stream(ctx, s);
    fz_document* d = nullptr;
    // The PDF handler directly: nothing else is to be read as a PDF.
    if (auto err = mu::guarded(ctx, [&] { d = &pdf_open_document_with_stream(ctx, s)->super; }))
      throw UnreadableError(Unreadable::Damaged, *err);
    doc = mu::Document(ctx, d);
  }
  int needs_password = 0, authenticated = 0;
  if (auto err = mu::guarded(ctx, [&] {
        needs_password = fz_needs_password(ctx, doc.get());
        if (needs_password) authenticated = fz_authenticate_password(ctx, doc.get(), "");
      }))
    throw UnreadableError(Unreadable::Damaged, *err);
  if (needs_password && !authenticated) throw UnreadableError(Unreadable::Encrypted, "needs a password");

  int count = 0;
  if (auto err = mu::guarded(ctx, [&] { count = fz_count_pages(ctx, doc.get()); }))
    throw UnreadableError(Unreadable::Damaged, *err);
  if (count <= 0) throw UnreadableError(Unreadable::Damaged, "no pages");
  if (count > limits.max_pages) throw UnreadableError(Unreadable::TooManyPages, std::to_string(count));

  RawDocument out;
  out.producer = metadata(ctx, doc.get(), FZ_META_INFO_PRODUCER);
  out.creator = metadata(ctx, doc.get(), FZ_META_INFO_CREATOR);
  pdf_document* pdoc = pdf_document_from_fz_document(ctx, doc.get());
  std::unordered_map<fz_font*, uint16_t> font_index;
  std::vector<fz_font*> kept;
  struct KeptFonts {
    fz_context* ctx;
    std::vector<fz_font*>& fonts;
    ~KeptFonts() {
      for (fz_font* f : fonts) fz_drop_font(ctx, f);
    }
  } kept_guard{ctx, kept};

  out.pages.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    RawPage& page = out.pages.emplace_back();
    page.number = i + 1;
    fz_page* p = nullptr;
    if (auto err = mu::guarded(ctx, [&] { p = fz_load_page(ctx, doc.get(), i); }))
      throw UnreadableError(Unreadable::Damaged, "page " + std::to_string(i + 1) + ": " + *err);
    mu::Page pg(ctx, p);
    fz_rect bounds{};
    if (auto err = mu::guarded(ctx, [&] { bounds = fz_bound_page(ctx, p); }))
      throw UnreadableError(Unreadable::Damaged, "page " + std::to_string(i + 1) + ": " + *err);
    page.width = bounds.x1 - bounds.x0;
    page.height = bounds.y1 - bounds.y0;

    std::vector<KnownFont> known;
    std::vector<pdf_font_desc*> held;
    std::vector<pdf_obj*> seen;
    known.reserve(64);
    held.reserve(64);
    seen.reserve(64);
    if (pdoc) {
      pdf_page* pp = pdf_page_from_fz_page(ctx, p);
      // Reserved above, so the walk appends without reallocating in most
      // pages; a longjmp out of it leaves the vectors valid either way.
      mu::guarded(ctx, [&] {
        if (pp) walk_resources(ctx, pdoc, pdf_page_resources(ctx, pp), known, held, seen, 0);
      });
    }

    PageCollector collector(out, page, font_index, known);
    fz_device* dev = nullptr;
    if (auto err = mu::guarded(ctx, [&] {
          auto* d = reinterpret_cast<CollectDevice*>(fz_new_device_of_size(ctx, sizeof(CollectDevice)));
          d->sink = &collector;
          d->super.fill_text = fill_text;
          d->super.stroke_text = stroke_text;
          d->super.ignore_text = ignore_text;
          d->super.fill_path = fill_path;
          d->super.stroke_path = stroke_path;
          d->super.fill_shade = fill_shade;
          d->super.fill_image = fill_image;
          d->super.fill_image_mask = fill_image_mask;
          d->super.clip_path = clip_path;
          d->super.clip_stroke_path = clip_stroke_path;
          d->super.clip_text = clip_text;
          d->super.clip_stroke_text = clip_stroke_text;
          d->super.clip_image_mask = clip_image_mask;
          d->super.pop_clip = pop_clip;
          d->super.begin_mask = begin_mask;
          d->super.end_mask = end_mask;
          dev = &d->super;
        }))
      throw std::bad_alloc();
    mu::Device device(ctx, dev);
    // The page is drawn as it would print: at its crop box, rotated.
    fz_matrix to_top_left = fz_translate(-bounds.x0, -bounds.y0);
    auto err = mu::guarded(ctx, [&] {
      fz_run_page(ctx, p, dev, to_top_left, nullptr);
      fz_close_device(ctx, dev);
    });
    for (pdf_font_desc* d : held) pdf_drop_font(ctx, d);
    kept.insert(kept.end(), collector.kept_.begin(), collector.kept_.end());
    if (collector.failed) throw std::bad_alloc();
    if (err) throw UnreadableError(Unreadable::Damaged, "page " + std::to_string(i + 1) + ": " + *err);
    merge_repeats(page.glyphs);
  }
  out.repaired = notices.repaired;
  // Rebuilt and still missing parts: what is left of the file is not what
  // was printed, and auditing it would only list the damage as faults.
  if (notices.repaired && notices.errors > 0) throw UnreadableError(Unreadable::Broken, std::to_string(notices.errors));
  return out;
}

}  // namespace banshi::audit
