// A caption the report numbered itself (图1 …, 表２…): the space the writer
// typed after the number — or none — becomes the full-width space Chinese
// captions put there, as the engine's own labels have it.
#pragma once

#include <string_view>

#include "model/document.h"

namespace banshi {

// `caption` with its leading "PREFIX<digits>" followed by one U+3000
// (ASCII spaces there replaced, one added before a Han character); other
// captions unchanged.
model::Inlines with_label_space(const model::Inlines& caption, std::string_view prefix);

}  // namespace banshi
