#include "cli/full/config_file.h"

#include "util/diag.h"
#include "util/file.h"

namespace banshi::cli {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> read_config_file(const std::filesystem::path& file, const std::vector<OptionSpec>& specs,
                                          Diagnostics& problems) {
  std::string text;
  try {
    text = read_file(file);
  } catch (const std::exception& e) {
    problems.add(
        Diagnostic(Severity::Error, "config.unreadable", {{"file", file.string()}, {"reason", e.what()}}).at({}));
    return {};
  }
  std::vector<std::string> words;
  int line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line = std::string_view(text).substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    const size_t eq = line.find('=');
    const SourceLoc at(file.string(), line_no, 1);
    if (eq == std::string_view::npos) {
      problems.add(Diagnostic(Severity::Error, "config.no-value", {{"text", std::string(line)}}).at(at));
      continue;
    }
    const std::string name(trim(line.substr(0, eq)));
    const std::string value(trim(line.substr(eq + 1)));
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& s : specs)
      if (s.name == "--" + name && s.takes_value) spec = &s;
    std::vector<std::string> known;
    for (const OptionSpec& s : specs)
      if (s.takes_value) known.push_back(s.name.substr(2));
    if (!spec) {
      problems.add(Diagnostic(Severity::Error, "config.unknown", {{"name", name}, {"known", known}}).at(at));
      continue;
    }
    if (value.empty()) {
      problems.add(Diagnostic(Severity::Error, "config.no-value", {{"text", std::string(line)}}).at(at));
      continue;
    }
    words.push_back(spec->name);
    words.push_back(value);
  }
  return words;
}

}  // namespace banshi::cli
