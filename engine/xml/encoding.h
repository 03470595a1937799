// Getting a report file's bytes into UTF-8, the only encoding the rest of
// the engine sees.
//
// UTF-8 is canonical (a byte-order mark is dropped). UTF-16/UTF-32 with a
// byte-order mark are converted silently: the BOM leaves no doubt. Files
// saved as GB18030/GBK/GB2312 — common on Chinese Windows machines — are
// converted with a warning, whether they say so in <?xml encoding=…?> or
// are merely not UTF-8 and read as plausible GB18030. Everything else is
// refused with the position of the first byte that did not fit, never
// guessed at: a wrong guess prints mojibake.
//
// Conversion maps characters one to one and keeps every line break, so
// line numbers in the UTF-8 text are those of the original file.
#pragma once

#include <string>
#include <string_view>

#include "util/diag.h"

namespace banshi::xml {

std::string decode_to_utf8(std::string_view bytes, const std::string& file, Diagnostics& diags);

}  // namespace banshi::xml
