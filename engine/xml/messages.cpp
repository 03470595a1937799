#include "xml/messages.h"

#include "util/utf8.h"

namespace banshi::xml {

Diagnostic make_diagnostic(Severity severity, const std::string& file, model::Pos pos, MessageCode code, Args args,
                           std::string path, std::string label) {
  return Diagnostic(severity, code, std::move(args))
      .at({file, pos.line, pos.column})
      .about(std::move(path), std::move(label));
}

void fail(const std::string& file, model::Pos pos, MessageCode code, Args args) {
  throw InputError(make_diagnostic(Severity::Error, file, pos, code, std::move(args)));
}

std::string shortened(std::string_view text, size_t max_chars) {
  size_t i = 0;
  for (size_t n = 0; i < text.size() && n < max_chars; ++n) utf8_next(text, i);
  std::string out(text.substr(0, i));
  if (i < text.size()) out += "…";
  return out;
}

}  // namespace banshi::xml
