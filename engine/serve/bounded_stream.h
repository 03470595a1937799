// The connection stream the HTTP library reads requests from, with the
// bounds a hosted server needs and cpp-httplib 0.11 does not set itself:
// it keeps any number of header lines, grows a line without an end, and
// reads chunked bodies without its payload limit. Here every byte handed
// to the library counts against a budget — the request line and headers
// first, then (once the server has seen the headers) the body's — and the
// whole request must arrive before a deadline, so a client that floods or
// trickles bytes costs a bounded amount of memory and time and is cut off.
// HTTP itself is still parsed by the library.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <vector>

namespace banshi::serve {

struct StreamLimits {
  size_t header_bytes = 64u << 10;
  size_t body_bytes = 110u << 20;
  std::chrono::milliseconds header_time{10'000};    // the request line and headers
  std::chrono::milliseconds request_time{120'000};  // the body, from the end of the headers
  std::chrono::milliseconds io_timeout{10'000};     // one read or write waits this long at most
};

class BoundedStream final : public httplib::Stream {
 public:
  BoundedStream(int sock, const StreamLimits& limits);

  // A new request begins on this connection: the header budget and the
  // header deadline start again.
  void begin_request();
  // The headers have been read: the rest of this request may be as large
  // as the body budget, and take the body's time.
  void begin_body();
  // The budget or the deadline ran out on this request.
  bool exhausted() const { return exhausted_; }
  // Bytes already received that the library has not read yet (a pipelined
  // next request).
  bool has_buffered() const { return pos_ < end_; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return sock_; }

 private:
  // Milliseconds to wait for the socket now: the I/O timeout, or less when
  // the request's deadline is nearer.
  int wait_ms() const;

  int sock_;
  StreamLimits limits_;
  std::vector<char> buffer_;
  size_t pos_ = 0, end_ = 0;
  size_t budget_ = 0;
  std::chrono::steady_clock::time_point deadline_;
  bool exhausted_ = false;
};

}  // namespace banshi::serve
