// The catalogue files' bytes, compiled in (the build writes
// catalogue_data.cpp from i18n/messages/*.txt), so the binary never runs
// without its messages. Internal to i18n.
#pragma once

#include <string_view>

#include "i18n/lang.h"

namespace banshi::i18n_detail {

std::string_view catalogue_text(Lang lang);

}  // namespace banshi::i18n_detail
