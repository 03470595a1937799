// The display list is plain data; this file holds its few helpers.
#include "page/display_list.h"

#include <type_traits>

namespace banshi {

void translate(PageItem& item, double dx, double dy) {
  std::visit(
      [&](auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, TextRun>) {
          for (auto& g : v.glyphs) {
            g.x += dx;
            g.y += dy;
          }
        } else if constexpr (std::is_same_v<T, Line>) {
          v.x0 += dx;
          v.x1 += dx;
          v.y0 += dy;
          v.y1 += dy;
        } else {
          v.x += dx;
          v.y += dy;
        }
      },
      item);
}

}  // namespace banshi
