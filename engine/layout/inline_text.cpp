#include "layout/inline_text.h"

namespace banshi {

SpanStyle span_style(const TextStyle& style, const FontSet& fonts) {
  SpanStyle s;
  s.face = fonts.face(style.face);
  if (!s.face)
    throw EngineError("style \"" + style.name + "\" uses font face \"" + style.face +
                      "\", which the font map does not define");
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
  for (const auto& i : in) collect_one(i, base, out, false);
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
