#include "serve/http_server.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace banshi::serve {

namespace {

// Waits for the next request on a kept-alive connection, noticing a
// server that stops meanwhile.
bool next_request(int sock, time_t keep_alive_sec, const std::atomic<int>& listening) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(keep_alive_sec);
  while (listening != -1 && std::chrono::steady_clock::now() < until) {
    pollfd p{sock, POLLIN, 0};
    const int n = ::poll(&p, 1, 50);
    if (n > 0) return (p.revents & POLLIN) != 0;
    if (n < 0 && errno != EINTR) return false;
  }
  return false;
}

// A request refused before its body was read (413, 405): the answer is
// sent, but closing at once with the body still arriving would make the
// kernel reset the connection, and the client might never read the
// answer. So the body is read and dropped for a while first.
void linger(int sock) {
  ::shutdown(sock, SHUT_WR);
  char sink[65536];
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  size_t dropped = 0;
  while (std::chrono::steady_clock::now() < until && dropped < (256u << 20)) {
    pollfd p{sock, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = ::recv(sock, sink, sizeof sink, 0);
    if (n <= 0) return;
    dropped += static_cast<size_t>(n);
  }
}

}  // namespace

HttpServer::HttpServer(StreamLimits limits, std::function<bool(const httplib::Request&)> refuse_body)
    : limits_(limits), refuse_body_(std::move(refuse_body)) {}

bool HttpServer::process_and_close_socket(int sock) {
  BoundedStream stream(sock, limits_);
  bool ok = false;
  for (size_t left = keep_alive_max_count_; left > 0; --left) {
    if (!stream.has_buffered() && !next_request(sock, keep_alive_timeout_sec_, svr_sock_)) break;
    stream.begin_request();
    bool closed = false, refused = false;
    ok = process_request(stream, left == 1 || svr_sock_ == -1, closed, [&](httplib::Request& req) {
      refused = refuse_body_(req);
      if (!refused) stream.begin_body();
      // The library would compress every text answer anew, with Brotli at
      // its slowest setting (seconds for pdf.js); the static files are
      // compressed once instead (static_files.h), and the API's answers
      // are PDFs or small.
      const std::string accepts = req.get_header_value("Accept-Encoding");
      req.headers.erase("Accept-Encoding");
      if (accepts.find("gzip") != std::string::npos) req.set_header(kAcceptsGzip, "1");
    });
    if (refused) linger(sock);
    if (!ok || closed || refused || stream.exhausted()) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace banshi::serve
