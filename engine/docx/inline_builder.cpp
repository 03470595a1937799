#include "docx/inline_builder.h"

namespace banshi::docx {

namespace {

// The nesting order, outermost first: link, bold, 着重号, super/subscript.
constexpr int kLevels = 4;

int key(const Format& f, int level) {
  switch (level) {
    case 0: return f.link;
    case 1: return f.bold;
    case 2: return f.dot;
    default: return static_cast<int>(f.valign);
  }
}

}  // namespace

void InlineBuilder::text(std::string_view s, const Format& f) {
  if (s.empty()) return;
  if (!pieces_.empty() && pieces_.back().f == f && pieces_.back().node.kind == model::InlineKind::Text) {
    pieces_.back().node.text += s;
    return;
  }
  model::Inline t;
  t.kind = model::InlineKind::Text;
  t.text = std::string(s);
  t.pos = pos_;
  pieces_.push_back({f, std::move(t)});
}

void InlineBuilder::node(model::Inline n, const Format& f) {
  n.pos = pos_;
  pieces_.push_back({f, std::move(n)});
}

int InlineBuilder::link(std::string href) {
  for (size_t i = 0; i < links_.size(); ++i)
    if (links_[i] == href) return static_cast<int>(i);
  links_.push_back(std::move(href));
  return static_cast<int>(links_.size() - 1);
}

model::Inlines InlineBuilder::build() const { return group(0, pieces_.size(), 0); }

model::Inlines InlineBuilder::group(size_t from, size_t to, int level) const {
  model::Inlines out;
  if (level == kLevels) {
    for (size_t i = from; i < to; ++i) out.push_back(pieces_[i].node);
    return out;
  }
  for (size_t i = from; i < to;) {
    const int k = key(pieces_[i].f, level);
    size_t j = i;
    while (j < to && key(pieces_[j].f, level) == k) ++j;
    model::Inlines inner = group(i, j, level + 1);
    const bool plain = level == 0 ? k < 0 : k == 0;
    if (plain) {
      for (auto& n : inner) out.push_back(std::move(n));
    } else {
      model::Inline w;
      w.pos = pos_;
      w.children = std::move(inner);
      switch (level) {
        case 0:
          w.kind = model::InlineKind::Link;
          w.href = links_[static_cast<size_t>(k)];
          break;
        case 1: w.kind = model::InlineKind::Bold; break;
        case 2: w.kind = model::InlineKind::Emphasis; break;
        default: w.kind = k == static_cast<int>(VertAlign::Super) ? model::InlineKind::Sup : model::InlineKind::Sub;
      }
      out.push_back(std::move(w));
    }
    i = j;
  }
  return out;
}

}  // namespace banshi::docx
