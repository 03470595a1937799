#include "serve/render_host.h"

#include <poll.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <deque>
#include <map>
#include <memory>

#include "jobs/pool.h"
#include "jobs/wire.h"
#include "render/engine.h"
#include "render/threads.h"
#include "serve/assets.h"
#include "serve/frames.h"
#include "serve/perform.h"
#include "serve/reply.h"
#include "serve/scratch.h"
#include "word/word_reader.h"

namespace banshi::serve {

namespace {

// A request is at most the HTTP limit plus its envelope; the HTTP process
// never sends more.
constexpr size_t kMaxFrame = (1u << 30);

// Loads every installed template and renders the warm-up report with
// each, so the first request finds fonts and templates ready.
void warm_up(const Engine& engine) {
  const auto report = asset_bytes("warmup.xml");
  if (!report) return;
  for (const auto& t : list_templates(engine.data_dir() / "templates")) {
    engine.template_named(t.name);
    RenderOptions o;
    o.template_override = t.name;
    Diagnostics ignored;
    try {
      engine.render_bytes(*report, "warmup.xml", engine.data_dir(), o, ignored);
    } catch (const InputError&) {
      // A template the warm-up report does not suit: it is loaded all the same.
    }
  }
}

}  // namespace

std::vector<std::string> host_command(const std::string& executable, int fd, const HostSettings& settings) {
  return {executable,      "serve",
          "--render-host", std::to_string(fd),
          "--workers",     std::to_string(settings.workers),
          "--job-timeout", std::to_string(std::chrono::duration<double>(settings.time_limit).count()),
          "--job-memory",  std::to_string(settings.memory_mb),
          "--lang",        std::string(lang_name(settings.lang)),
          "--scratch",     settings.scratch.string()};
}

std::string encode(const HostHello& h) {
  jobs::WireWriter w;
  w.put(static_cast<uint8_t>(h.ready)).put(h.text);
  return w.take();
}

HostHello decode_hello(std::string_view bytes) {
  jobs::WireReader r(bytes);
  HostHello h;
  h.ready = r.get<uint8_t>() != 0;
  h.text = r.get_string();
  return h;
}

namespace {

// One request in the host: received, waiting for a worker, or running.
struct Job {
  uint64_t request = 0;
  Submission submission;
  std::filesystem::path scratch;
};

// The answer of a job whose child gave none: it crashed, ran out of memory
// or time. The request gets a 500 with how it ended; the host goes on.
Reply ended_without_answer(const jobs::Ending& ending, const jobs::Limits& limits, Lang lang) {
  const Message m = ending.message(limits);
  return error_reply(500, Diagnostic(Severity::Error, m.code, m.args), lang);
}

bool readable_now(int fd) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
}

void wait_readable(int fd) {
  pollfd p{fd, POLLIN, 0};
  while (::poll(&p, 1, -1) < 0 && errno == EINTR) {
  }
}

}  // namespace

int run_render_host(int fd, const HostSettings& settings) {
  // The server that started this host is its only reason to live: it ends
  // when the server closes its socket (after answering every request, on a
  // stop signal) or dies, not on a signal of its own — a SIGTERM sent to
  // every process of the service must not fail the requests being drained.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  for (const int sig : {SIGTERM, SIGINT, SIGHUP}) std::signal(sig, SIG_IGN);
  std::unique_ptr<Engine> engine;
  std::string notes;
  try {
    Diagnostics diags;
    engine = std::make_unique<Engine>(settings.data_dir, diags, word::docx_reader());
    engine->preload();
    warm_up(*engine);
    for (const auto& d : diags.items()) notes += d.format(settings.lang) + "\n";
  } catch (const std::exception& e) {
    write_frame(fd, encode(HostHello{false, e.what()}));
    return 1;
  }
  // The server's private directory: what a host before this one left is
  // no one's now.
  clear_scratch(settings.scratch);
  write_frame(fd, encode(HostHello{true, notes}));

  // Each job is a child forked from this warm process, under the time and
  // memory limits; this one thread drives them (fork is safe here: the
  // host has no other thread).
  const jobs::Limits limits{settings.time_limit, settings.memory_mb};
  jobs::Pool pool(settings.workers, limits);
  FrameReader reader(kMaxFrame);
  std::deque<Job> waiting;
  std::map<size_t, Job> running;
  size_t next_id = 0;
  bool open = true;

  auto answer = [&](uint64_t request, const Reply& reply) {
    jobs::WireWriter w;
    w.put(request).put(encode(reply));
    if (!write_frame(fd, w.take())) open = false;  // the server is gone
  };
  auto finish = [&](const jobs::Pool::Ended& e) {
    const auto it = running.find(e.id);
    if (it == running.end()) return;
    Job& job = it->second;
    std::error_code ec;
    std::filesystem::remove_all(job.scratch, ec);
    Reply reply;
    if (e.ending.how == jobs::Ending::How::Answered) {
      try {
        reply = decode_reply(e.ending.answer);
      } catch (const EngineError& x) {
        reply = error_reply(500, Diagnostic(Severity::Error, "internal.error", {{"detail", x.what()}}),
                            job.submission.lang);
      }
    } else {
      reply = ended_without_answer(e.ending, limits, job.submission.lang);
    }
    reply.timings.emplace_back("job", e.ending.ms);
    answer(job.request, reply);
    running.erase(it);
  };

  uint64_t count = 0;
  while (open || !running.empty()) {
    while (open && !pool.full() && !waiting.empty()) {
      const size_t id = next_id++;
      Job& job = running.emplace(id, std::move(waiting.front())).first->second;
      waiting.pop_front();
      job.scratch = settings.scratch / std::to_string(++count);
      std::error_code ec;
      std::filesystem::create_directory(job.scratch, ec);
      const Engine& warm = *engine;
      const Job* in_child = &job;
      // A render alone on the machine takes the idle cores' help (the
      // full sample in about 0.85 of the time on two); beside another, none.
      const unsigned threads = render_threads(static_cast<unsigned>(pool.running() + 1));
      try {
        pool.start(id, [&warm, in_child, threads] {
          // Whatever a library writes to a temporary file goes where the
          // host removes it after the job.
          ::setenv("TMPDIR", in_child->scratch.c_str(), 1);
          return encode(perform(warm, in_child->submission, in_child->scratch, threads));
        });
      } catch (const EngineError& x) {
        answer(job.request, error_reply(500, Diagnostic(Severity::Error, "internal.error", {{"detail", x.what()}}),
                                        job.submission.lang));
        std::filesystem::remove_all(job.scratch, ec);
        running.erase(id);
      }
    }
    if (!open) {
      // The server closed the socket (it stops only once every request
      // was answered) or went away: nothing is left to answer.
      for (const auto& e : pool.abandon()) finish(e);
      break;
    }
    if (pool.running() == 0) {
      wait_readable(fd);
    } else {
      for (const auto& e : pool.wait(fd)) finish(e);
      if (!readable_now(fd)) continue;
    }
    if (!reader.fill(fd)) {
      open = false;
      continue;
    }
    while (auto frame = reader.next()) {
      jobs::WireReader r(*frame);
      Job job;
      job.request = r.get<uint64_t>();
      job.submission = decode_submission(r.get_string());
      waiting.push_back(std::move(job));
    }
    if (reader.broken()) open = false;
  }
  return 0;
}

}  // namespace banshi::serve
