#include "serve/frames.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace banshi::serve {

namespace {

bool write_all(int fd, const char* p, size_t n) {
  while (n > 0) {
    const ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

bool read_all(int fd, char* p, size_t n) {
  while (n > 0) {
    const ssize_t r = ::read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

}  // namespace

bool write_frame(int fd, std::string_view payload) {
  const uint64_t n = payload.size();
  return write_all(fd, reinterpret_cast<const char*>(&n), sizeof n) && write_all(fd, payload.data(), payload.size());
}

std::optional<std::string> read_frame(int fd, size_t max_bytes) {
  uint64_t n = 0;
  if (!read_all(fd, reinterpret_cast<char*>(&n), sizeof n) || n > max_bytes) return std::nullopt;
  std::string payload(n, '\0');
  if (!read_all(fd, payload.data(), n)) return std::nullopt;
  return payload;
}

bool FrameReader::fill(int fd) {
  char chunk[65536];
  ssize_t r;
  do r = ::read(fd, chunk, sizeof chunk);
  while (r < 0 && errno == EINTR);
  if (r <= 0) return false;
  buffer_.append(chunk, static_cast<size_t>(r));
  return true;
}

std::optional<std::string> FrameReader::next() {
  uint64_t n = 0;
  if (buffer_.size() < sizeof n) return std::nullopt;
  std::memcpy(&n, buffer_.data(), sizeof n);
  if (n > max_bytes_) {
    broken_ = true;
    return std::nullopt;
  }
  if (buffer_.size() - sizeof n < n) return std::nullopt;
  std::string payload = buffer_.substr(sizeof n, n);
  buffer_.erase(0, sizeof n + n);
  return payload;
}

}  // namespace banshi::serve
