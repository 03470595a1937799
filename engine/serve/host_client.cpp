#include "serve/host_client.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <vector>

#include "jobs/wire.h"
#include "serve/frames.h"
#include "util/diag.h"
#include "util/unique_fd.h"

extern char** environ;

namespace banshi::serve {

namespace {

// The host's descriptor for its socket (3: after standard input, output and error).
constexpr int kHostFd = 3;

pid_t spawn_host(const std::string& executable, int child_end, const HostSettings& settings) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, child_end, kHostFd);
  // Nothing else of this process reaches the host: not the listening
  // socket, not a client's connection.
  posix_spawn_file_actions_addclosefrom_np(&actions, kHostFd + 1);

  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  // A process group of its own: Ctrl-C at the terminal stops the server,
  // which drains its requests and then closes the host's socket; the
  // host's jobs must not die first.
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);

  const std::vector<std::string> args = host_command(executable, kHostFd, settings);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int err = posix_spawn(&pid, executable.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0) throw EngineError("serve.host-cannot-start", {{"program", executable}, {"reason", std::strerror(err)}});
  return pid;
}

}  // namespace

struct HostClient::Host {
  pid_t pid = -1;
  UniqueFd fd;
  std::mutex write_mutex;
  std::thread reader;
  std::atomic<bool> ended{false};

  ~Host() {
    if (reader.joinable()) {
      ::shutdown(fd.get(), SHUT_RDWR);
      reader.join();
    }
    fd.reset();
    if (pid > 0) {
      int status;
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
    }
  }
};

HostClient::HostClient(std::string executable, HostSettings settings, size_t max_frame_bytes)
    : executable_(std::move(executable)), settings_(std::move(settings)), max_frame_bytes_(max_frame_bytes) {
  std::lock_guard lock(mutex_);
  host_ = start();
}

HostClient::~HostClient() {
  std::shared_ptr<Host> h;
  {
    std::lock_guard lock(mutex_);
    h = std::move(host_);
  }
  // ~Host closes the socket, so the host ends, and waits for it.
}

std::string HostClient::notes() const {
  std::lock_guard lock(mutex_);
  return notes_;
}

std::shared_ptr<HostClient::Host> HostClient::start() {
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
    throw EngineError("serve.host-socket", {{"reason", std::strerror(errno)}});
  auto h = std::make_shared<Host>();
  h->fd.reset(ends[0]);
  // The host's end must not already be descriptor 3: dup2 onto itself would
  // keep its close-on-exec flag.
  UniqueFd child_end(ends[1]);
  if (child_end.get() == kHostFd) child_end.reset(::fcntl(ends[1], F_DUPFD_CLOEXEC, kHostFd + 1));
  h->pid = spawn_host(executable_, child_end.get(), settings_);
  child_end.reset();
  const auto hello_frame = read_frame(h->fd.get(), max_frame_bytes_);
  if (!hello_frame) throw EngineError("serve.host-ended-loading");
  const HostHello hello = decode_hello(*hello_frame);
  if (!hello.ready) throw EngineError("serve.host-not-ready", {{"reason", hello.text}});
  notes_ = hello.text;
  h->reader = std::thread([this, self = h.get()] { read_answers(self); });
  return h;
}

std::shared_ptr<HostClient::Host> HostClient::host() {
  std::lock_guard lock(mutex_);
  if (host_ && host_->ended) host_.reset();  // its reader has failed its requests
  if (!host_) host_ = start();
  return host_;
}

// The reader of one host: the Host outlives it (~Host joins it).
void HostClient::read_answers(Host* self) {
  for (;;) {
    const auto frame = read_frame(self->fd.get(), max_frame_bytes_);
    if (!frame) break;
    jobs::WireReader r(*frame);
    const auto id = r.get<uint64_t>();
    std::lock_guard lock(mutex_);
    if (const auto it = pending_.find(id); it != pending_.end()) it->second->answer = r.get_string();
    answered_.notify_all();
  }
  std::lock_guard lock(mutex_);
  self->ended = true;
  for (auto& [id, p] : pending_)
    if (p->host == self && !p->answer) p->failed = true;
  answered_.notify_all();
}

Reply HostClient::run(const Submission& s) {
  const std::shared_ptr<Host> h = host();
  Pending p;
  p.host = h.get();
  uint64_t id;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
    pending_[id] = &p;
  }
  jobs::WireWriter w;
  w.put(id).put(encode(s));
  {
    std::lock_guard lock(h->write_mutex);
    // A host that is gone fails this request through its reader.
    write_frame(h->fd.get(), w.take());
  }
  std::unique_lock lock(mutex_);
  answered_.wait(lock, [&] { return p.answer.has_value() || p.failed || h->ended.load(); });
  pending_.erase(id);
  if (!p.answer) throw EngineError("serve.host-no-answer");
  return decode_reply(*p.answer);
}

}  // namespace banshi::serve
