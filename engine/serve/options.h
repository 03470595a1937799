// How `banshi serve` is configured: where it listens, how many renders run
// at once and how long they may take, how large a request may be. The
// defaults suit one applicant on a laptop and a federation's small host.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

#include "i18n/lang.h"

namespace banshi::serve {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;

  // Renders at once: each runs in a child process of the render host.
  size_t workers = 2;
  // Requests that may wait for a worker, and for how long, before the
  // server answers 503 (busy) instead of letting them pile up.
  size_t queue = 32;
  std::chrono::milliseconds queue_wait{10'000};

  // One render: wall time and memory beyond the warm render host.
  std::chrono::milliseconds time_limit{60'000};
  size_t memory_mb = 1024;

  // A whole request: the largest input (a .docx of 100 MB, with room for
  // its photographs) plus the multipart envelope and the form's fields.
  size_t max_request_bytes = 110u << 20;
  // A request's line and headers; more is refused before the body is read.
  size_t max_header_bytes = 64u << 10;
  // A request's headers, then its body, must arrive within these times (a
  // client that trickles bytes would otherwise hold a connection thread
  // for ever).
  std::chrono::milliseconds header_time{10'000};
  std::chrono::seconds request_time{120};

  // Connection threads. A waiting request holds one, so this bounds the
  // queue together with `queue`.
  size_t http_threads = 48;

  std::filesystem::path data_dir;  // templates/ and fonts/
  std::string executable;          // this program, to start the render host
  Lang lang = Lang::En;            // of the messages printed on the console
};

}  // namespace banshi::serve
