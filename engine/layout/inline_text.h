// Collect step for the document: a model's inline content turned into a
// paragraph's CollectedText, with footnote markers and citation labels in
// place and the notes registered for the page builder.
#pragma once

#include "fonts/font_set.h"
#include "layout/notes.h"
#include "model/document.h"
#include "para/collect.h"
#include "style/template.h"

namespace banshi {

// The span style a template style prints with. Throws EngineError when the
// style names a face the font map lacks.
SpanStyle span_style(const TextStyle& style, const FontSet& fonts);

class InlineCollector {
 public:
  InlineCollector(NoteRegistry& notes, CitationRegistry& cites) : notes_(notes), cites_(cites) {}

  // Appends `in` to `out`, starting from `base`.
  void collect(const model::Inlines& in, const SpanStyle& base, CollectedText& out);

  // Footnote contents are collected without registering nested notes.
  void collect_note(const model::Inlines& in, const SpanStyle& base, CollectedText& out);

 private:
  void collect_one(const model::Inline& i, const SpanStyle& style, CollectedText& out, bool in_note);
  // Notes [begin, end) of `in`, written one after another: ¹⁻⁴ or ¹,².
  void collect_note_run(const model::Inlines& in, size_t begin, size_t end, const SpanStyle& base, CollectedText& out);

  NoteRegistry& notes_;
  CitationRegistry& cites_;
};

// Superscript form of a style (footnote markers, citations, <sup>).
SpanStyle superscript(const SpanStyle& base);
SpanStyle subscript(const SpanStyle& base);

}  // namespace banshi
