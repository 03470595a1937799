// The audit's settings (audit/rules.xml): per rule, the source it cites and
// its tolerances; and the few numbers that say how pages are read. The
// rules' own numbers (sizes, margins, grid) are the template's, not these.
#pragma once

#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace banshi::audit {

// A rule the audit implements and the tolerances it reads.
struct RuleSpec {
  std::string_view id;
  std::string_view title;  // its catalogue code: audit.rule.ID
  std::span<const std::string_view> tolerances;
};

// Every rule, in the order reports list them.
std::span<const RuleSpec> rule_specs();

struct RuleSettings {
  std::string id;
  std::string source;  // "GB/T 9704—2012 5.2.2 …; rules §2"
  std::map<std::string, double, std::less<>> tolerances;
  int line = 0;
};

class Settings {
 public:
  // Throws EngineError "<file>:<line>: <problem>" for a malformed file, a
  // rule or tolerance the audit does not know, or one it needs and lacks.
  static Settings load(const std::filesystem::path& file);
  static Settings parse(std::string_view xml, const std::string& file_name);

  const RuleSettings& rule(std::string_view id) const;
  double tolerance(std::string_view rule, std::string_view name) const;
  double analysis(std::string_view name) const;

 private:
  std::vector<RuleSettings> rules_;
  std::map<std::string, double, std::less<>> analysis_;
};

}  // namespace banshi::audit
