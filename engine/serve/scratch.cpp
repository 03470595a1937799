#include "serve/scratch.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "util/diag.h"

namespace banshi::serve {

namespace {

constexpr std::string_view kPrefix = "banshi-serve-";

// Directories of servers that no longer run: banshi-serve-PID-… whose PID
// is gone (or is not this user's process: then it is not ours to keep).
void remove_abandoned(const std::filesystem::path& tmp) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(tmp, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(kPrefix)) continue;
    const std::string rest = name.substr(kPrefix.size());
    const size_t dash = rest.find('-');
    if (dash == std::string::npos || dash == 0) continue;
    const std::string pid = rest.substr(0, dash);
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::error_code exists;
    if (std::filesystem::exists("/proc/" + pid, exists)) continue;
    struct stat st {};
    if (::lstat(entry.path().c_str(), &st) != 0 || st.st_uid != ::getuid() || !S_ISDIR(st.st_mode)) continue;
    std::filesystem::remove_all(entry.path(), ec);
  }
}

}  // namespace

ScratchRoot::ScratchRoot() {
  const char* env = std::getenv("TMPDIR");
  const std::filesystem::path tmp = env && *env ? env : "/tmp";
  remove_abandoned(tmp);
  std::string pattern = (tmp / (std::string(kPrefix) + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) throw EngineError("serve.scratch", {{"dir", tmp.string()}});
  path_ = pattern;
}

ScratchRoot::~ScratchRoot() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void clear_scratch(const std::filesystem::path& root) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec)) std::filesystem::remove_all(entry.path(), ec);
}

}  // namespace banshi::serve
