#include "util/diag.h"

#include <algorithm>

#include "util/json.h"

namespace banshi {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::string Diagnostic::format() const {
  std::string out;
  if (!loc.file.empty()) {
    out += loc.file;
    if (loc.line > 0) {
      out += ':' + std::to_string(loc.line);
      if (loc.column > 0) out += ':' + std::to_string(loc.column);
    }
    out += ": ";
  }
  out += severity_name(severity);
  out += ": ";
  if (!path.empty()) {
    out += path;
    if (!label.empty()) out += " (" + label + ")";
    out += ' ';
  } else if (!label.empty()) {
    out += label + ": ";
  }
  out += message;
  return out;
}

std::string Diagnostic::to_json() const {
  JsonWriter w;
  w.begin_object();
  w.key("file").value(loc.file);
  w.key("line").value(loc.line);
  w.key("column").value(loc.column);
  w.key("path").value(path);
  w.key("label").value(label);
  w.key("severity").value(severity_name(severity));
  w.key("message").value(message);
  w.end_object();
  return w.str();
}

void Diagnostics::warn(SourceLoc loc, std::string message, std::string path, std::string label) {
  items_.push_back({Severity::Warning, std::move(loc), std::move(path), std::move(label), std::move(message)});
}

void Diagnostics::error(SourceLoc loc, std::string message, std::string path, std::string label) {
  items_.push_back({Severity::Error, std::move(loc), std::move(path), std::move(label), std::move(message)});
}

bool Diagnostics::has_errors() const { return count(Severity::Error) > 0; }

size_t Diagnostics::count(Severity s) const {
  return static_cast<size_t>(
      std::count_if(items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::insert(size_t at, const Diagnostics& other) {
  items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(std::min(at, items_.size())), other.items_.begin(),
                other.items_.end());
}

InputError::InputError(Diagnostic d) : std::runtime_error(d.format()), diag_(std::move(d)) {}

}  // namespace banshi
