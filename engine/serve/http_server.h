// cpp-httplib's server, with each connection read through a BoundedStream
// (bounded_stream.h): the library parses HTTP; the stream bounds what a
// client can make it hold and how long it can keep a thread.
#pragma once

#include <httplib.h>

#include <functional>

#include "serve/bounded_stream.h"

namespace banshi::serve {

// Set on a request whose client takes gzip (the library's own compression
// is turned off: Accept-Encoding is taken away before routing).
inline constexpr const char* kAcceptsGzip = "X-Banshi-Accepts-Gzip";

class HttpServer final : public httplib::Server {
 public:
  // `refuse_body` tells, once a request's headers are read, whether its
  // body will not be read (too large, or a method and path that take
  // none); such a connection is closed after the answer rather than read
  // on from the middle of a body.
  HttpServer(StreamLimits limits, std::function<bool(const httplib::Request&)> refuse_body);

 private:
  bool process_and_close_socket(int sock) override;

  StreamLimits limits_;
  std::function<bool(const httplib::Request&)> refuse_body_;
};

}  // namespace banshi::serve
