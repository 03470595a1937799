#include "util/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "util/diag.h"

namespace banshi {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw EngineError("file.open", {{"file", path.string()}, {"reason", std::strerror(errno)}});
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw EngineError("file.read", {{"file", path.string()}});
  return std::move(ss).str();
}

namespace {

// Closes the descriptor and removes the temporary unless released.
class TempFile {
 public:
  explicit TempFile(std::string path) : path_(std::move(path)) {
    fd_ = ::mkstemp(path_.data());
    if (fd_ < 0) throw EngineError("file.temporary", {{"file", path_}, {"reason", std::strerror(errno)}});
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  void close_fd() {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) throw EngineError("file.close", {{"file", path_}, {"reason", std::strerror(errno)}});
  }
  void committed() { committed_ = true; }

 private:
  std::string path_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace

void write_all(int fd, std::string_view data, const std::string& name) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw EngineError("file.write", {{"file", name}, {"reason", std::strerror(errno)}});
    }
    done += static_cast<size_t>(n);
  }
}

std::optional<std::string> read_at_most(int fd, size_t limit, const std::string& name) {
  std::string out;
  constexpr size_t kChunk = 1 << 16;
  while (out.size() <= limit) {
    const size_t at = out.size();
    // Never more than limit + 1 bytes in all: one past the limit tells.
    out.resize(at + std::min(kChunk, limit + 1 - at));
    const ssize_t n = ::read(fd, out.data() + at, out.size() - at);
    if (n < 0) {
      out.resize(at);
      if (errno == EINTR) continue;
      throw EngineError("file.read-failed", {{"file", name}, {"reason", std::strerror(errno)}});
    }
    out.resize(at + static_cast<size_t>(n));
    if (n == 0) return out;
  }
  return std::nullopt;
}

namespace {

// An unnamed file in `dir` (O_TMPFILE): if the process dies before it is
// linked in — even by SIGKILL — nothing is left behind. -1 where the file
// system does not support it.
int open_unnamed(const std::filesystem::path& dir) {
#ifdef O_TMPFILE
  return ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
#else
  (void)dir;
  return -1;
#endif
}

}  // namespace

void write_file_atomic(const std::filesystem::path& path, std::string_view data) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw EngineError("file.no-directory", {{"file", path.string()}, {"dir", dir.string()}});
  if (::access(dir.c_str(), W_OK) != 0)
    throw EngineError("file.directory-not-writable", {{"file", path.string()}, {"dir", dir.string()}});
  if (const int fd = open_unnamed(dir); fd >= 0) {
    struct Closer {
      int fd;
      ~Closer() { ::close(fd); }
    } closer{fd};
    write_all(fd, data, path.string());
    if (::fsync(fd) != 0) throw EngineError("file.sync", {{"file", path.string()}, {"reason", std::strerror(errno)}});
    // Give it a temporary name, then rename over the target: rename is
    // atomic, so readers see the old file or the new one, never a mix.
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    for (int attempt = 0; attempt < 100; ++attempt) {
      const auto tmp =
          dir / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()) + "." + std::to_string(attempt));
      if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
        if (errno == EEXIST) continue;
        break;  // no /proc or no linkat here: fall back to a named temporary
      }
      if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw EngineError("file.rename",
                          {{"from", tmp.string()}, {"file", path.string()}, {"reason", std::strerror(err)}});
      }
      return;
    }
  }
  TempFile tmp((dir / ("." + path.filename().string() + ".XXXXXX")).string());
  write_all(tmp.fd(), data, tmp.path());
  if (::fsync(tmp.fd()) != 0) throw EngineError("file.sync", {{"file", tmp.path()}, {"reason", std::strerror(errno)}});
  // mkstemp creates 0600; a PDF is an ordinary document.
  ::fchmod(tmp.fd(), 0644);
  tmp.close_fd();
  if (::rename(tmp.path().c_str(), path.c_str()) != 0)
    throw EngineError("file.rename", {{"from", tmp.path()}, {"file", path.string()}, {"reason", std::strerror(errno)}});
  tmp.committed();
}

}  // namespace banshi
