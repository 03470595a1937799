#include "cli/hand_off.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "render/input.h"
#include "util/diag.h"

namespace banshi::cli {

namespace {

namespace fs = std::filesystem;

// Installed (bin/banshi, libexec/banshi/banshi-full), else beside this
// executable (build/banshi, build/banshi-full).
std::vector<fs::path> candidates() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const fs::path dir = exe.parent_path();
  return {(dir / BANSHI_RELATIVE_FULL_EXE).lexically_normal(), dir / "banshi-full"};
}

[[noreturn]] void fail(const fs::path& file, int error) {
  throw EngineError("tool.full-missing", {{"file", file.string()}, {"reason", std::strerror(error)}});
}

}  // namespace

void hand_off(const Context& ctx) {
  const std::vector<fs::path> found = candidates();
  if (found.empty()) fail("banshi-full", ENOENT);
  std::vector<char*> argv;
  for (const std::string& a : ctx.command_line) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::cout.flush();
  std::cerr.flush();
  int error = ENOENT;
  for (const fs::path& full : found) {
    ::execv(full.c_str(), argv.data());
    if (errno != ENOENT) error = errno;
  }
  fail(found.front(), error);
}

void hand_off(const Context& ctx, std::string_view input) {
  // A file in memory, not a pipe: nothing would be left to fill a pipe
  // once this process is banshi-full.
  const int fd = ::memfd_create("banshi-stdin", 0);
  if (fd < 0) fail("banshi-full", errno);
  for (size_t done = 0; done < input.size();) {
    const ssize_t n = ::write(fd, input.data() + done, input.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("banshi-full", errno);
    done += static_cast<size_t>(n);
  }
  if (::lseek(fd, 0, SEEK_SET) != 0 || ::dup2(fd, STDIN_FILENO) < 0) fail("banshi-full", errno);
  ::close(fd);
  hand_off(ctx);
}

void hand_off_word_inputs(const Context& ctx, const std::vector<fs::path>& inputs) {
  if (ctx.word) return;
  for (const fs::path& input : inputs)
    if (!input.empty() && input != "-" && input_kind(input) != InputKind::Xml) hand_off(ctx);
}

}  // namespace banshi::cli
