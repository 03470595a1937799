// The render host: a process of its own, started by `banshi serve` before
// it opens its port, that holds the warm engine (fonts and templates
// loaded once, a warm-up render done) and runs each request as a job.
//
// Why a process of its own: jobs are forked from the warm engine
// (readings.md, "one execution model for jobs"), and fork() is only safe
// in a process with one thread — the HTTP server has dozens. The host has
// one; it is started with posix_spawn (safe from a threaded process), and
// it is started again if it ever ends.
//
// It reads requests from a Unix socket, answers each with its Reply, and
// ends when the socket closes.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "i18n/lang.h"

namespace banshi::serve {

struct HostSettings {
  std::filesystem::path data_dir;
  size_t workers = 2;
  std::chrono::milliseconds time_limit{60'000};
  size_t memory_mb = 1024;
  Lang lang = Lang::En;  // of the notes printed when the host starts
  // The server's private directory (scratch.h), where each job's own goes.
  std::filesystem::path scratch;
};

// The command line that starts a host on descriptor `fd`, and the host's
// side: what `banshi serve --render-host FD …` runs.
std::vector<std::string> host_command(const std::string& executable, int fd, const HostSettings& settings);
int run_render_host(int fd, const HostSettings& settings);

// The first frame a host sends: ready (with the notes to print once, such
// as the fonts standing in) or the reason it could not start.
struct HostHello {
  bool ready = false;
  std::string text;
};
std::string encode(const HostHello& h);
HostHello decode_hello(std::string_view bytes);

}  // namespace banshi::serve
