#include "serve/wire.h"

#include "util/diag.h"

namespace banshi::serve {

std::string_view WireReader::take(uint64_t n) {
  if (n > in_.size()) throw EngineError("a message between the server's processes is cut short");
  const std::string_view s = in_.substr(0, n);
  in_.remove_prefix(n);
  return s;
}

}  // namespace banshi::serve
