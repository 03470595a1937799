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

// The extra threads each of `jobs` renders running at once may use: the
// cores the jobs leave idle, shared, at most 3. On two cores one render
// gets 1 (the full sample in 0.83-0.89 of the time on an idle machine,
// bench/threads.py) and batch's default -j (cores + 1) gets none.
unsigned default_render_threads(unsigned jobs);

}  // namespace banshi::cli
