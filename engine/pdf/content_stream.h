// A page's content: its display list turned into PDF operators, written
// into any content stream with any resource dictionary. The page writer
// uses the page's own stream and /Resources; booklet imposition uses a
// Form XObject's (page_form.h), placing each A4 page onto an A3 sheet.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "page/display_list.h"
#include "pdf/cid_font.h"
#include "pdf/haru_doc.h"

namespace banshi::pdf {

// What pages draw with, embedded once for the whole document.
struct DocumentResources {
  struct FontEntry {
    HPDF_Dict dict = nullptr;  // the Type0 font
    const PreparedFont* font = nullptr;
  };
  std::unordered_map<const Font*, FontEntry> fonts;
  std::unordered_map<const image::PreparedImage*, HPDF_Dict> images;  // by Image::image
};

// Names the fonts and XObjects one content stream uses (/F1, /Im1, … in
// order of first use) without touching the document, so the content can be
// made on any thread (page_contents.h); add_to() then puts the names in the
// stream's resource dictionary, in that order.
class ResourceNames {
 public:
  std::string font(HPDF_Dict font) { return name(font, Category::Font, "F", fonts_); }
  std::string xobject(HPDF_Dict xobject) { return name(xobject, Category::XObject, "Im", xobjects_); }
  // A Form XObject (an imposed page): /X1, /X2, … (numbered with images).
  std::string form(HPDF_Dict form) { return name(form, Category::XObject, "X", xobjects_); }

  // Adds every name given so far to `resources`' /Font and /XObject.
  void add_to(HaruDoc& doc, HPDF_Dict resources) const;

 private:
  enum class Category { Font, XObject };
  struct Use {
    Category category;
    HPDF_Dict object;
    std::string name;
  };
  std::string name(HPDF_Dict obj, Category category, const char* prefix,
                   std::unordered_map<HPDF_Dict, std::string>& named);

  std::vector<Use> uses_;  // in order of first use
  std::unordered_map<HPDF_Dict, std::string> fonts_, xobjects_;
};

// The operators for `page`, coordinates flipped from top-left/y-down to
// PDF's bottom-left/y-up. Throws EngineError for a font or image missing
// from `res`.
std::string page_content(const Page& page, const DocumentResources& res, ResourceNames& names);

}  // namespace banshi::pdf
