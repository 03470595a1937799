// banshi batch: many reports, each rendered in a child process forked from
// one warm parent (fonts and templates loaded once, shared copy-on-write),
// -j N at a time, each child under a time and a memory limit. A crash, a
// hang or a runaway input ends only its own job. The parent alone writes
// files: each PDF atomically, and the JSON-lines report a line as each job
// ends, so a batch stopped by a signal (or killed outright) keeps the
// report of everything that finished.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/full/batch_plan.h"
#include "cli/options.h"
#include "cli/render_options.h"
#include "jobs/pool.h"
#include "jobs/render_job.h"
#include "jobs/signals.h"
#include "render/engine.h"
#include "render/threads.h"
#include "util/json.h"
#include "util/output.h"

namespace banshi::cli {

namespace {

namespace fs = std::filesystem;
using jobs::RenderAnswer;

struct Outcome {
  RenderAnswer::Status status = RenderAnswer::Status::Failed;
  size_t pages = 0;
  double ms = 0;
  Diagnostics diags;
  std::string error;
};

const char* status_name(RenderAnswer::Status s) {
  switch (s) {
    case RenderAnswer::Status::Ok: return "ok";
    case RenderAnswer::Status::BadInput: return "invalid";
    case RenderAnswer::Status::Failed: break;
  }
  return "failed";
}

std::string report_line(const BatchJob& j, const Outcome& o, Lang lang) {
  JsonWriter w;
  w.begin_object();
  w.key("file").value(j.input.string());
  w.key("status").value(status_name(o.status));
  w.key("pages").value(o.pages);
  w.key("ms").value(o.ms);
  w.key("warnings").begin_array();
  for (const auto& d : o.diags.items())
    if (d.severity != Severity::Error) w.value(d.format(lang));
  w.end_array();
  if (o.status == RenderAnswer::Status::Ok) w.key("output").value(j.output.string());
  else w.key("output").null();
  if (!j.renamed.empty()) w.key("renamed").value(j.renamed);
  if (!o.error.empty()) w.key("error").value(o.error);
  w.end_object();
  return w.str() + "\n";
}

// A job's answer turned into its outcome; an Ok answer's PDF is written
// here, in the parent.
Outcome finish(const BatchJob& j, const jobs::Ending& ending, const jobs::Limits& limits, Lang lang) {
  RenderAnswer a = jobs::render_answer(ending, limits, j.input.string());
  if (a.status == RenderAnswer::Status::Ok) {
    try {
      j.target->write(a.result.pdf);
    } catch (const OutputError& e) {
      a.status = RenderAnswer::Status::Failed;
      a.diags.add(e.diagnostic());
    } catch (const EngineError& e) {
      a.status = RenderAnswer::Status::Failed;
      a.diags.add(
          Diagnostic(e.diagnostic()).at(e.diagnostic().loc.empty() ? SourceLoc{j.input.string()} : e.diagnostic().loc));
    }
  }
  Outcome o;
  o.status = a.status;
  o.pages = a.status == RenderAnswer::Status::Ok ? a.result.pages : 0;
  o.ms = ending.ms;
  if (const Diagnostic* error = a.error()) o.error = error->format(lang);
  o.diags = std::move(a.diags);
  return o;
}

// "12.35": a figure for a message.
std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

class Progress {
 public:
  Progress(size_t total, bool tty, bool quiet, Lang lang) : total_(total), tty_(tty), quiet_(quiet), lang_(lang) {}
  void ended(const BatchJob& j, const Outcome& o) {
    ++done_;
    if (o.status != RenderAnswer::Status::Ok) ++failed_;
    if (tty_) {
      if (o.status != RenderAnswer::Status::Ok) std::cerr << "\r\033[K" << o.error << "\n";
      // One line redrawn in place: a bar and the counts.
      constexpr size_t kWidth = 30;
      const size_t filled = kWidth * done_ / total_;
      std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
                << render_message("batch.progress", {{"done", done_}, {"total", total_}, {"failed", failed_}}, lang_)
                << std::flush;
    } else if (!quiet_) {
      if (o.status == RenderAnswer::Status::Ok)
        std::cerr << render_message("batch.ok",
                                    {{"input", j.input.string()},
                                     {"output", j.output.string()},
                                     {"pages", o.pages},
                                     {"ms", static_cast<long>(o.ms)}},
                                    lang_)
                  << "\n";
      else std::cerr << status_name(o.status) << " " << o.error << "\n";
    }
  }
  void clear() const {
    if (tty_) std::cerr << "\r\033[K";
  }
  size_t done() const { return done_; }
  size_t failed() const { return failed_; }

 private:
  size_t total_, done_ = 0, failed_ = 0;
  bool tty_, quiet_;
  Lang lang_;
};

}  // namespace

int cmd_batch(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, options_for("batch"));
  const auto out_arg = args.value("--output-dir");
  if (!out_arg) throw UsageError("usage.batch-output");
  if (out_arg->empty()) throw UsageError(Message{"output.empty-name", {{"option", "-o"}}});
  const fs::path out_dir = *out_arg;
  // One job more than cores: while one job's process starts or ends and
  // the parent writes a PDF, the others keep the cores busy (100 samples on
  // two cores: -j 3 took 0.80 of the time of -j 2, -j 4 0.97 of -j 3).
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const auto jobs_n = static_cast<size_t>(
      parse_number(args.value("--jobs"), std::min(64u, cores + 1), 1, 64, true, UsageError("usage.jobs")));
  const jobs::Limits limits = job_limits(args, {});
  RenderOptions options = render_options(args);
  // The jobs are the batch's parallelism: a job's render gets extra threads
  // only for cores the jobs leave idle (none for the default -j).
  if (!args.has("--threads")) options.threads = render_threads(static_cast<unsigned>(jobs_n));
  const std::string report_name = args.value("--report").value_or((out_dir / "report.jsonl").string());
  if (report_name.empty()) throw UsageError(Message{"output.empty-name", {{"option", "--report"}}});

  // Stop signals wait on a descriptor from here on: one that comes while
  // the fonts load still ends the batch cleanly.
  jobs::SignalWatch signals({SIGTERM, SIGINT, SIGHUP});

  const auto& names = args.positional();
  const bool from_stdin =
      (names.empty() && !::isatty(STDIN_FILENO)) || std::find(names.begin(), names.end(), "-") != names.end();
  BatchPlan plan = plan_batch(names, from_stdin, out_dir, report_name == "-" ? fs::path() : fs::path(report_name));
  if (plan.jobs.empty()) throw UsageError("usage.batch-no-files");
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (!fs::is_directory(out_dir))
    throw EngineError(ec ? MessageCode("batch.output-dir") : MessageCode("batch.output-dir-is-file"),
                      {{"dir", out_dir.string()}, {"reason", ec.message()}});
  // The report is written as jobs end, never over an input.
  OutputTarget::Stream report = OutputTarget::resolve(report_name, plan.inputs, "--report").open_stream();

  Diagnostics engine_diags;
  const Engine engine(find_data_dir(ctx.argv0.c_str()), engine_diags, ctx.word);
  // Everything a job would otherwise load for itself is loaded here, once,
  // before the first fork: children share it instead of each loading it.
  engine.preload();
  // And what a first render loads lazily, when there are more jobs than
  // slots to share it (7 % less CPU over 100 samples, A/B).
  if (plan.jobs.size() > jobs_n) engine.warm_up();

  const bool quiet = args.has("--quiet");
  Progress progress(plan.jobs.size(), ::isatty(STDERR_FILENO) && !quiet, quiet, ctx.lang);
  size_t pages = 0;
  bool bad_input = false, internal = false;
  auto record = [&](const BatchJob& j, const Outcome& o) {
    report.write(report_line(j, o, ctx.lang));
    progress.ended(j, o);
    pages += o.pages;
    bad_input |= o.status == RenderAnswer::Status::BadInput;
    internal |= o.status == RenderAnswer::Status::Failed;
  };

  const auto t0 = std::chrono::steady_clock::now();
  jobs::Pool pool(jobs_n, limits);
  size_t next = 0, abandoned = 0;
  int stop_signal = 0;
  auto fill = [&] {
    while (!pool.full() && next < plan.jobs.size()) {
      const BatchJob& j = plan.jobs[next];
      if (j.refused) {
        Outcome o;
        o.status = RenderAnswer::Status::BadInput;
        o.diags.add(*j.refused);
        o.error = j.refused->format(ctx.lang);
        record(j, o);
      } else {
        pool.start(next, jobs::render_work(engine, {j.input, std::nullopt, {}, options}));
      }
      ++next;
    }
  };
  while (!stop_signal && (next < plan.jobs.size() || pool.running() > 0)) {
    fill();
    const auto ended = pool.wait(signals.fd());
    stop_signal = signals.take();
    // The next jobs start before these PDFs are written (and synced): the
    // cores stay busy while the parent writes.
    if (!stop_signal) fill();
    for (const auto& e : ended) record(plan.jobs[e.id], finish(plan.jobs[e.id], e.ending, limits, ctx.lang));
  }
  if (stop_signal) abandoned = pool.abandon().size();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  progress.clear();
  report.close();

  const size_t done = progress.done(), failed = progress.failed();
  std::string summary = render_message("batch.summary",
                                       {{"files", done},
                                        {"ok", done - failed},
                                        {"failed", failed},
                                        {"pages", pages},
                                        {"seconds", fixed(secs, 2)},
                                        {"rate", fixed(secs > 0 ? static_cast<double>(pages) / secs : 0, 1)}},
                                       ctx.lang);
  if (report_name != "-")
    summary = render_message("batch.summary-report", {{"summary", summary}, {"report", report_name}}, ctx.lang);
  std::cerr << summary << "\n";
  if (stop_signal) {
    std::cerr << render_message("batch.stopped",
                                {{"signal", jobs::signal_name(stop_signal)},
                                 {"abandoned", abandoned},
                                 {"not-started", plan.jobs.size() - done - abandoned},
                                 {"total", plan.jobs.size()}},
                                ctx.lang)
              << "\n";
    return 128 + stop_signal;
  }
  if (internal) return kExitFailure;
  return bad_input ? kExitBadInput : kExitOk;
}

}  // namespace banshi::cli
