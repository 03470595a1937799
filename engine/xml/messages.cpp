#include "xml/messages.h"

#include "util/utf8.h"

namespace banshi::xml {

Diagnostic make_diagnostic(Severity severity, const std::string& file, model::Pos pos, std::string message,
                           std::string path, std::string label) {
  Diagnostic d;
  d.severity = severity;
  d.loc = SourceLoc{file, pos.line, pos.column};
  d.path = std::move(path);
  d.label = std::move(label);
  d.message = std::move(message);
  return d;
}

void fail(const std::string& file, model::Pos pos, std::string message, std::string path, std::string label) {
  throw InputError(make_diagnostic(Severity::Error, file, pos, std::move(message), std::move(path), std::move(label)));
}

std::string quoted(std::string_view text, size_t max_chars) {
  std::string out = "\"";
  size_t i = 0;
  for (size_t n = 0; i < text.size() && n < max_chars; ++n) utf8_next(text, i);
  out.append(text.substr(0, i));
  if (i < text.size()) out += "…";
  out += '"';
  return out;
}

std::string where(model::Pos pos) {
  return "line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column);
}

std::string join(std::span<const std::string_view> items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace banshi::xml
