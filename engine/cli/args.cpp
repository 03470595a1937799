#include "cli/args.h"

#include <cmath>
#include <cstdlib>

namespace banshi::cli {

Args::Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs) {
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (only_positional || a == "-" || a.empty() || a[0] != '-') {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a, inline_value;
    bool has_inline = false;
    if (const auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = a.substr(0, eq);
      inline_value = a.substr(eq + 1);
      has_inline = true;
    }
    const OptionSpec* spec = nullptr;
    for (const auto& s : specs)
      if (s.name == name || (!s.alias.empty() && s.alias == name)) spec = &s;
    if (!spec) throw UsageError("usage.unknown-option", {{"option", name}});
    if (spec->takes_value) {
      if (has_inline) {
        values_[spec->name].push_back(inline_value);
      } else if (i + 1 < argv.size()) {
        values_[spec->name].push_back(argv[++i]);
      } else {
        throw UsageError("usage.needs-value", {{"option", name}});
      }
    } else {
      if (has_inline) throw UsageError("usage.takes-no-value", {{"option", name}});
      values_[spec->name].push_back("");
    }
  }
}

double parse_number(const std::optional<std::string>& text, double fallback, double lo, double hi, bool integer,
                    const UsageError& error) {
  if (!text) return fallback;
  char* end = nullptr;
  const double v = std::strtod(text->c_str(), &end);
  if (text->empty() || *end != '\0' || !std::isfinite(v) || v < lo || v > hi || (integer && v != std::floor(v)))
    throw error;
  return v;
}

std::optional<std::string> Args::value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::values(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace banshi::cli
