#include "model/document.h"

namespace banshi::model {

namespace {

void append_plain(const Inlines& in, std::string& out) {
  for (const auto& i : in) {
    switch (i.kind) {
      case InlineKind::Text: out += i.text; break;
      case InlineKind::Footnote:
      case InlineKind::Cite: break;
      case InlineKind::LineBreak: out += ' '; break;
      default: append_plain(i.children, out);
    }
  }
}

}  // namespace

std::string plain_text(const Inlines& in) {
  std::string out;
  append_plain(in, out);
  return out;
}

SourceLoc Report::loc(Pos p) const {
  if (paragraph_openings.empty()) return {source_file, p.line, p.column};
  if (p.line <= 0) return SourceLoc(source_file);
  const auto n = static_cast<size_t>(p.line);
  return SourceLoc::docx_paragraph(source_file, p.line, n < paragraph_openings.size() ? paragraph_openings[n] : "");
}

}  // namespace banshi::model
