// The rendering options that `render`, `batch` and `serve` share, read from the
// command line and the environment in one place.
#pragma once

#include <filesystem>
#include <vector>

#include "cli/args.h"
#include "jobs/pool.h"
#include "render/engine.h"

namespace banshi::cli {

// --impose, --pdfa/--no-pdfa, --long-edge, --template, --breaker, --figures and
// --threads (whichever the command accepts) and SOURCE_DATE_EPOCH. Throws
// UsageError for a bad value.
RenderOptions render_options(const Args& args);

// A job's limits (batch's and the server's): --job-timeout SECONDS and
// --job-memory MB, each `defaults`' value when not given.
jobs::Limits job_limits(const Args& args, const jobs::Limits& defaults);

// The directories of --figures DIR (repeatable); UsageError for one that
// is not a directory.
std::vector<std::filesystem::path> figure_roots(const Args& args);

}  // namespace banshi::cli
