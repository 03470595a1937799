// A field's pattern (fields.xml `pattern`): a regular expression the whole
// value must match, compiled with PCRE2. The patterns are written for the
// web form's <input pattern> too, in the common ground of ECMAScript and
// Perl syntax (classes, counts, groups, alternatives); \u and \x are read
// the ECMAScript way.
//
// PCRE2 rather than std::regex: libstdc++'s compiles the table's two
// patterns in about 3 M instructions, a millisecond of every render that
// reads a form; PCRE2 (already loaded with GLib) takes microseconds.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace banshi {

class Pattern {
 public:
  Pattern() = default;  // matches nothing
  // The compiled pattern, or PCRE2's description of what is wrong with it.
  static std::variant<Pattern, std::string> compile(std::string_view pattern);

  // Does the whole of `value` (UTF-8) match? False for invalid UTF-8.
  bool matches_whole(std::string_view value) const;

 private:
  struct Code;
  explicit Pattern(std::shared_ptr<const Code> code) : code_(std::move(code)) {}
  std::shared_ptr<const Code> code_;  // immutable once compiled, so shared by copies and threads
};

}  // namespace banshi
