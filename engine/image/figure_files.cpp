#include "image/figure_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace banshi::image {

namespace fs = std::filesystem;

namespace {

// `p` is `root` or below it (both absolute and normal).
bool inside(const fs::path& p, const fs::path& root) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (r->empty()) continue;  // a trailing separator
    if (q == p.end() || *q != *r) return false;
  }
  return true;
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

RootedFiles::RootedFiles(const fs::path& report_dir, const std::vector<fs::path>& extra_roots, ImageLimits limits)
    : report_dir_(report_dir.empty() ? fs::path(".") : report_dir), limits_(limits) {
  std::vector<fs::path> dirs{report_dir_};
  dirs.insert(dirs.end(), extra_roots.begin(), extra_roots.end());
  for (const fs::path& dir : dirs) {
    std::error_code ec;
    const fs::path c = fs::canonical(dir, ec);
    if (!ec) roots_.push_back(c);
  }
}

std::variant<model::FigureImage, Refusal> RootedFiles::load(const std::string& src) const {
  if (src.empty()) return Refusal{"figure.not-found", {{"path", report_dir_.string()}}};
  // Resolved as the file system would: every link followed (weakly: the
  // part that does not exist is only normalised), then compared by
  // components with the roots.
  std::error_code ec;
  const fs::path given(src);
  const fs::path joined = given.is_absolute() ? given : fs::absolute(report_dir_, ec) / given;
  fs::path real = fs::weakly_canonical(joined, ec);
  if (ec) real = joined.lexically_normal();
  bool allowed = false;
  for (const fs::path& root : roots_) allowed = allowed || inside(real, root);
  if (!allowed) return Refusal{"figure.outside-roots", {}};

  // Opened without following a final link (there is none in `real`, bar a
  // race): a regular file of at most the limit, read whole.
  Fd f{::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)};
  struct stat st {};
  if (f.fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR || errno == ELOOP)
      return Refusal{"figure.not-found", {{"path", real.string()}}};
    return Refusal{"figure.unreadable", {{"reason", std::strerror(errno)}}};
  }
  if (::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode)) return Refusal{"figure.not-found", {{"path", real.string()}}};
  if (static_cast<uintmax_t>(st.st_size) > limits_.max_bytes)
    return Refusal{"image.file-too-large", {{"mb", st.st_size >> 20}, {"limit", limits_.max_bytes >> 20}}};
  auto bytes = std::make_shared<std::string>(static_cast<size_t>(st.st_size), '\0');
  size_t got = 0;
  while (got < bytes->size()) {
    const ssize_t r = ::read(f.fd, bytes->data() + got, bytes->size() - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return Refusal{"figure.unreadable", {{"reason", std::strerror(errno)}}};
    if (r == 0) break;  // shrank while read: what is there is judged as an image
    got += static_cast<size_t>(r);
  }
  bytes->resize(got);
  return model::FigureImage{model::FigureImage::Origin::File, real.string(), std::move(bytes)};
}

void NamedFiles::add(std::string name, std::shared_ptr<const std::string> bytes) {
  files_[std::move(name)] = std::move(bytes);
}

std::variant<model::FigureImage, Refusal> NamedFiles::load(const std::string& src) const {
  const auto it = files_.find(src);
  if (it == files_.end() || !it->second) return Refusal{"figure.not-uploaded", {}};
  return model::FigureImage{model::FigureImage::Origin::Upload, src, it->second};
}

}  // namespace banshi::image
