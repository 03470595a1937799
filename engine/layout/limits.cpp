#include "layout/limits.h"

#include "util/diag.h"
#include "util/utf8.h"

namespace banshi {

void check_text_length(const CollectedText& text, size_t max, const SourceLoc& at, const TextBlockKind& kind) {
  if (text.text.size() <= max) return;  // UTF-8: never fewer bytes than characters
  const size_t n = utf8_count(text.text);
  if (n <= max) return;
  Diagnostic d(Severity::Error, "text.too-long", {{"count", n}, {"max", max}});
  d.at(at).about(std::string(kind.path), std::string(kind.label));
  throw InputError(std::move(d));
}

}  // namespace banshi
