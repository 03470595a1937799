// The display list: what is on each page, fully positioned. Layout writes
// it; the PDF writer (and imposition) only read it. Coordinates are points
// from the page's top-left corner, y growing downwards; the PDF writer
// flips them. Nothing here refers back to the document model.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "fonts/font.h"
#include "image/prepared.h"

namespace banshi {

// One glyph as the shaper produced it, placed on the page.
struct PlacedGlyph {
  uint32_t gid = 0;  // glyph ID in the run's font
  double x = 0;      // pen position of the glyph origin (pt)
  double y = 0;      // baseline (pt); equal for a run on one line
  // The source text this glyph stands for, as a range of the run's text:
  // the first glyph of a cluster carries the cluster's text, further glyphs
  // of the same cluster an empty range. The PDF's ToUnicode map is built
  // from this, so copying text from the PDF gives the source back.
  uint32_t text_begin = 0;
  uint32_t text_len = 0;
};

// Glyphs of one font at one size. The writer may split a run into several
// text operators but draws every glyph exactly at (x, y).
struct TextRun {
  const Font* font = nullptr;  // owned by the FontSet, which outlives pages
  double size = 16;            // font size in pt
  // Synthetic bold (fonts without a bold face, e.g. 方正仿宋): fill and
  // stroke with this line width in pt; 0 = normal fill. Advances are not
  // changed, so the grid holds.
  double stroke = 0;
  // Not painted (render mode 3): a check box's glyph, there to be copied
  // while the box is drawn as rules over it.
  bool invisible = false;
  // Not empty: the text the PDF's ToUnicode gives this run's glyphs before
  // any other use of them does (a check box's □ glyph says ☐).
  std::string glyph_text;
  std::string text;  // UTF-8 source text of the run
  std::vector<PlacedGlyph> glyphs;
};

// A straight line (rules, table borders, underlines, fold marks).
struct Line {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0.5;  // pt
};

// A rectangle, stroked or filled (check boxes, frames).
struct Rect {
  double x = 0, y = 0, w = 0, h = 0;  // top-left corner, size
  double stroke = 0.5;                // line width; 0 = not stroked
  bool fill = false;
  bool round = false;  // the ellipse inscribed in the box instead (着重号 dots)
};

// A raster image placed at a box, as the image stage prepared it (decoded,
// validated, compressed; PageSequence::images keeps it alive); the same
// image placed twice is written once.
struct Image {
  const image::PreparedImage* image = nullptr;
  double x = 0, y = 0, w = 0, h = 0;
};

using PageItem = std::variant<TextRun, Line, Rect, Image>;

// Moves an item by (dx, dy): a box's items onto the page, a header under
// the label above it.
void translate(PageItem& item, double dx, double dy);

// A clickable area pointing at a URI.
struct LinkArea {
  double x = 0, y = 0, w = 0, h = 0;
  std::string uri;
};

struct Page {
  double width = 595.2756;  // A4 in pt
  double height = 841.8898;
  std::vector<PageItem> items;
  std::vector<LinkArea> links;
  // The printed page number ("3"), empty for unnumbered pages; used for
  // PDF page labels so a viewer shows what is printed.
  std::string label;
  bool blank = false;  // a padding page (imposition, recto starts)
};

// A bookmark: its text (with the printed number), nesting level (1 = top),
// and where it points.
struct OutlineEntry {
  std::string title;
  int level = 1;
  size_t page = 0;  // index into pages
  double y = 0;     // top of the heading on that page (pt from top)
};

struct DocumentInfo {
  std::string title, author, subject, keywords, creator;
};

struct PageSequence {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  DocumentInfo info;
  // The images the pages place (Image::image), owned here.
  std::vector<std::shared_ptr<const image::PreparedImage>> images;
};

}  // namespace banshi
