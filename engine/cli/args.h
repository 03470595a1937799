// A small command-line parser: options with or without a value, and
// positional arguments, checked against what each command accepts.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "i18n/message.h"

namespace banshi::cli {

// A command line that cannot be run; main() prints it in the user's
// language with a pointer to --help, and exits with status 2.
class UsageError : public std::runtime_error {
 public:
  UsageError(MessageCode code, banshi::Args args = {}) : UsageError(Message{code, std::move(args)}) {}
  explicit UsageError(Message m) : std::runtime_error(m.text(Lang::En)), message_(std::move(m)) {}
  const Message& message() const { return message_; }
  std::string text(Lang lang) const { return message_.text(lang); }

 private:
  Message message_;
};

struct OptionSpec {
  std::string name;   // "--output"
  std::string alias;  // "-o", may be empty
  bool takes_value = false;
};

class Args {
 public:
  // Throws UsageError for an unknown option or a missing value.
  Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs);

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;  // the last given
  std::vector<std::string> values(const std::string& name) const;   // every one, in order (--figures A --figures B)
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

// An option's number within [lo, hi], or `fallback` when it is not given;
// `error` for anything else.
double parse_number(const std::optional<std::string>& text, double fallback, double lo, double hi, bool integer,
                    const UsageError& error);

}  // namespace banshi::cli
