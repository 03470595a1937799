// The HTTP process's side of the render host (render_host.h): starts it,
// sends it requests from any thread and hands each answer back to the
// thread that asked. If the host ends, the requests it held are answered
// with an error and the next request starts a new host.
#pragma once

#include <sys/types.h>

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "serve/render_host.h"
#include "serve/submission.h"

namespace banshi::serve {

class HostClient {
 public:
  // Starts the host and waits until its engine is loaded; throws
  // EngineError with the host's own message when it cannot start.
  HostClient(std::string executable, HostSettings settings, size_t max_frame_bytes);
  // Closes the socket (the host then ends) and waits for the host.
  ~HostClient();
  HostClient(const HostClient&) = delete;
  HostClient& operator=(const HostClient&) = delete;

  // What the host said when it started (fonts standing in for others).
  std::string notes() const;

  // Runs one request in the host and waits for its answer. The caller
  // bounds how many run at once (the host runs as many as it has workers).
  // Throws EngineError when the host ended without answering.
  Reply run(const Submission& s);

 private:
  struct Host;  // one started host: its process, socket and reader thread
  struct Pending {
    const Host* host = nullptr;
    std::optional<std::string> answer;
    bool failed = false;
  };

  std::shared_ptr<Host> host();  // the running host, started if need be
  std::shared_ptr<Host> start();
  void read_answers(Host* self);

  std::string executable_;
  HostSettings settings_;
  size_t max_frame_bytes_;

  mutable std::mutex mutex_;
  std::condition_variable answered_;
  std::shared_ptr<Host> host_;
  std::map<uint64_t, Pending*> pending_;
  uint64_t next_id_ = 1;
  std::string notes_;
};

}  // namespace banshi::serve
