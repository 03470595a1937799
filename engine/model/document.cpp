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

}  // namespace banshi::model
