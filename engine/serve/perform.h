// One request's work, done in a render job: the report composed from the
// upload, the pasted text and the form's fields (compose.h), read, checked
// and rendered with the warm engine, and the answer put in the shape the
// HTTP response takes. Every outcome is a Reply — the findings of a bad
// report, a request that cannot be read, an internal failure — so the
// server answers each request, whatever it holds.
#pragma once

#include <filesystem>

#include "render/engine.h"
#include "serve/submission.h"

namespace banshi::serve {

// `scratch` is the job's private directory (removed by the render host
// after the job, however it ended); `threads`, the extra threads its
// render may use (render/threads.h).
Reply perform(const Engine& engine, const Submission& s, const std::filesystem::path& scratch, unsigned threads = 0);

}  // namespace banshi::serve
