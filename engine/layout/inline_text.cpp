#include "layout/inline_text.h"

namespace banshi {

SpanStyle span_style(const TextStyle& style, const FontSet& fonts) {
  SpanStyle s;
  s.face = fonts.face(style.face);
  if (!s.face) throw EngineError("style.unknown-face", {{"style", style.name}, {"face", style.face}});
  s.size = style.size;
  s.bold = style.bold;
  return s;
}

SpanStyle superscript(const SpanStyle& base) {
  SpanStyle s = base;
  s.size = base.size * 0.6;
  s.baseline_shift = base.baseline_shift + base.size * 0.38;
  return s;
}

SpanStyle subscript(const SpanStyle& base) {
  SpanStyle s = base;
  s.size = base.size * 0.6;
  s.baseline_shift = base.baseline_shift - base.size * 0.15;
  return s;
}

void InlineCollector::collect(const model::Inlines& in, const SpanStyle& base, CollectedText& out) {
  for (size_t k = 0; k < in.size(); ++k) {
    // Notes written one after another (four at the end of a sentence) are
    // marked together, so their numbers do not run into one ("1234").
    size_t run = k;
    while (run < in.size() && in[run].kind == model::InlineKind::Footnote) ++run;
    if (run - k > 1) {
      collect_note_run(in, k, run, base, out);
      k = run - 1;
      continue;
    }
    collect_one(in[k], base, out, false);
  }
}

void InlineCollector::collect_note_run(const model::Inlines& in, size_t begin, size_t end, const SpanStyle& base,
                                       CollectedText& out) {
  SpanStyle s = superscript(base);
  s.bold = false;
  s.link.clear();
  s.attached = true;
  std::vector<int> index;
  for (size_t k = begin; k < end; ++k) index.push_back(notes_.add(in[k]));
  // Circled markers (① ②) stand apart by themselves.
  if (notes_.circled()) {
    for (int n : index) {
      s.footnote = n;
      out.push(notes_.marker(n), s);
    }
    return;
  }
  bool consecutive = true;
  for (size_t k = 1; k < index.size(); ++k)
    consecutive = consecutive && notes_.notes()[static_cast<size_t>(index[k])].number ==
                                     notes_.notes()[static_cast<size_t>(index[k - 1])].number + 1;
  SpanStyle separator = s;
  separator.footnote = -1;
  if (consecutive && index.size() >= 3) {
    // ¹⁻⁴, as citations print [1-4]: the range stands for every note in it.
    s.footnote = index.front();
    out.push(notes_.marker(index.front()), s);
    s.footnote = index[1];
    s.footnote_through = index.back();
    out.push("-" + notes_.marker(index.back()), s);
    return;
  }
  // ¹,²: a comma as small as the markers between them.
  for (size_t k = 0; k < index.size(); ++k) {
    if (k > 0) out.push(",", separator);
    s.footnote = index[k];
    out.push(notes_.marker(index[k]), s);
  }
}

void InlineCollector::collect_note(const model::Inlines& in, const SpanStyle& base, CollectedText& out) {
  for (const auto& i : in) collect_one(i, base, out, true);
}

void InlineCollector::collect_one(const model::Inline& i, const SpanStyle& style, CollectedText& out, bool in_note) {
  using K = model::InlineKind;
  switch (i.kind) {
    case K::Text: out.push(i.text, style, {i.pos.line, i.pos.column}); break;
    case K::Bold: {
      SpanStyle s = style;
      s.bold = true;
      for (const auto& c : i.children) collect_one(c, s, out, in_note);
      break;
    }
    case K::Emphasis: {
      SpanStyle s = style;
      s.emphasis_dots = true;
      for (const auto& c : i.children) collect_one(c, s, out, in_note);
      break;
    }
    case K::Sup: {
      const SpanStyle s = superscript(style);
      for (const auto& c : i.children) collect_one(c, s, out, in_note);
      break;
    }
    case K::Sub: {
      const SpanStyle s = subscript(style);
      for (const auto& c : i.children) collect_one(c, s, out, in_note);
      break;
    }
    case K::Link: {
      SpanStyle s = style;
      s.link = i.href;
      for (const auto& c : i.children) collect_one(c, s, out, in_note);
      break;
    }
    case K::Footnote: {
      if (in_note) break;  // the parser rejects notes in notes; be safe anyway
      const int index = notes_.add(i);
      SpanStyle s = superscript(style);
      s.bold = false;
      s.link.clear();
      s.attached = true;
      s.footnote = index;
      out.push(notes_.marker(index), s);
      break;
    }
    case K::Cite: {
      SpanStyle s = superscript(style);
      s.attached = true;
      out.push(cites_.cite(i.refs), s);
      break;
    }
    case K::LineBreak: out.push_break(); break;
  }
}

}  // namespace banshi
