// Stop signals (SIGTERM, SIGINT, SIGHUP) read as data instead of handled
// asynchronously: while a SignalWatch lives they are blocked and arrive on
// a descriptor the job loop polls beside its children, so stopping cleanly
// (abandon the running jobs, write the summary, exit 128 + signal) is an
// ordinary step of the loop — no handler, no global flag. Children of a
// Pool unblock them again.
#pragma once

#include <signal.h>

#include <initializer_list>
#include <string>

#include "util/unique_fd.h"

namespace banshi::jobs {

class SignalWatch {
 public:
  explicit SignalWatch(std::initializer_list<int> signals);
  // Restores the signal mask; a signal that arrived and was not taken is
  // then delivered as usual.
  ~SignalWatch();
  SignalWatch(const SignalWatch&) = delete;
  SignalWatch& operator=(const SignalWatch&) = delete;

  int fd() const { return fd_.get(); }
  // The first signal that arrived, without waiting; 0 when none has.
  int take();

 private:
  sigset_t old_mask_;
  UniqueFd fd_;
};

// "SIGTERM" for SIGTERM; the number for a signal without a name.
std::string signal_name(int sig);

}  // namespace banshi::jobs
