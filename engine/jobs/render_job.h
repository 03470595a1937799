// One render as a job of the Pool: what the parent asks for (a report file,
// or report bytes already received, and the options) and what the child
// answers (the PDF, its pages and stage times, the diagnostics). The PDF
// comes back to the parent, which alone writes files: a job killed at any
// point leaves nothing behind, and the server sends the bytes on as they
// are.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "jobs/pool.h"
#include "render/engine.h"
#include "util/diag.h"

namespace banshi::jobs {

struct RenderRequest {
  std::filesystem::path input;       // the report file; with `bytes`, the name messages use
  std::optional<std::string> bytes;  // the report itself (an upload), read by the parent
  std::filesystem::path base_dir;    // with `bytes`: where its figures are looked for
  RenderOptions options;
};

struct RenderAnswer {
  enum class Status : uint8_t { Ok, BadInput, Failed };
  Status status = Status::Failed;
  RenderResult result;  // the PDF, pages and stage times, when Ok
  // The warnings; when not Ok, the error is the last. Put in words by the
  // parent, in the language of whoever reads them.
  Diagnostics diags;

  const Diagnostic* error() const {
    return status == Status::Ok || diags.items().empty() ? nullptr : &diags.items().back();
  }
};

// The work of a child: renders `request` with `engine` and encodes the
// answer. Input and engine errors are answers; only running out of memory
// escapes (the pool reports it against the job's memory limit).
Work render_work(const Engine& engine, RenderRequest request);

// The answer as the child sends it, and back. decode throws EngineError
// for bytes that are not a whole answer.
std::string encode_render_answer(const RenderAnswer& answer);
RenderAnswer decode_render_answer(std::string_view bytes);

// The answer of a job however its child ended: decoded when it answered,
// else Failed with an error at `input` that says how it ended (crashed,
// timed out, out of memory, abandoned).
RenderAnswer render_answer(const Ending& ending, const Limits& limits, const std::string& input);

// Renders in one limited child and waits for it.
RenderAnswer render_isolated(const Engine& engine, RenderRequest request, const Limits& limits);

}  // namespace banshi::jobs
