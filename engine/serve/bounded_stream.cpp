#include "serve/bounded_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace banshi::serve {

namespace {

bool wait_for(int sock, short events, int ms) {
  pollfd p{sock, events, 0};
  for (;;) {
    const int n = ::poll(&p, 1, ms);
    if (n < 0 && errno == EINTR) continue;
    return n > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
  }
}

void address_of(const sockaddr_storage& addr, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
    ::inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
    port = ntohs(a.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
    ::inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
    port = ntohs(a.sin6_port);
  }
  ip = text;
}

}  // namespace

BoundedStream::BoundedStream(int sock, const StreamLimits& limits) : sock_(sock), limits_(limits), buffer_(16384) {
  begin_request();
}

void BoundedStream::begin_request() {
  budget_ = limits_.header_bytes;
  deadline_ = std::chrono::steady_clock::now() + limits_.header_time;
  exhausted_ = false;
}

void BoundedStream::begin_body() {
  budget_ = limits_.body_bytes;
  deadline_ = std::chrono::steady_clock::now() + limits_.request_time;
}

int BoundedStream::wait_ms() const {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - std::chrono::steady_clock::now());
  return static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(left.count(), 0, limits_.io_timeout.count()));
}

bool BoundedStream::is_readable() const { return pos_ < end_ || wait_for(sock_, POLLIN, wait_ms()); }

bool BoundedStream::is_writable() const {
  return wait_for(sock_, POLLOUT, static_cast<int>(limits_.io_timeout.count()));
}

ssize_t BoundedStream::read(char* ptr, size_t size) {
  if (exhausted_) return -1;
  if (pos_ == end_) {
    if (std::chrono::steady_clock::now() >= deadline_ || !wait_for(sock_, POLLIN, wait_ms())) {
      exhausted_ = std::chrono::steady_clock::now() >= deadline_;
      return -1;
    }
    ssize_t n;
    do n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
    while (n < 0 && errno == EINTR);
    if (n <= 0) return n;
    pos_ = 0;
    end_ = static_cast<size_t>(n);
  }
  if (budget_ == 0) {
    exhausted_ = true;
    return -1;
  }
  size = std::min({size, end_ - pos_, budget_});
  budget_ -= size;
  std::memcpy(ptr, buffer_.data() + pos_, size);
  pos_ += size;
  return static_cast<ssize_t>(size);
}

ssize_t BoundedStream::write(const char* ptr, size_t size) {
  size_t done = 0;
  while (done < size) {
    if (!is_writable()) return -1;
    const ssize_t n = ::send(sock_, ptr + done, size - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    done += static_cast<size_t>(n);
  }
  return static_cast<ssize_t>(size);
}

void BoundedStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, ip, port);
}

void BoundedStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, ip, port);
}

}  // namespace banshi::serve
