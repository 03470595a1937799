// Jobs run in child processes: the one execution model of batch and of the
// server (readings.md, "One execution model for jobs").
//
// The parent loads fonts and templates once, then forks a child per job.
// The child shares the loaded fonts copy-on-write, runs the job under a
// memory limit (setrlimit), writes its answer to a pipe and exits; the
// parent reads the answer, and kills a child that runs past its time limit.
// A crash, a hang or a runaway input thus ends only its own job: the parent
// learns how the child ended and goes on.
//
// A Pool runs up to N such children at once and is driven by one thread
// (batch's main loop; the server's supervisor): fork is only safe while no
// other thread of the parent holds a lock the child might need, so the
// parent's other threads, if any, must not render.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "i18n/message.h"
#include "util/unique_fd.h"

namespace banshi::jobs {

struct Limits {
  // Wall-clock time from the fork to the answer; the child is killed then.
  std::chrono::milliseconds time{std::chrono::minutes(5)};
  // Memory a job may take beyond the parent it was forked from (address
  // space, RLIMIT_AS); 0 = no limit. Not applied in a build with
  // AddressSanitizer, which reserves terabytes of address space up front.
  size_t memory_mb = 2048;
};

// Work done in the child; what it returns is the answer the parent gets.
// It should catch its own exceptions and put them in the answer: one that
// escapes ends the child without an answer.
using Work = std::function<std::string()>;

// How a child ended, as the parent saw it.
struct Ending {
  enum class How {
    Answered,     // exited normally after writing its whole answer
    OutOfMemory,  // ran out of memory within its limit (bad_alloc escaped)
    Failed,       // exited with another status, its answer not trusted
    Crashed,      // killed by a signal it did not expect (SIGSEGV, SIGABRT …)
    TimedOut,     // killed by the parent at its time limit
    Abandoned,    // killed by the parent that was told to stop
  };
  How how = How::Answered;
  int status = 0;      // the exit status, or the signal
  std::string answer;  // complete only when Answered
  double ms = 0;       // from the fork to the answer (or the end)

  // How a job that gave no answer ended, for its report: "the job
  // crashed: killed by SIGSEGV (Segmentation fault)", "the job was still
  // running at its time limit of 300 s and was stopped" … (not for
  // Answered).
  Message message(const Limits& limits) const;
};

class Pool {
 public:
  Pool(size_t slots, Limits limits);
  // Kills and reaps every child still running.
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  const Limits& limits() const { return limits_; }
  size_t running() const { return children_.size(); }
  bool full() const { return children_.size() >= slots_; }

  // Forks a child that runs `work`. `id` is the caller's, given back with
  // the job's Ending. Throws EngineError when no process can be made.
  void start(size_t id, const Work& work);

  struct Ended {
    size_t id;
    Ending ending;
  };
  // Waits until at least one job has ended (answered, died, or was stopped
  // at its time limit) or `wake_fd` is readable (a signal, a new request),
  // and returns the jobs that ended — possibly none when woken. Returns at
  // once when no job is running.
  std::vector<Ended> wait(int wake_fd = -1);

  // Kills every running child and waits for it; returns them as Abandoned.
  std::vector<Ended> abandon();

 private:
  struct Child {
    size_t id;
    pid_t pid;
    UniqueFd answer_fd;  // the read end of the child's answer pipe
    std::chrono::steady_clock::time_point started, deadline;
    std::string answer;  // its length (8 bytes), then the answer
  };
  enum class Read { More, Whole, Closed };
  // Reads what the child has written so far.
  Read drain(Child& c);
  // A whole answer: the job has ended, its process is left to exit.
  Ended answered(Child& c);
  // A child that closed its pipe without a whole answer, or is killed.
  Ended reap(Child& c, bool killed, Ending::How if_killed);
  // Collects children that answered and have exited since.
  void reap_exited(bool block);

  size_t slots_;
  Limits limits_;
  std::vector<Child> children_;
  std::vector<pid_t> exiting_;
};

// Runs one job in a child and waits for it: the server's path for one
// request when it has no pool of its own, and the tests'.
Ending run_in_child(const Work& work, const Limits& limits);

}  // namespace banshi::jobs
