#include "docx/messages.h"

#include <cstdio>

namespace banshi::docx {

void fail(const std::string& file, MessageCode code, Args args) {
  throw InputError(Diagnostic(Severity::Error, code, std::move(args)).at(SourceLoc(file)));
}

std::string megabytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1u << 20));
  return buf;
}

}  // namespace banshi::docx
