#include "pdf/outline.h"

#include <algorithm>

#include "util/diag.h"

namespace banshi::pdf {

namespace {

// The bookmarks are built here rather than with libharu's HPDF_CreateOutline,
// whose items carry /Type /Outlines (the root's type, not an item's) and
// whose destinations are indirect arrays that some readers — PDFBox's
// PDF/A validator among them — cannot resolve as destinations.
struct Item {
  HPDF_Dict dict = nullptr;
  std::vector<size_t> children;
};

// [page /XYZ left top null]: a direct array, keeping the reader's zoom.
HPDF_Array xyz_destination(HaruDoc& pdf, const OutlineTarget& target) {
  HPDF_Array dst = pdf.new_array();
  pdf.push(dst, target.page);
  pdf.push_name(dst, "XYZ");
  pdf.push_real(dst, target.left);
  pdf.push_real(dst, target.top);
  pdf.push(dst, HPDF_Null_New(pdf.mmgr()));
  return dst;
}

// Links `children` of `parent` (First, Last, Prev, Next, Parent) and returns
// how many items lie below `parent`: every item is open, so that is its
// /Count.
long link_children(HaruDoc& pdf, std::vector<Item>& items, HPDF_Dict parent, const std::vector<size_t>& children) {
  if (children.empty()) return 0;
  long count = 0;
  pdf.add(parent, "First", items[children.front()].dict);
  pdf.add(parent, "Last", items[children.back()].dict);
  for (size_t k = 0; k < children.size(); ++k) {
    Item& item = items[children[k]];
    pdf.add(item.dict, "Parent", parent);
    if (k > 0) pdf.add(item.dict, "Prev", items[children[k - 1]].dict);
    if (k + 1 < children.size()) pdf.add(item.dict, "Next", items[children[k + 1]].dict);
    const long below = link_children(pdf, items, item.dict, item.children);
    if (below > 0) pdf.add_int(item.dict, "Count", below);
    count += 1 + below;
  }
  return count;
}

}  // namespace

void add_outline(HaruDoc& pdf, const PageSequence& doc, const OutlineLocator& locate) {
  if (doc.outline.empty()) return;
  std::vector<Item> items;
  items.reserve(doc.outline.size());
  std::vector<size_t> top;
  // open[k]: the most recent item at level k + 1.
  std::vector<size_t> open;
  for (const OutlineEntry& e : doc.outline) {
    if (e.page >= doc.pages.size()) {
      throw EngineError("pdf.bookmark-page", {{"title", e.title}, {"page", e.page + 1}, {"pages", doc.pages.size()}});
    }
    const size_t level = static_cast<size_t>(std::clamp<long>(e.level, 1, static_cast<long>(open.size()) + 1));
    open.resize(level - 1);
    const size_t index = items.size();
    (open.empty() ? top : items[open.back()].children).push_back(index);
    HPDF_Dict dict = pdf.new_indirect_dict();
    pdf.add_text_string(dict, "Title", e.title);
    pdf.add(dict, "Dest", xyz_destination(pdf, locate(e)));
    items.push_back(Item{dict, {}});
    open.push_back(index);
  }
  HPDF_Dict root = pdf.new_indirect_dict();
  pdf.add_name(root, "Type", "Outlines");
  pdf.add_int(root, "Count", link_children(pdf, items, root, top));
  pdf.add(pdf.get()->catalog, "Outlines", root);
}

void add_outline(HaruDoc& pdf, const PageSequence& doc, const std::vector<HPDF_Page>& pages) {
  add_outline(pdf, doc, [&](const OutlineEntry& e) {
    const Page& page = doc.pages[e.page];
    return OutlineTarget{pages.at(e.page), 0, std::clamp(page.height - e.y, 0.0, page.height)};
  });
}

}  // namespace banshi::pdf
