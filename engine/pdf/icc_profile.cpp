#include "pdf/icc_profile.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "pdf/pdfa_messages.h"
#include "util/diag.h"

// BANSHI_SRGB_PROFILE comes from the build (engine/CMakeLists.txt).

namespace banshi::pdf {

namespace {

namespace fs = std::filesystem;

// ICC.1 header: 128 bytes, big-endian.
constexpr size_t kHeaderSize = 128;
// Real profiles are a few KB to a few MB; a larger "profile" is not one.
constexpr size_t kMaxProfileSize = 16u << 20;

uint32_t be32(const std::string& b, size_t at) {
  return (uint32_t(uint8_t(b[at])) << 24) | (uint32_t(uint8_t(b[at + 1])) << 16) | (uint32_t(uint8_t(b[at + 2])) << 8) |
         uint32_t(uint8_t(b[at + 3]));
}

// What is wrong with `bytes` as a PDF/A-1 output profile; "" when nothing.
std::string profile_problem(const std::string& bytes) {
  if (bytes.size() < kHeaderSize || bytes.compare(36, 4, "acsp") != 0) return "is not an ICC profile";
  if (be32(bytes, 0) != bytes.size()) return "is truncated or padded (its header gives another size)";
  const std::string device_class = bytes.substr(12, 4);
  if (device_class != "mntr" && device_class != "prtr" && device_class != "scnr")
    return "is a '" + device_class + "' profile, not a device profile";
  if (bytes.compare(16, 4, "RGB ") != 0) return "is for the '" + bytes.substr(16, 4) + "' colour space, not RGB";
  const int major = uint8_t(bytes[8]);
  if (major != 2) return "is ICC version " + std::to_string(major) + "; PDF/A-1 takes version 2 profiles only";
  return {};
}

}  // namespace

IccProfile read_output_profile(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) throw EngineError(pdfa_message::profile_unreadable(path.string(), ec.message()));
  if (size > kMaxProfileSize) throw EngineError(pdfa_message::profile_unusable(path.string(), "is too large"));
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) throw EngineError(pdfa_message::profile_unreadable(path.string(), "read error"));
  if (const std::string problem = profile_problem(bytes); !problem.empty())
    throw EngineError(pdfa_message::profile_unusable(path.string(), problem));
  return IccProfile{std::move(bytes), path, 3};
}

std::vector<fs::path> srgb_profile_candidates() {
  if (const char* env = std::getenv("BANSHI_SRGB_PROFILE"); env && *env) return {env};
  std::vector<fs::path> out{BANSHI_SRGB_PROFILE};
  const auto add = [&out](const fs::path& dir) {
    if (!dir.is_absolute()) return;  // the XDG spec says to ignore relative entries
    fs::path p = dir / "color" / "icc" / "sRGB.icc";
    for (const fs::path& q : out)
      if (q == p) return;
    out.push_back(std::move(p));
  };
  if (const char* home = std::getenv("XDG_DATA_HOME"); home && *home) {
    add(home);
  } else if (const char* h = std::getenv("HOME"); h && *h) {
    add(fs::path(h) / ".local" / "share");
  }
  const char* dirs = std::getenv("XDG_DATA_DIRS");
  std::istringstream list(dirs && *dirs ? dirs : "/usr/local/share:/usr/share");
  for (std::string dir; std::getline(list, dir, ':');) add(dir);
  return out;
}

IccProfile find_srgb_profile() {
  const std::vector<fs::path> candidates = srgb_profile_candidates();
  std::vector<std::string> refused;
  for (const fs::path& p : candidates) {
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) continue;
    try {
      return read_output_profile(p);
    } catch (const EngineError& e) {
      refused.push_back(e.what());
    }
  }
  std::vector<std::string> places;
  for (const fs::path& p : candidates) places.push_back(p.string());
  throw EngineError(pdfa_message::profile_missing(places, refused));
}

}  // namespace banshi::pdf
