#include "jobs/pool.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <new>

#include "jobs/signals.h"
#include "util/diag.h"
#include "util/file.h"

namespace banshi::jobs {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// A child's exit status when it gave no answer.
constexpr int kExitOutOfMemory = 3;
constexpr int kExitNoAnswer = 4;

using Clock = std::chrono::steady_clock;

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

// The address space this process has mapped now (fonts, heap, stacks): a
// job's memory limit is counted on top of it.
size_t mapped_bytes() {
  size_t pages = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%zu", &pages) != 1) pages = 0;
    std::fclose(f);
  }
  return pages * static_cast<size_t>(::sysconf(_SC_PAGESIZE));
}

// In the child, after fork: limits, then the work, then the answer.
[[noreturn]] void child_main(int answer_fd, const Work& work, const Limits& limits, pid_t parent) {
  // A process group of its own: Ctrl-C on the terminal reaches the parent,
  // which decides what becomes of its jobs. The parent may block signals it
  // reads from a signalfd; a job takes the ordinary dispositions, and dies
  // with its parent.
  ::setpgid(0, 0);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  for (const int sig : {SIGTERM, SIGINT, SIGHUP}) std::signal(sig, SIG_DFL);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(kExitNoAnswer);  // the parent died before prctl

  // A crashing job leaves no core file of the whole warm parent.
  const rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  if (limits.memory_mb > 0 && !kAddressSanitizer) {
    const rlim_t as = mapped_bytes() + (static_cast<rlim_t>(limits.memory_mb) << 20);
    const rlimit mem{as, as};
    ::setrlimit(RLIMIT_AS, &mem);
  }

  std::string answer;
  try {
    answer = work();
  } catch (const std::bad_alloc&) {
    ::_exit(kExitOutOfMemory);
  } catch (...) {
    ::_exit(kExitNoAnswer);
  }
  // Its length first: the parent takes the answer as soon as it is whole,
  // without waiting for this process to give back its memory and exit.
  const uint64_t length = answer.size();
  try {
    write_all(answer_fd, std::string_view(reinterpret_cast<const char*>(&length), sizeof length), "the answer");
    write_all(answer_fd, answer, "the answer");
  } catch (...) {
    ::_exit(kExitNoAnswer);
  }
  // _exit: no destructors, no atexit handlers, no flushing of the parent's
  // buffers — and no time spent freeing the job's memory page by page.
  ::_exit(0);
}

std::string seconds(std::chrono::milliseconds ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", static_cast<double>(ms.count()) / 1000.0);
  return buf;
}

}  // namespace

Message Ending::message(const Limits& limits) const {
  switch (how) {
    case How::OutOfMemory: return {"job.out-of-memory", {{"limit", limits.memory_mb}}};
    case How::Crashed: {
      const char* text = ::sigdescr_np(status);
      return {"job.crashed", {{"signal", signal_name(status)}, {"description", text ? text : "?"}}};
    }
    case How::TimedOut: return {"job.timed-out", {{"seconds", seconds(limits.time)}}};
    case How::Abandoned: return {"job.abandoned", {}};
    case How::Answered:
    case How::Failed: break;
  }
  return {"job.no-answer", {{"status", status}}};
}

Pool::Pool(size_t slots, Limits limits) : slots_(std::max<size_t>(1, slots)), limits_(limits) {}

Pool::~Pool() {
  abandon();
  reap_exited(true);
}

void Pool::start(size_t id, const Work& work) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw EngineError("job.cannot-start", {{"reason", std::strerror(errno)}});
  UniqueFd read_end(fds[0]), write_end(fds[1]);
  const pid_t parent = ::getpid();
  const auto started = Clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throw EngineError("job.cannot-start", {{"reason", std::strerror(errno)}});
  if (pid == 0) {
    read_end.reset();
    child_main(write_end.get(), work, limits_, parent);
  }
  write_end.reset();  // the child's end: end of file comes when the child is gone
  ::fcntl(read_end.get(), F_SETFL, O_NONBLOCK);
  children_.push_back({id, pid, std::move(read_end), started, started + limits_.time, {}});
}

Pool::Read Pool::drain(Child& c) {
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(c.answer_fd.get(), buf, sizeof buf);
    if (n > 0) {
      c.answer.append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (c.answer.size() >= sizeof(uint64_t)) {
      uint64_t length;
      std::memcpy(&length, c.answer.data(), sizeof length);
      if (c.answer.size() - sizeof length == length) return Read::Whole;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Read::More;
    return Read::Closed;  // end of file (or a broken pipe) before a whole answer
  }
}

Pool::Ended Pool::answered(Child& c) {
  Ending e;
  e.ms = ms_between(c.started, Clock::now());
  e.how = Ending::How::Answered;
  e.answer = c.answer.substr(sizeof(uint64_t));
  // The child is exiting; it is reaped later, while the next job runs.
  exiting_.push_back(c.pid);
  c.pid = -1;
  return {c.id, std::move(e)};
}

Pool::Ended Pool::reap(Child& c, bool killed, Ending::How if_killed) {
  if (killed) ::kill(c.pid, SIGKILL);
  int status = 0;
  while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
  }
  Ending e;
  e.ms = ms_between(c.started, Clock::now());
  if (killed) {
    e.how = if_killed;
    e.status = SIGKILL;
  } else if (WIFEXITED(status)) {
    // Exited without a whole answer.
    e.status = WEXITSTATUS(status);
    e.how = e.status == kExitOutOfMemory ? Ending::How::OutOfMemory : Ending::How::Failed;
  } else {
    e.how = Ending::How::Crashed;
    e.status = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  }
  c.pid = -1;
  return {c.id, std::move(e)};
}

void Pool::reap_exited(bool block) {
  std::erase_if(exiting_, [block](pid_t pid) {
    int status;
    pid_t r;
    while ((r = ::waitpid(pid, &status, block ? 0 : WNOHANG)) < 0 && errno == EINTR) {
    }
    return r != 0;
  });
}

std::vector<Pool::Ended> Pool::wait(int wake_fd) {
  std::vector<Ended> ended;
  reap_exited(false);
  while (!children_.empty()) {
    std::vector<pollfd> fds;
    for (const Child& c : children_) fds.push_back({c.answer_fd.get(), POLLIN, 0});
    if (wake_fd >= 0) fds.push_back({wake_fd, POLLIN, 0});
    auto now = Clock::now();
    auto first_deadline = children_.front().deadline;
    for (const Child& c : children_) first_deadline = std::min(first_deadline, c.deadline);
    const double wait_ms = std::max(0.0, ms_between(now, first_deadline));
    const int timeout = static_cast<int>(std::min(wait_ms + 1, 3'600'000.0));
    if (::poll(fds.data(), fds.size(), timeout) < 0 && errno != EINTR)
      throw EngineError("job.cannot-wait", {{"reason", std::strerror(errno)}});

    now = Clock::now();
    for (size_t i = 0; i < children_.size(); ++i) {
      Child& c = children_[i];
      const Read read = fds[i].revents != 0 ? drain(c) : Read::More;
      if (read == Read::Whole) ended.push_back(answered(c));
      else if (read == Read::Closed) ended.push_back(reap(c, false, Ending::How::Failed));
      else if (now >= c.deadline) ended.push_back(reap(c, true, Ending::How::TimedOut));
    }
    std::erase_if(children_, [](const Child& c) { return c.pid < 0; });
    const bool woken = wake_fd >= 0 && (fds.back().revents & POLLIN);
    if (!ended.empty() || woken) break;
  }
  return ended;
}

std::vector<Pool::Ended> Pool::abandon() {
  std::vector<Ended> ended;
  for (Child& c : children_) ended.push_back(reap(c, true, Ending::How::Abandoned));
  children_.clear();
  return ended;
}

Ending run_in_child(const Work& work, const Limits& limits) {
  Pool pool(1, limits);
  pool.start(0, work);
  for (;;) {
    auto ended = pool.wait();
    if (!ended.empty()) return std::move(ended.front().ending);
  }
}

}  // namespace banshi::jobs
