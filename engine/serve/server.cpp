#include "serve/server.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include "serve/admission.h"
#include "serve/field_table.h"
#include "serve/host_client.h"
#include "serve/http_server.h"
#include "serve/reply.h"
#include "serve/request.h"
#include "serve/request_error.h"
#include "serve/scratch.h"
#include "serve/static_files.h"
#include "util/json.h"

namespace banshi::serve {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kJson = "application/json; charset=utf-8";

struct Route {
  const char* path;
  Action action;
};
constexpr Route kRoutes[] = {
    {"/api/render", Action::Render}, {"/api/check", Action::Check},   {"/api/preview", Action::Preview},
    {"/api/xml", Action::Xml},       {"/api/import", Action::Import},
};

bool is_api_post(const httplib::Request& req) {
  if (req.method != "POST") return false;
  for (const auto& r : kRoutes)
    if (req.path == r.path) return true;
  return false;
}

bool takes_body(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

uint64_t content_length(const httplib::Request& req) {
  if (!req.has_header("Content-Length")) return 0;
  try {
    return std::stoull(req.get_header_value("Content-Length"));
  } catch (...) {
    return UINT64_MAX;
  }
}

void send(httplib::Response& res, const Reply& r) {
  res.status = r.status;
  res.set_content(r.body, r.content_type);
  if (!r.filename.empty()) {
    // An ASCII name for every client, the real one (RFC 6266) for those that read it.
    std::string ascii, encoded;
    for (unsigned char c : r.filename) {
      const bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
      ascii += plain ? static_cast<char>(c) : '_';
      if (plain) {
        encoded += static_cast<char>(c);
      } else {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", c);
        encoded += hex;
      }
    }
    res.set_header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
  }
}

void send_error(httplib::Response& res, int status, MessageCode code, Args args, Lang lang) {
  send(res, error_reply(status, Diagnostic(Severity::Error, code, std::move(args)), lang));
}

std::string server_timing(const std::vector<std::pair<std::string, double>>& timings) {
  std::ostringstream out;
  out.precision(1);
  out << std::fixed;
  for (const auto& [name, ms] : timings) out << (out.tellp() > 0 ? ", " : "") << name << ";dur=" << ms;
  return out.str();
}

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.starts_with("127.");
}

// SIGTERM, SIGINT and SIGHUP, blocked in every thread (set before any is
// made) and taken by one that waits for them.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  return set;
}

class Service {
 public:
  explicit Service(const Options& o)
      : options_(o),
        host_(o.executable, {o.data_dir, o.workers, o.time_limit, o.memory_mb, o.lang, scratch_.path()},
              o.max_request_bytes + (1u << 20)),
        admission_(o.workers, o.queue, o.queue_wait),
        statics_(kPdfjsDir),
        fields_(fields_json(o.data_dir)),
        http_(StreamLimits{o.max_header_bytes, o.max_request_bytes + (64u << 10), o.header_time,
                           std::chrono::duration_cast<std::chrono::milliseconds>(o.request_time),
                           std::chrono::milliseconds(10'000)},
              [this](const httplib::Request& req) { return refuse_body(req); }) {
    routes();
  }

  const HostClient& host() const { return host_; }
  const StaticFiles& statics() const { return statics_; }
  HttpServer& http() { return http_; }

 private:
  bool too_large(const httplib::Request& req) const { return content_length(req) > options_.max_request_bytes; }

  // Requests whose body is never read: a body where none belongs, or one
  // larger than the limit (refused from its Content-Length alone).
  bool refuse_body(const httplib::Request& req) const {
    return takes_body(req.method) && (!is_api_post(req) || too_large(req));
  }

  void routes() {
    http_.new_task_queue = [n = options_.http_threads] { return new httplib::ThreadPool(n); };
    http_.set_payload_max_length(options_.max_request_bytes);
    http_.set_keep_alive_max_count(100);
    http_.set_keep_alive_timeout(5);
    http_.set_default_headers({
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"Content-Security-Policy",
         "default-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; object-src 'none'; "
         "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"},
    });
    http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!refuse_body(req)) return httplib::Server::HandlerResponse::Unhandled;
      const Lang lang = Lang::Zh;
      if (too_large(req))
        send_error(res, 413, "serve.too-large", {{"limit", std::to_string(options_.max_request_bytes >> 20)}}, lang);
      else send_error(res, 405, "serve.no-such-api", {{"method", req.method}, {"path", req.path}}, lang);
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    });
    http_.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!too_large(req)) return 100;
      send_error(res, 413, "serve.too-large", {{"limit", std::to_string(options_.max_request_bytes >> 20)}}, Lang::Zh);
      return 413;
    });
    http_.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr e) {
      std::string what = "unknown";
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& x) {
        what = x.what();
      } catch (...) {
      }
      send_error(res, 500, "internal.error", {{"detail", what}}, Lang::Zh);
    });
    http_.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      Lang lang = Lang::Zh;
      try {
        lang = request_lang(req);
      } catch (const RequestError&) {
      }
      if (res.status == 404) send_error(res, 404, "serve.not-found", {{"path", req.path}}, lang);
      else if (res.status == 413)
        send_error(res, 413, "serve.too-large", {{"limit", std::to_string(options_.max_request_bytes >> 20)}}, lang);
      else send_error(res, res.status, "serve.bad-request", {{"status", res.status}}, lang);
    });

    http_.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      JsonWriter w;
      w.begin_object();
      w.key("status").value("ok");
      w.key("version").value(BANSHI_VERSION);
      w.key("workers").value(admission_.slots());
      w.key("running").value(admission_.running());
      w.key("waiting").value(admission_.waiting());
      w.key("preview").value(statics_.has_pdfjs());
      w.end_object();
      res.set_content(w.str(), kJson);
      res.set_header("Cache-Control", "no-store");
    });
    http_.Get("/api/fields",
              [this](const httplib::Request&, httplib::Response& res) { res.set_content(fields_, kJson); });
    // The page and pdf.js: fixed names, no file system behind them.
    http_.Get(R"(/[A-Za-z0-9._/-]*)", [this](const httplib::Request& req, httplib::Response& res) {
      const StaticFile* f = statics_.find(req.path);
      if (!f) {
        res.status = 404;
        return;
      }
      if (!f->gzipped.empty() && req.has_header(kAcceptsGzip)) {
        res.set_content(f->gzipped, f->content_type);
        res.set_header("Content-Encoding", "gzip");
      } else {
        res.set_content(f->bytes, f->content_type);
      }
      res.set_header("Vary", "Accept-Encoding");
      res.set_header("Cache-Control", f->immutable ? "max-age=86400" : "no-cache");
    });
    for (const auto& route : kRoutes) {
      const Action action = route.action;
      http_.Post(route.path,
                 [this, action](const httplib::Request& req, httplib::Response& res,
                                const httplib::ContentReader& reader) { handle(action, req, res, reader); });
    }
  }

  void handle(Action action, const httplib::Request& req, httplib::Response& res,
              const httplib::ContentReader& reader) {
    const auto t0 = Clock::now();
    Submission s;
    try {
      s = read_submission(action, req, reader, {options_.max_request_bytes});
    } catch (const RequestError& e) {
      Lang lang = Lang::Zh;
      try {
        lang = request_lang(req);
      } catch (const RequestError&) {
      }
      send(res, error_reply(e.status(), e.diagnostic(), lang));
      return;
    }
    const auto t1 = Clock::now();
    auto slot = admission_.enter();
    if (!slot) {
      send_error(res, 503, "serve.busy", {}, s.lang);
      res.set_header("Retry-After", "2");
      return;
    }
    const auto t2 = Clock::now();
    Reply reply;
    try {
      reply = host_.run(s);
    } catch (const EngineError& e) {
      reply = error_reply(500, Diagnostic(Severity::Error, "serve.host-ended", {}), s.lang);
    }
    auto ms = [](Clock::time_point a, Clock::time_point b) {
      return std::chrono::duration<double, std::milli>(b - a).count();
    };
    reply.timings.emplace_back("upload", ms(t0, t1));
    reply.timings.emplace_back("queue", ms(t1, t2));
    reply.timings.emplace_back("total", ms(t0, Clock::now()));
    send(res, reply);
    res.set_header("Server-Timing", server_timing(reply.timings));
    res.set_header("Cache-Control", "no-store");
  }

  const Options& options_;
  ScratchRoot scratch_;  // before the host, which uses it, and removed after it
  HostClient host_;
  Admission admission_;
  StaticFiles statics_;
  std::string fields_;
  HttpServer http_;
};

}  // namespace

int run_server(const Options& options) {
  const Lang lang = options.lang;
  // Blocked before the first thread exists, so every thread inherits it
  // and the signals wait for the one thread that takes them.
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Service service(options);
  if (const std::string notes = service.host().notes(); !notes.empty()) std::cerr << notes;
  if (!service.statics().has_pdfjs()) std::cerr << render_message("serve.no-pdfjs", {{"dir", kPdfjsDir}}, lang) << "\n";

  int port = options.port;
  if (port == 0) port = service.http().bind_to_any_port(options.host);
  else if (!service.http().bind_to_port(options.host, port)) port = -1;
  if (port <= 0)
    throw EngineError("serve.cannot-listen", {{"address", options.host + ":" + std::to_string(options.port)}});

  const bool v6 = options.host.find(':') != std::string::npos;
  const std::string url = "http://" + (v6 ? "[" + options.host + "]" : options.host) + ":" + std::to_string(port) + "/";
  if (!is_loopback(options.host))
    std::cerr << render_message("serve.not-loopback", {{"host", options.host}}, lang) << "\n";
  std::cout << render_message("serve.listening", {{"url", url}}, lang) << std::endl;

  std::atomic<int> caught{0};
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    caught = sig;
    // stop() acts only on a server that has begun listening (and must be
    // called once).
    while (!done && !service.http().is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!done) service.http().stop();
  });
  service.http().listen_after_bind();  // returns once stopped and every request is answered
  done = true;
  if (caught == 0) {
    // The server stopped by itself: wake the waiter.
    pthread_kill(waiter.native_handle(), SIGTERM);
  }
  waiter.join();
  std::cerr << render_message("serve.stopped", {}, lang) << "\n";
  return 0;
}

}  // namespace banshi::serve
