// The block walk: a report's outcome — its title, authors, abstract and
// keywords, its blocks (sections, paragraphs, lists, tables, figures,
// quotations), its references and its notes — composed in document order
// into the flow that pagination cuts into pages. layout.cpp drives it (the
// form pages beside it, pagination, the folio, the page limit).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "fonts/font_set.h"
#include "layout/compose_ahead.h"
#include "layout/flow.h"
#include "layout/inline_text.h"
#include "layout/layout.h"
#include "layout/limits.h"
#include "layout/notes.h"
#include "model/document.h"
#include "para/compose.h"
#include "style/template.h"
#include "util/diag.h"

namespace banshi {

// One walk per layout: it owns the composer and the registries the
// outcome's blocks share (notes, citations, heading, table and figure
// numbers). `note_numbers`: the per-page numbers a first layout found
// (layout_report), or null to number the notes through.
class BlockWalk {
 public:
  BlockWalk(const model::Report& report, const Template& tmpl, const FontSet& fonts, Diagnostics& diags,
            const LayoutOptions& options, const std::vector<int>* note_numbers = nullptr)
      : options_(options),
        report_(report),
        tmpl_(tmpl),
        fonts_(fonts),
        diags_(diags),
        composer_(fonts, options.breaker),
        ahead_(composer_, fonts, options.breaker, options.tasks),
        notes_(tmpl.footnotes.circled, note_numbers),
        collector_(notes_, cites_) {}

  // Adds the outcome to the flow: a page break, the title block, the
  // blocks, the references, then the notes' composed lines. Its
  // paragraphs are composed on the render's pool meanwhile
  // (compose_ahead.h); the flow is complete when this returns.
  void outcome();

  Flow& flow() { return flow_; }
  ParagraphComposer& composer() { return composer_; }
  ParagraphSpec spec_for(const TextStyle& s) const;
  // The notes' paragraph: the footnote style off the body's grid.
  ParagraphSpec note_spec() const;

 private:
  // Composes and adds one paragraph of a style.
  void add(CollectedText text, const TextStyle& style, const std::string& bookmark = {}, int level = 0);
  void add_text(const std::string& text, const TextStyle& style);
  void blocks(std::span<const model::Block> bs);
  void refuse_if_too_long(model::Pos at) const;
  void section(const model::Section& s);
  void paragraph(const model::Paragraph& p, const CollectedText* lead = nullptr);
  void list(const model::ListBlock& l);
  void table(const model::Table& t);
  void figure(const model::Figure& f);
  void quote(const model::Quote& q);
  void references();
  void compose_notes();
  // Refuses a block of text longer than the layout limit (hostile input).
  void check_length(const CollectedText& t, const model::Pos& pos, const TextBlockKind& kind) const;

  const LayoutOptions& options_;
  const model::Report& report_;
  const Template& tmpl_;
  const FontSet& fonts_;
  Diagnostics& diags_;
  ParagraphComposer composer_;
  // Before the flow, which holds its tasks: they are done before it goes.
  ComposeAhead ahead_;
  NoteRegistry notes_;
  CitationRegistry cites_;
  InlineCollector collector_;
  Flow flow_;
  int counters_[5] = {0, 0, 0, 0, 0};
  int tables_ = 0, figures_ = 0;
};

}  // namespace banshi
