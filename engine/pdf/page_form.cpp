#include "pdf/page_form.h"

namespace banshi::pdf {

HPDF_Dict write_page_form(HaruDoc& pdf, const Page& page, PageContent&& content) {
  if (page.items.empty()) return nullptr;
  HPDF_Dict form = pdf.new_stream({}, false);  // empty: its content is set below
  pdf.add_name(form, "Type", "XObject");
  pdf.add_name(form, "Subtype", "Form");
  HPDF_Array bbox = pdf.new_array();
  pdf.add(form, "BBox", bbox);
  for (const double v : {0.0, 0.0, page.width, page.height}) pdf.push_real(bbox, v);
  HPDF_Dict resources = pdf.new_dict();
  pdf.add(form, "Resources", resources);
  // The page's own coordinates (A4, origin bottom-left), exactly as on an
  // A4 page: the same operators, drawn once, placed by the sheet's `cm`.
  content.names.add_to(pdf, resources);
  pdf.set_made_content(form, std::move(content.data));
  return form;
}

}  // namespace banshi::pdf
