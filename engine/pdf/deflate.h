// zlib compression for streams prepared off the writer's thread.
#pragma once

#include <string>
#include <string_view>

namespace banshi::pdf {

// `data` in zlib format (what /FlateDecode reads), at zlib's default level
// (as libharu compresses its own streams). Large data is cut into pieces
// deflated in parallel, each primed with the end of the one before, and
// joined into one stream (as pigz does). Throws EngineError on failure.
std::string deflate(std::string_view data);

}  // namespace banshi::pdf
