// zlib compression for streams prepared off the writer's thread.
#pragma once

#include <string>
#include <string_view>

namespace banshi::pdf {

// `data` in zlib format (what /FlateDecode reads), at zlib's default level
// (as libharu compresses its own streams). Throws EngineError on failure.
std::string deflate(std::string_view data);

}  // namespace banshi::pdf
