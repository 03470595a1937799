// `banshi serve`: the applicant's workbench. An HTTP server (cpp-httplib)
// that serves the page (compiled in, with Debian's pdf.js) and the API,
// and hands every render to the render host (render_host.h), which runs
// it as a job forked from the warm engine. It stops on SIGTERM or SIGINT
// after answering the requests it has, and exits 0.
#pragma once

#include "serve/options.h"

namespace banshi::serve {

// Serves until a stop signal; the exit status. Throws EngineError when it
// cannot start (the port is taken, the fonts cannot be loaded).
int run_server(const Options& options);

}  // namespace banshi::serve
