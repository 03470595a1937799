// How many threads a render may use besides its own.
#pragma once

namespace banshi {

// The extra threads each of `jobs` renders running at once may use: the
// cores the jobs leave idle, shared, at most 3. On two cores one render
// gets 1 (the full sample in 0.83-0.89 of the time on an idle machine,
// bench/threads.py) and batch's default -j (cores + 1) gets none; a
// server's render gets 1 when it is the only one running, none beside
// another.
unsigned render_threads(unsigned jobs);

}  // namespace banshi
