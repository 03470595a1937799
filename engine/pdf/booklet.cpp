#include "pdf/booklet.h"

#include <algorithm>
#include <vector>

#include "pdf/impose.h"
#include "pdf/links.h"
#include "pdf/outline.h"
#include "pdf/page_form.h"
#include "pdf/page_labels.h"
#include "pdf/pdf_format.h"
#include "util/diag.h"

namespace banshi::pdf {

namespace {

// Draws `form` with `m`: q a b c d e f cm /Xn Do Q.
void append_placed_form(std::string& out, const Matrix& m, const std::string& name) {
  out += "q\n";
  for (const double v : {m.a, m.b, m.c, m.d, m.e, m.f}) {
    append_number(out, v);
    out += ' ';
  }
  out += "cm\n/" + name + " Do\nQ\n";
}

class BookletWriter {
 public:
  BookletWriter(HaruDoc& pdf, const PageSequence& doc, const DocumentResources& res, PageContents& contents,
                bool long_edge_duplex, size_t max_pages)
      : pdf_(pdf),
        doc_(doc),
        res_(res),
        contents_(contents),
        sides_(booklets_order(doc.pages.size(), max_pages)),
        places_(page_places(sides_, doc.pages.size())),
        turn_backs_(back_side_rotated(long_edge_duplex)) {}

  void write() {
    for (size_t i = 0; i < doc_.pages.size(); ++i) {
      const Page& p = doc_.pages[i];
      if (!fits_half(sheet_, p.width, p.height)) {
        throw EngineError("pdf.page-too-large-for-booklet",
                          {{"page", i + 1}, {"width", format_number(p.width)}, {"height", format_number(p.height)}});
      }
    }
    // Every page drawn once, in page order, before any sheet refers to it.
    forms_.reserve(doc_.pages.size());
    for (size_t k = 0; k < doc_.pages.size(); ++k)
      forms_.push_back(write_page_form(pdf_, doc_.pages[k], contents_.take(k)));

    sheets_.reserve(sides_.size());
    for (const SheetSide& side : sides_) sheets_.push_back(write_side(side));

    add_outline(pdf_, doc_, [this](const OutlineEntry& e) { return locate(e); });
    add_label_ranges(pdf_, labels());
  }

 private:
  bool rotated(const SheetSide& side) const { return side.back && turn_backs_; }

  Matrix placement(const SheetSide& side, Half half, const Page& page) const {
    return page_placement(sheet_, half, page.width, page.height, rotated(side));
  }

  HPDF_Page write_side(const SheetSide& side) {
    const HaruDoc::NewPage out = pdf_.add_page(sheet_.width, sheet_.height);
    ResourceNames names;
    std::string ops;
    for (const Half half : {Half::Left, Half::Right}) {
      const std::optional<size_t>& index = side.page(half);
      if (!index) continue;  // padding: nothing on this half
      const Page& page = doc_.pages[*index];
      const Matrix m = placement(side, half, page);
      if (HPDF_Dict form = forms_[*index]) append_placed_form(ops, m, names.form(form));
      add_links(pdf_, out.page, page, m);
    }
    // Fold marks: lines of the sheet itself, drawn like any page's rules.
    Page marks;
    marks.width = sheet_.width;
    marks.height = sheet_.height;
    for (const Line& l : fold_marks(sheet_)) marks.items.emplace_back(l);
    ops += page_content(marks, res_, names);
    pdf_.set_content(out.content, ops);
    names.add_to(pdf_, out.resources);
    return out.page;
  }

  OutlineTarget locate(const OutlineEntry& e) const {
    const PagePlace& place = places_[e.page];
    const SheetSide& side = sides_[place.side];
    HPDF_Page out = sheets_[place.side];
    // An upside-down page has its heading's top at the bottom of the view a
    // /XYZ destination would open: show that side from the sheet's top.
    if (rotated(side)) return OutlineTarget{out, 0, sheet_.height};
    const Page& page = doc_.pages[e.page];
    const double top = std::clamp(page.height - e.y, 0.0, page.height);
    const Point p = placement(side, place.half, page).apply({0, top});
    return OutlineTarget{out, p.x, p.y};
  }

  // A viewer's page box names the sheet side, which is what a print shop
  // checks ("第3张背面"); the A4 page numbers are printed on the pages.
  std::vector<LabelRange> labels() const {
    std::vector<LabelRange> ranges;
    ranges.reserve(sides_.size());
    const bool split = !sides_.empty() && sides_.back().booklet > 0;
    for (size_t i = 0; i < sides_.size(); ++i) {
      const SheetSide& s = sides_[i];
      const std::string booklet = split ? "第" + std::to_string(s.booklet + 1) + "册" : "";
      ranges.push_back(LabelRange{i, booklet + "第" + std::to_string(s.sheet + 1) + "张" + (s.back ? "背面" : "正面"),
                                  std::nullopt});
    }
    return ranges;
  }

  HaruDoc& pdf_;
  const PageSequence& doc_;
  const DocumentResources& res_;
  PageContents& contents_;
  const SheetSize sheet_ = kA3Landscape;
  const std::vector<SheetSide> sides_;
  const std::vector<PagePlace> places_;
  const bool turn_backs_;
  std::vector<HPDF_Dict> forms_;   // by logical page; nullptr for a page that draws nothing
  std::vector<HPDF_Page> sheets_;  // by side
};

}  // namespace

void write_booklet(HaruDoc& pdf, const PageSequence& doc, const DocumentResources& res, PageContents& contents,
                   bool long_edge_duplex, size_t max_pages) {
  BookletWriter(pdf, doc, res, contents, long_edge_duplex, max_pages).write();
}

}  // namespace banshi::pdf
