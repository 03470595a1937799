#include "pdf/content_stream.h"

#include <algorithm>
#include <vector>

#include "pdf/pdf_format.h"
#include "pdf/text_ops.h"
#include "pdf/text_spans.h"
#include "util/diag.h"

namespace banshi::pdf {

std::string ResourceNames::name(HPDF_Dict obj, Category category, const char* prefix,
                                std::unordered_map<HPDF_Dict, std::string>& named) {
  if (auto it = named.find(obj); it != named.end()) return it->second;
  std::string n = prefix + std::to_string(named.size() + 1);
  named.emplace(obj, n);
  uses_.push_back({category, obj, n});
  return n;
}

void ResourceNames::add_to(HaruDoc& doc, HPDF_Dict resources) const {
  // The /Font and /XObject dictionaries made when their first entry comes,
  // as a content stream first names them.
  HPDF_Dict fonts = nullptr, xobjects = nullptr;
  for (const Use& u : uses_) {
    const bool font = u.category == Category::Font;
    HPDF_Dict& dict = font ? fonts : xobjects;
    if (!dict) {
      dict = doc.new_dict();
      doc.add(resources, font ? "Font" : "XObject", dict);
    }
    doc.add(dict, u.name.c_str(), u.object);
  }
}

namespace {

// All marks are pure black in DeviceGray (0 g / 0 G), as print wants.
struct Painter {
  std::string& out;
  double height;  // page height, for flipping y

  void num(double v) {
    append_number(out, v);
    out += ' ';
  }
  void point(double x, double y) {
    num(x);
    num(height - y);
  }

  void line(const Line& l) {
    out += "q\n0 G\n0 J\n";
    num(l.width);
    out += "w\n";
    point(l.x0, l.y0);
    out += "m\n";
    point(l.x1, l.y1);
    out += "l\nS\nQ\n";
  }

  void rect(const Rect& r) {
    const bool stroke = r.stroke > 0;
    if (!stroke && !r.fill) return;
    out += "q\n";
    if (r.fill) out += "0 g\n";
    if (stroke) {
      out += "0 G\n";
      num(r.stroke);
      out += "w\n";
    }
    if (r.round) {
      ellipse(r);
    } else {
      point(r.x, r.y + r.h);  // lower-left corner in PDF space
      num(r.w);
      num(r.h);
      out += "re\n";
    }
    out += stroke && r.fill ? "B\n" : stroke ? "S\n" : "f\n";
    out += "Q\n";
  }

  // The ellipse inscribed in r as four cubic Béziers, one per quadrant;
  // kappa places the control points so each arc is within 0.03% of a
  // true quarter ellipse.
  void ellipse(const Rect& r) {
    constexpr double kappa = 0.5522847498;
    const double cx = r.x + r.w / 2, cy = r.y + r.h / 2, rx = r.w / 2, ry = r.h / 2;
    const double kx = kappa * rx, ky = kappa * ry;
    const auto curve = [&](double x1, double y1, double x2, double y2, double x3, double y3) {
      point(x1, y1);
      point(x2, y2);
      point(x3, y3);
      out += "c\n";
    };
    point(cx + rx, cy);
    out += "m\n";
    curve(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
    curve(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
    curve(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
    curve(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
    out += "h\n";
  }

  void image(const Image& im, const std::string& name) {
    // The image space unit square scaled onto the box.
    out += "q\n";
    num(im.w);
    out += "0 0 ";
    num(im.h);
    point(im.x, im.y + im.h);
    out += "cm\n/" + name + " Do\nQ\n";
  }
};

const DocumentResources::FontEntry& font_of(const TextRun& run, const DocumentResources& res) {
  const auto it = res.fonts.find(run.font);
  if (it == res.fonts.end()) throw EngineError("pdf.font-not-embedded", {{"file", run.font->file()}});
  return it->second;
}

const TextRun* text_at(const Page& page, size_t k) {
  return k < page.items.size() ? std::get_if<TextRun>(&page.items[k]) : nullptr;
}

// The runs from item k on that a reader must take as one text: those
// joined by a gap made by positioning, and a run with such a gap inside,
// ending on the line's baseline (not on a note marker). Returns one past
// the last and whether they need a span at all.
size_t gap_span_end(const Page& page, const DocumentResources& res, size_t k, bool& spanned) {
  std::vector<Join> joins;  // joins[j]: how run k + j + 1 follows run k + j
  for (size_t j = k; text_at(page, j + 1); ++j) {
    const TextRun& run = *text_at(page, j);
    const Join join = join_of(run, font_of(run, res).font->glyphs, *text_at(page, j + 1));
    if (join == Join::None) break;
    joins.push_back(join);
  }
  const double baseline = text_at(page, k)->glyphs.front().y;
  while (!joins.empty() && text_at(page, k + joins.size())->glyphs.back().y != baseline) joins.pop_back();
  spanned = std::find(joins.begin(), joins.end(), Join::Gap) != joins.end();
  for (size_t j = k; j <= k + joins.size() && !spanned; ++j)
    spanned = has_inner_gap(*text_at(page, j), font_of(*text_at(page, j), res).font->glyphs);
  return k + joins.size() + 1;
}

}  // namespace

std::string page_content(const Page& page, const DocumentResources& res, ResourceNames& names) {
  std::string out;
  Painter paint{out, page.height};
  for (size_t k = 0; k < page.items.size(); ++k) {
    const PageItem& item = page.items[k];
    if (const auto* run = std::get_if<TextRun>(&item)) {
      if (run->glyphs.empty()) continue;
      bool spanned = false;
      const size_t end = gap_span_end(page, res, k, spanned);
      if (!spanned) {
        const auto& font = font_of(*run, res);
        append_text_run(out, *run, names.font(font.dict), font.font->glyphs, page.height,
                        {&font.font->copies, continuation_x(*run, text_at(page, k + 1))});
        continue;
      }
      std::vector<SpanRun> runs;
      std::string text;
      for (; k < end; ++k) {
        const TextRun& r = *text_at(page, k);
        const auto& font = font_of(r, res);
        runs.push_back({&r,
                        names.font(font.dict),
                        &font.font->glyphs,
                        {&font.font->copies, continuation_x(r, text_at(page, k + 1))}});
        text += drawn_text(r);
      }
      --k;
      append_text_span(out, runs, text, page.height);
    } else if (const auto* line = std::get_if<Line>(&item)) {
      paint.line(*line);
    } else if (const auto* rect = std::get_if<Rect>(&item)) {
      paint.rect(*rect);
    } else if (const auto* image = std::get_if<Image>(&item)) {
      const auto it = res.images.find(image->image);
      if (it == res.images.end()) throw EngineError("pdf.image-not-written");
      paint.image(*image, names.xobject(it->second));
    }
  }
  return out;
}

}  // namespace banshi::pdf
