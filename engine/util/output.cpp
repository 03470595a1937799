#include "util/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "util/file.h"
#include "util/unique_fd.h"

namespace banshi {

namespace {

[[noreturn]] void refuse(const std::string& name, MessageCode code, Args args = {}) {
  throw InputError(Diagnostic(Severity::Error, code, std::move(args)).at({name}));
}

// The descriptor a name stands for without naming a file: "-",
// /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N. -1 otherwise.
int descriptor_named(const std::string& name) {
  if (name == "-" || name == "/dev/stdout") return STDOUT_FILENO;
  if (name == "/dev/stderr") return STDERR_FILENO;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (name.rfind(prefix, 0) != 0) continue;
    int fd = -1;
    const char* first = name.data() + prefix.size();
    const char* last = name.data() + name.size();
    const auto [end, ec] = std::from_chars(first, last, fd);
    if (ec == std::errc() && end == last && first != last && fd >= 0) return fd;
  }
  return -1;
}

// Standard output is named as such in messages; any other output by the
// name it was given.
[[noreturn]] void write_failed(const std::string& name, int fd, int err) {
  if (fd == STDOUT_FILENO)
    throw OutputError(Diagnostic(Severity::Error, "output.stdout-failed", {{"reason", std::strerror(err)}}));
  throw OutputError(Diagnostic(Severity::Error, "output.write-failed", {{"reason", std::strerror(err)}}).at({name}));
}

void write_checked(int fd, std::string_view data, const std::string& name, int shown_fd) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      write_failed(name, shown_fd, errno);
    }
    done += static_cast<size_t>(n);
  }
}

int open_for_writing(const std::filesystem::path& path, int flags, const std::string& name) {
  int fd;
  do fd = ::open(path.c_str(), flags | O_WRONLY | O_CLOEXEC | O_NOCTTY, 0644);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) write_failed(name, -1, errno);
  return fd;
}

void close_checked(int fd, const std::string& name) {
  // close() is not retried on EINTR: on Linux the descriptor is gone then.
  if (::close(fd) != 0 && errno != EINTR) write_failed(name, -1, errno);
}

}  // namespace

std::optional<FileId> file_id(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

std::optional<FileId> regular_file_id(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

void reserve_standard_streams() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // open() returns the lowest free descriptor: this one.
    const int got = ::open("/dev/null", O_RDONLY);
    if (got >= 0 && got != fd) ::close(got);
  }
}

OutputTarget OutputTarget::resolve(const std::string& name, std::span<const FileId> inputs, std::string_view option) {
  OutputTarget t;
  t.name_ = name;
  if (name.empty()) refuse(name, "output.empty-name", {{"option", option}});
  const auto is_input = [&](const FileId& id) { return std::find(inputs.begin(), inputs.end(), id) != inputs.end(); };

  if (const int fd = descriptor_named(name); fd >= 0) {
    t.kind_ = Kind::Descriptor;
    t.fd_ = fd;
    // A closed standard output was reserved read-only at start.
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags == -1 || (flags & O_ACCMODE) == O_RDONLY) {
      if (fd == STDOUT_FILENO) throw OutputError(Diagnostic(Severity::Error, "output.stdout-closed"));
      throw OutputError(
          Diagnostic(Severity::Error, "output.write-failed", {{"reason", std::strerror(EBADF)}}).at({name}));
    }
    if (const auto id = regular_file_id(fd); id && is_input(*id)) refuse(name, "output.is-input", {{"option", option}});
    return t;
  }

  struct stat st {};
  if (::stat(name.c_str(), &st) != 0) {
    struct stat link {};
    if (::lstat(name.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) refuse(name, "output.dangling-link");
    t.kind_ = Kind::File;  // a new file (a missing directory is write's error)
    t.path_ = name;
    return t;
  }
  if (is_input({st.st_dev, st.st_ino})) refuse(name, "output.is-input", {{"option", option}});
  if (S_ISREG(st.st_mode)) {
    t.kind_ = Kind::File;
    // Through a symbolic link, the file it points to is replaced, not the
    // link.
    std::error_code ec;
    t.path_ = std::filesystem::canonical(name, ec);
    if (ec) t.path_ = name;
    return t;
  }
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
    t.kind_ = Kind::Device;
    t.path_ = name;
    return t;
  }
  if (S_ISDIR(st.st_mode)) refuse(name, "output.directory");
  if (S_ISSOCK(st.st_mode)) refuse(name, "output.socket");
  refuse(name, "output.block-device");
}

void OutputTarget::write(std::string_view data) const {
  switch (kind_) {
    case Kind::File: write_file_atomic(path_, data); return;
    case Kind::Device: {
      UniqueFd fd(open_for_writing(path_, 0, name_));
      write_checked(fd.get(), data, name_, -1);
      close_checked(fd.release(), name_);
      return;
    }
    case Kind::Descriptor: write_checked(fd_, data, name_, fd_); return;
  }
}

OutputTarget::Stream OutputTarget::open_stream() const {
  switch (kind_) {
    case Kind::File: return Stream(open_for_writing(path_, O_CREAT | O_TRUNC, name_), true, name_);
    case Kind::Device: return Stream(open_for_writing(path_, 0, name_), true, name_);
    case Kind::Descriptor: break;
  }
  return Stream(fd_, false, name_);
}

OutputTarget::Stream::Stream(Stream&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), owned_(other.owned_), name_(std::move(other.name_)) {}

OutputTarget::Stream::~Stream() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

void OutputTarget::Stream::write(std::string_view piece) { write_checked(fd_, piece, name_, owned_ ? -1 : fd_); }

void OutputTarget::Stream::close() {
  if (!owned_ || fd_ < 0) return;
  close_checked(std::exchange(fd_, -1), name_);
}

}  // namespace banshi
