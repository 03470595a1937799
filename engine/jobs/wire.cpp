#include "jobs/wire.h"

#include "util/diag.h"

namespace banshi::jobs {

std::string_view WireReader::take(uint64_t n) {
  if (n > in_.size()) throw EngineError("job.answer-cut-short");
  const std::string_view piece = in_.substr(0, n);
  in_.remove_prefix(n);
  return piece;
}

}  // namespace banshi::jobs
