#include "pdf/writer.h"

#include <optional>
#include <vector>

#include "pdf/booklet.h"
#include "pdf/cid_font.h"
#include "pdf/content_stream.h"
#include "pdf/doc_info.h"
#include "pdf/file_id.h"
#include "pdf/glyph_usage.h"
#include "pdf/haru_doc.h"
#include "pdf/images.h"
#include "pdf/links.h"
#include "pdf/outline.h"
#include "pdf/page_contents.h"
#include "pdf/page_labels.h"
#include "pdf/pdfa.h"
#include "util/diag.h"

namespace banshi {

namespace {

using namespace pdf;

HPDF_Page write_page(HaruDoc& pdf, const Page& page, PageContent&& content) {
  const HaruDoc::NewPage out = pdf.add_page(page.width, page.height);
  // libharu's page is in page-description mode and every operator group
  // in the content is balanced (q … Q), so its own graphics-state
  // bookkeeping stays true.
  content.names.add_to(pdf, out.resources);
  pdf.set_made_content(out.content, std::move(content.data));
  add_links(pdf, out.page, page);
  return out.page;
}

// One PDF page per page, numbered as printed.
void write_pages(HaruDoc& pdf, const PageSequence& doc, PageContents& contents) {
  std::vector<HPDF_Page> pages;
  pages.reserve(doc.pages.size());
  for (size_t k = 0; k < doc.pages.size(); ++k) pages.push_back(write_page(pdf, doc.pages[k], contents.take(k)));
  add_outline(pdf, doc, pages);
  add_page_labels(pdf, doc.pages);
}

}  // namespace

std::string write_pdf(const PageSequence& doc, const PdfOptions& options, Timings* timings, Diagnostics* diags) {
  if (doc.pages.empty()) throw EngineError("pdf.no-pages");
  if (options.pdfa && !options.pdfa->output_profile) throw EngineError("pdfa.no-output-profile");
  // Layout is complete, so every font's glyphs are known up front: each
  // font is subset once and pages are written with final codes.
  std::optional<ScopedTimer> timer(std::in_place, timings, "pdf/subset");
  const std::vector<FontUsage> usage = collect_glyph_usage(doc, options.gap_copies);
  const std::vector<PreparedFont> fonts =
      prepare_fonts(usage, SubsetOptions{options.keep_cff_subroutines}, options.tasks);
  timer.emplace(timings, "pdf/write");

  HaruDoc pdf(options.compress);
  DocumentResources res;
  // The fonts' dictionaries first, empty, so pages can name them; the fonts
  // are embedded after the pages, by which time their programs (deflated
  // on other threads, prepare_font) are ready or nearly so.
  for (const PreparedFont& f : fonts)
    res.fonts.emplace(f.subset.font, DocumentResources::FontEntry{new_font_dict(pdf), &f});
  res.images = write_images(pdf, doc);
  if (options.pdfa) {
    for (const auto& [image, dict] : res.images) {
      // A soft mask is transparency, which PDF/A-1 forbids; the image stage
      // flattens it for PDF/A (RenderOptions), and a file that claims
      // PDF/A and is not is never written.
      if (image->alpha)
        throw InputError(Diagnostic(Severity::Error, "pdfa.image-transparent", {{"image", image->name}}));
    }
  }

  // The pages' contents are made on the pool from here on (the fonts'
  // codes and the images' objects are known), while this thread adds the
  // pages, and their links and outline, in order.
  PageContents contents(doc.pages, res, pdf.compress(), options.tasks);
  switch (options.impose) {
    case Imposition::None: write_pages(pdf, doc, contents); break;
    case Imposition::A3Booklet:
      write_booklet(pdf, doc, res, contents, options.long_edge_duplex, options.booklet_max_pages);
      break;
  }
  const EmbedOptions embed{.cid_set = options.pdfa.has_value()};
  for (const PreparedFont& f : fonts) embed_font(pdf, f, res.fonts.at(f.subset.font).dict, embed);
  if (options.pdfa) {
    const DocumentInfo info = pdfa_document_info(doc.info, diags);
    set_document_info(pdf, info, options.timestamp);
    add_pdfa_parts(pdf, info, options.timestamp, *options.pdfa->output_profile);
  } else {
    set_document_info(pdf, doc.info, options.timestamp);
  }
  add_file_id_placeholder(pdf);
  std::string bytes = pdf.save();
  fill_file_id(bytes);
  return bytes;
}

}  // namespace banshi
