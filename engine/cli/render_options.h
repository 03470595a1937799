// The rendering options that `render` and `batch` share, read from the
// command line and the environment in one place.
#pragma once

#include "cli/args.h"
#include "render/engine.h"

namespace banshi::cli {

// --impose, --pdfa/--no-pdfa, --long-edge, --template and --breaker (whichever the command
// accepts) and SOURCE_DATE_EPOCH. Throws UsageError for a bad value.
RenderOptions render_options(const Args& args);

}  // namespace banshi::cli
