#include "util/timings.h"

#include <algorithm>
#include <cstdio>

namespace banshi {

void Timings::add(std::string_view stage, double ms) {
  const auto it = std::find_if(stages_.begin(), stages_.end(), [&](const auto& s) { return s.first == stage; });
  if (it != stages_.end()) it->second += ms;
  else stages_.emplace_back(std::string(stage), ms);
}

double Timings::ms(std::string_view stage) const {
  const auto it = std::find_if(stages_.begin(), stages_.end(), [&](const auto& s) { return s.first == stage; });
  return it == stages_.end() ? 0 : it->second;
}

std::string Timings::report() const {
  const auto figure = [](const std::string& name, double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " %.1f", ms);
    return name + buf;
  };
  std::string out;
  for (const auto& [stage, ms] : stages_) {
    if (stage.find('/') != std::string::npos) continue;
    if (!out.empty()) out += ", ";
    out += figure(stage, ms);
    std::string parts;
    const std::string prefix = stage + "/";
    for (const auto& [part, part_ms] : stages_)
      if (part.starts_with(prefix)) parts += (parts.empty() ? "" : ", ") + figure(part.substr(prefix.size()), part_ms);
    if (!parts.empty()) out += " (" + parts + ")";
  }
  return out;
}

}  // namespace banshi
