// Runs into model inlines. Word splits text into runs at every formatting
// change, revision and spell-check mark; the model nests formatting
// (<a><b><em><sup>text</sup></em></b></a>). The builder takes pieces of
// text with their formatting in order and nests equal neighbours once, so
// forty runs of one bold sentence become one <b>.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "docx/styles.h"
#include "model/document.h"

namespace banshi::docx {

struct Format {
  int link = -1;  // index into the builder's links, -1 = none
  bool bold = false;
  bool dot = false;  // 着重号 (w:em)
  VertAlign valign = VertAlign::Baseline;
  bool operator==(const Format&) const = default;
};

class InlineBuilder {
 public:
  explicit InlineBuilder(model::Pos pos) : pos_(pos) {}

  void text(std::string_view s, const Format& f);
  // A node that takes no formatting of its own: a footnote, a line break.
  void node(model::Inline n, const Format& f = {});
  int link(std::string href);
  bool empty() const { return pieces_.empty(); }

  model::Inlines build() const;

 private:
  struct Piece {
    Format f;
    model::Inline node;
  };
  model::Inlines group(size_t from, size_t to, int level) const;

  model::Pos pos_;
  std::vector<Piece> pieces_;
  std::vector<std::string> links_;
};

}  // namespace banshi::docx
