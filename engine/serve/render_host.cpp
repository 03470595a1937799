#include "serve/render_host.h"

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <memory>

#include "render/engine.h"
#include "serve/assets.h"
#include "serve/frames.h"
#include "serve/perform.h"
#include "serve/reply.h"
#include "serve/wire.h"

namespace banshi::serve {

namespace {

// A request is at most the HTTP limit plus its envelope; the HTTP process
// never sends more.
constexpr size_t kMaxFrame = (1u << 30);

// The private directory of the host's jobs, removed when the host ends.
class ScratchRoot {
 public:
  ScratchRoot() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/banshi-serve-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw EngineError("cannot make a private directory under " + pattern);
    path_ = pattern;
  }
  ~ScratchRoot() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

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
  return {executable,        "serve",
          "--render-host",   std::to_string(fd),
          "--workers",       std::to_string(settings.workers),
          "--time-limit-ms", std::to_string(settings.time_limit.count()),
          "--memory",        std::to_string(settings.memory_mb),
          "--lang",          std::string(lang_name(settings.lang))};
}

std::string encode(const HostHello& h) {
  WireWriter w;
  w.put(static_cast<uint8_t>(h.ready)).put(h.text);
  return w.take();
}

HostHello decode_hello(std::string_view bytes) {
  WireReader r(bytes);
  HostHello h;
  h.ready = r.get<uint8_t>() != 0;
  h.text = r.get_string();
  return h;
}

int run_render_host(int fd, const HostSettings& settings) {
  // The server that started this host is its only reason to live.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  std::unique_ptr<Engine> engine;
  std::string notes;
  try {
    Diagnostics diags;
    engine = std::make_unique<Engine>(settings.data_dir, diags);
    warm_up(*engine);
    for (const auto& d : diags.items()) notes += d.format(settings.lang) + "\n";
  } catch (const std::exception& e) {
    write_frame(fd, encode(HostHello{false, e.what()}));
    return 1;
  }
  const ScratchRoot root;
  write_frame(fd, encode(HostHello{true, notes}));

  uint64_t count = 0;
  while (const auto frame = read_frame(fd, kMaxFrame)) {
    WireReader r(*frame);
    const auto id = r.get<uint64_t>();
    const Submission s = decode_submission(r.get_string());
    const auto scratch = root.path() / std::to_string(++count);
    std::filesystem::create_directory(scratch);
    Reply reply;
    try {
      reply = perform(*engine, s, scratch);
    } catch (const std::exception& e) {
      reply = error_reply(500, Diagnostic(Severity::Error, "internal.error", {{"detail", e.what()}}), s.lang);
    }
    std::error_code ec;
    std::filesystem::remove_all(scratch, ec);
    WireWriter w;
    w.put(id).put(encode(reply));
    if (!write_frame(fd, w.take())) break;
  }
  return 0;
}

}  // namespace banshi::serve
