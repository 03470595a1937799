// zlib compression for streams prepared off the writer's thread.
#pragma once

#include <string>
#include <string_view>

#include "util/task_pool.h"

namespace banshi::pdf {

// `data` in zlib format (what /FlateDecode reads), at zlib's default level
// (as libharu compresses its own streams). Large data is cut into pieces,
// each primed with the end of the one before, and joined into one stream
// (as pigz does); the pieces go to `tasks` (or run here, without one) and
// the bytes are the same either way. Throws EngineError on failure.
std::string deflate(std::string_view data, TaskPool* tasks = nullptr);

}  // namespace banshi::pdf
