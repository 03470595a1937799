#include "util/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "util/diag.h"

namespace banshi {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw EngineError("cannot open " + path.string() + ": " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw EngineError("cannot read " + path.string());
  return std::move(ss).str();
}

namespace {

// Closes the descriptor and removes the temporary unless released.
class TempFile {
 public:
  explicit TempFile(std::string path) : path_(std::move(path)) {
    fd_ = ::mkstemp(path_.data());
    if (fd_ < 0) throw EngineError("cannot create a temporary file " + path_ + ": " + std::strerror(errno));
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
    if (::close(fd) != 0) throw EngineError("cannot close " + path_ + ": " + std::strerror(errno));
  }
  void committed() { committed_ = true; }

 private:
  std::string path_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace

void write_file_atomic(const std::filesystem::path& path, std::string_view data) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  TempFile tmp((dir / ("." + path.filename().string() + ".XXXXXX")).string());
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(tmp.fd(), data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw EngineError("cannot write " + tmp.path() + ": " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(tmp.fd()) != 0) throw EngineError("cannot sync " + tmp.path() + ": " + std::strerror(errno));
  // mkstemp creates 0600; a PDF is an ordinary document.
  ::fchmod(tmp.fd(), 0644);
  tmp.close_fd();
  if (::rename(tmp.path().c_str(), path.c_str()) != 0)
    throw EngineError("cannot rename " + tmp.path() + " to " + path.string() + ": " + std::strerror(errno));
  tmp.committed();
}

}  // namespace banshi
