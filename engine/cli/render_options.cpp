#include "cli/render_options.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>

namespace banshi::cli {

RenderOptions render_options(const Args& args) {
  RenderOptions options;
  if (auto imp = args.value("--impose")) {
    if (*imp == "none") options.impose = Imposition::None;
    else if (*imp == "a3-booklet") options.impose = Imposition::A3Booklet;
    else throw UsageError("usage.choice", {{"option", "--impose"}, {"allowed", {"none", "a3-booklet"}}});
  }
  if (args.has("--pdfa") && args.has("--no-pdfa")) throw UsageError("usage.pdfa-contradiction");
  if (args.has("--pdfa")) options.pdfa = true;
  if (args.has("--no-pdfa")) options.pdfa = false;
  options.long_edge_duplex = args.has("--long-edge");
  options.split_booklets = args.has("--split-booklets");
  options.template_override = args.value("--template").value_or("");
  options.outcome_file = args.value("--outcome").value_or("");
  if (auto b = args.value("--breaker")) {
    if (*b == "greedy") options.breaker = Breaker::Greedy;
    else if (*b == "optimal") options.breaker = Breaker::Optimal;
    else throw UsageError("usage.choice", {{"option", "--breaker"}, {"allowed", {"greedy", "optimal"}}});
  }
  options.figure_roots = figure_roots(args);
  if (auto t = args.value("--threads")) {
    char* end = nullptr;
    const long n = std::strtol(t->c_str(), &end, 10);
    if (t->empty() || *end != '\0' || n < 0 || n > 16)
      throw UsageError(Message{"option.threads", {{"value", *t}, {"max", 16}}});
    options.threads = static_cast<unsigned>(n);
  }
  if (const char* v = std::getenv("SOURCE_DATE_EPOCH"); v && *v) {
    char* end = nullptr;
    errno = 0;
    const long long t = std::strtoll(v, &end, 10);
    if (*end != '\0') throw UsageError("usage.source-date-epoch", {{"value", v}});
    // A PDF date has four digits of year: 9999-12-31 23:59:59 UTC at most.
    constexpr long long kLatest = 253402300799;
    if (errno == ERANGE || t < 0 || t > kLatest)
      throw UsageError(Message{"option.source-date-epoch", {{"value", v}, {"max", kLatest}}});
    options.timestamp = t;
  }
  return options;
}

jobs::Limits job_limits(const Args& args, const jobs::Limits& defaults) {
  jobs::Limits limits;
  limits.time = std::chrono::milliseconds(std::llround(
      1000 * parse_number(args.value("--job-timeout"), std::chrono::duration<double>(defaults.time).count(), 0.001,
                          86400, false,
                          UsageError(Message{"batch.job-timeout", {{"option", "--job-timeout"}, {"max", 86400}}}))));
  limits.memory_mb = static_cast<size_t>(parse_number(
      args.value("--job-memory"), static_cast<double>(defaults.memory_mb), 16, 1 << 20, true,
      UsageError(Message{"batch.job-memory", {{"option", "--job-memory"}, {"min", 16}, {"max", 1 << 20}}})));
  return limits;
}

std::vector<std::filesystem::path> figure_roots(const Args& args) {
  std::vector<std::filesystem::path> roots;
  for (const std::string& dir : args.values("--figures")) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
      throw UsageError(Message{"figure.roots-not-directory", {{"dir", dir}}});
    roots.emplace_back(dir);
  }
  return roots;
}

}  // namespace banshi::cli
