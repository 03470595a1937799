// banshi serve: the applicant's web page and the HTTP API (engine/serve).
#include <unistd.h>

#include <charconv>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/full/config_file.h"
#include "cli/options.h"
#include "cli/render_options.h"
#include "render/engine.h"
#include "serve/render_host.h"
#include "serve/server.h"

namespace banshi::cli {

namespace {

size_t number(const Args& args, const std::string& name, size_t fallback, size_t min, size_t max) {
  const auto v = args.value(name);
  if (!v) return fallback;
  size_t n = 0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size() || n < min || n > max)
    throw UsageError("usage.number", {{"option", name}, {"min", min}, {"max", max}, {"value", *v}});
  return n;
}

// HOST:PORT, [V6]:PORT, or a port alone (on the loopback address).
void read_listen(const std::string& v, serve::Options& o) {
  const size_t colon = v.rfind(':');
  std::string host = colon == std::string::npos ? o.host : v.substr(0, colon);
  const std::string port = colon == std::string::npos ? v : v.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  int p = -1;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
  if (host.empty() || ec != std::errc() || end != port.data() + port.size() || p < 0 || p > 65535)
    throw UsageError("usage.listen", {{"value", v}});
  o.host = host;
  o.port = p;
}

std::string executable_path(const Context& ctx) {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? ctx.argv0 : exe.string();
}

}  // namespace

int cmd_serve(const Context& ctx, const std::vector<std::string>& argv) {
  // --config FILE: the file's settings first, so the command line wins.
  const std::vector<OptionSpec> specs = options_for("serve");
  std::vector<std::string> words = argv;
  if (const auto config = Args(argv, specs).value("--config")) {
    std::vector<OptionSpec> settable;
    for (const OptionSpec& s : specs)
      if (s.takes_value && s.name != "--config" && s.name != "--render-host" && s.name != "--scratch")
        settable.push_back(s);
    Diagnostics problems;
    std::vector<std::string> from_file = read_config_file(*config, settable, problems);
    if (!problems.items().empty()) {
      print_diagnostics(problems, ctx.lang);
      return kExitBadInput;
    }
    words.insert(words.begin(), from_file.begin(), from_file.end());
  }
  const Args args(words, specs);
  if (!args.positional().empty()) throw UsageError("usage.no-arguments", {{"command", "serve"}});
  serve::Options o;
  if (const auto v = args.value("--listen")) read_listen(*v, o);
  const long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
  o.workers = number(args, "--workers", static_cast<size_t>(cpus > 0 ? cpus : 2), 1, 256);
  o.queue = number(args, "--queue", o.queue, 0, 10'000);
  const jobs::Limits limits = job_limits(args, {std::chrono::seconds(60), 1024});
  o.time_limit = limits.time;
  o.memory_mb = limits.memory_mb;
  o.max_request_bytes = number(args, "--max-request", o.max_request_bytes >> 20, 1, 4096) << 20;
  o.data_dir = find_data_dir(ctx.argv0.c_str());
  o.executable = executable_path(ctx);
  o.lang = ctx.lang;

  if (const auto fd = args.value("--render-host")) {
    // The render host the server starts (serve/render_host.h), not for people.
    serve::HostSettings h{o.data_dir,  o.workers, o.time_limit,
                          o.memory_mb, ctx.lang,  args.value("--scratch").value_or("")};
    if (h.scratch.empty() || !h.scratch.is_absolute()) throw UsageError("usage.render-host-scratch");
    return serve::run_render_host(static_cast<int>(number(args, "--render-host", 3, 3, 1024)), h);
  }
  return serve::run_server(o);
}

}  // namespace banshi::cli
