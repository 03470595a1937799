#include "pdf/icc_profile.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

#include "i18n/message.h"
#include "util/diag.h"

// BANSHI_SRGB_PROFILE comes from the build (engine/CMakeLists.txt).

namespace banshi::pdf {

namespace {

namespace fs = std::filesystem;

// ICC.1 header: 128 bytes, big-endian.
constexpr size_t kHeaderSize = 128;
// Real profiles are a few KB to a few MB; a larger "profile" is not one.
constexpr uintmax_t kMaxProfileSize = 16u << 20;

[[noreturn]] void fail(MessageCode code, Args args) { throw EngineError(code, std::move(args)); }

uint32_t be32(const std::string& b, size_t at) {
  return (uint32_t(uint8_t(b[at])) << 24) | (uint32_t(uint8_t(b[at + 1])) << 16) | (uint32_t(uint8_t(b[at + 2])) << 8) |
         uint32_t(uint8_t(b[at + 3]));
}

void check_profile(const std::string& file, const std::string& bytes) {
  if (bytes.size() < kHeaderSize || bytes.compare(36, 4, "acsp") != 0) fail("pdfa.profile-not-icc", {{"file", file}});
  if (be32(bytes, 0) != bytes.size())
    fail("pdfa.profile-damaged", {{"file", file}, {"declared", be32(bytes, 0)}, {"actual", bytes.size()}});
  const std::string device_class = bytes.substr(12, 4);
  if (device_class != "mntr" && device_class != "prtr" && device_class != "scnr")
    fail("pdfa.profile-not-device", {{"file", file}, {"class", device_class}});
  if (bytes.compare(16, 4, "RGB ") != 0) fail("pdfa.profile-not-rgb", {{"file", file}, {"space", bytes.substr(16, 4)}});
  const int major = uint8_t(bytes[8]);
  if (major != 2) fail("pdfa.profile-version", {{"file", file}, {"version", major}});
}

}  // namespace

IccProfile read_output_profile(const fs::path& path) {
  const std::string file = path.string();
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) fail("pdfa.profile-unreadable", {{"file", file}, {"reason", ec.message()}});
  if (size > kMaxProfileSize) fail("pdfa.profile-not-icc", {{"file", file}});
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad() || bytes.size() != size) fail("pdfa.profile-unreadable", {{"file", file}, {"reason", "read error"}});
  check_profile(file, bytes);
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
  // A file that is there but unusable is reported for itself, unless a
  // later place has a good one.
  std::optional<EngineError> first_refusal;
  for (const fs::path& p : candidates) {
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) continue;
    try {
      return read_output_profile(p);
    } catch (const EngineError& e) {
      if (!first_refusal) first_refusal = e;
    }
  }
  if (first_refusal) throw *first_refusal;
  std::vector<std::string> places;
  for (const fs::path& p : candidates) places.push_back(p.string());
  fail("pdfa.profile-missing", {{"places", places}});
}

}  // namespace banshi::pdf
