// Diagnostics: every message the engine gives about its input.
//
// A diagnostic names where (file:line:column), what (the XML path such as
// <project>/<id>) and — for the applicant, who knows the paper form and not
// the XML — the form's own Chinese label (立项编号). format() gives the one
// line printed to the terminal; the CLI's --json mode prints the fields.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace banshi {

enum class Severity { Note, Warning, Error };

const char* severity_name(Severity s);

struct SourceLoc {
  std::string file;
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based; 0 = unknown
};

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  std::string path;   // XML path, e.g. "<project>/<id>"; may be empty
  std::string label;  // form label, e.g. "立项编号"; may be empty
  std::string message;

  // "report.xml:12:5: error: <project>/<id> (立项编号) is missing"
  std::string format() const;
  // One JSON object (no trailing newline) with every field.
  std::string to_json() const;
};

// Collects the warnings (and errors) of one run. Not thread-safe: each
// render job owns its own.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void warn(SourceLoc loc, std::string message, std::string path = {}, std::string label = {});
  void error(SourceLoc loc, std::string message, std::string path = {}, std::string label = {});

  const std::vector<Diagnostic>& items() const { return items_; }
  bool has_errors() const;
  size_t count(Severity s) const;
  void append(const Diagnostics& other);
  // `other`'s items placed before item `at` (at most size()).
  void insert(size_t at, const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

// Thrown for bad input: the CLI prints it and exits with status 2.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostic d);
  const Diagnostic& diagnostic() const { return diag_; }

 private:
  Diagnostic diag_;
};

// Thrown for bad templates, font maps and other installation problems
// that are not the applicant's fault (exit status 1 unless it is input).
class EngineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace banshi
