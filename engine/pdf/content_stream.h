// A page's content: its display list turned into PDF operators, written
// into any content stream with any resource dictionary. The page writer
// uses the page's own stream and /Resources; booklet imposition uses a
// Form XObject's (page_form.h), placing each A4 page onto an A3 sheet.
#pragma once

#include <string>
#include <unordered_map>

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

// Names the fonts and XObjects used in one resource dictionary (/F1, /Im1,
// … in order of first use), adding them to its /Font and /XObject.
class ResourceNames {
 public:
  ResourceNames(HaruDoc& doc, HPDF_Dict resources) : doc_(doc), resources_(resources) {}
  std::string font(HPDF_Dict font) { return name(font, "Font", "F", fonts_); }
  std::string xobject(HPDF_Dict xobject) { return name(xobject, "XObject", "Im", xobjects_); }
  // A Form XObject (an imposed page): /X1, /X2, … (numbered with images).
  std::string form(HPDF_Dict form) { return name(form, "XObject", "X", xobjects_); }

 private:
  struct Category {
    HPDF_Dict dict = nullptr;
    std::unordered_map<HPDF_Dict, std::string> names;
  };
  std::string name(HPDF_Dict obj, const char* key, const char* prefix, Category& cat);

  HaruDoc& doc_;
  HPDF_Dict resources_;
  Category fonts_, xobjects_;
};

// The operators for `page`, coordinates flipped from top-left/y-down to
// PDF's bottom-left/y-up. Throws EngineError for a font or image missing
// from `res`.
std::string page_content(const Page& page, const DocumentResources& res, ResourceNames& names);

// page_content() as the whole of `stream` (a page's or a form's content).
void write_page_content(HaruDoc& doc, const Page& page, const DocumentResources& res, ResourceNames& names,
                        HPDF_Dict stream);

}  // namespace banshi::pdf
