// banshi batch: many reports rendered by a pool of jobs that share one
// Engine (fonts loaded once, read-only), a progress line on a terminal,
// a summary, and a JSON-lines report a script can read.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/render_options.h"
#include "render/engine.h"
#include "util/file.h"
#include "util/json.h"

namespace banshi::cli {

namespace {

namespace fs = std::filesystem;

struct Job {
  fs::path input;
  fs::path output;
  enum class Status { Pending, Ok, BadInput, Failed } status = Status::Pending;
  size_t pages = 0;
  double ms = 0;
  Diagnostics diags;
  std::string error;
};

const char* status_name(Job::Status s) {
  switch (s) {
    case Job::Status::Ok: return "ok";
    case Job::Status::BadInput: return "invalid";
    case Job::Status::Failed: return "failed";
    case Job::Status::Pending: break;
  }
  return "pending";
}

// The reports named on the command line: files, every *.xml of a
// directory (sorted), or — for "-" or no names with a pipe on stdin — one
// path per line of standard input.
std::vector<fs::path> inputs(const std::vector<std::string>& names) {
  std::vector<fs::path> out;
  auto add_dir = [&](const fs::path& dir) {
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".xml") found.push_back(e.path());
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  };
  auto add = [&](const std::string& name) {
    if (name.empty()) return;
    std::error_code ec;
    if (fs::is_directory(name, ec)) add_dir(name);
    else out.emplace_back(name);
  };
  const bool from_stdin =
      (names.empty() && !::isatty(STDIN_FILENO)) || std::find(names.begin(), names.end(), "-") != names.end();
  for (const auto& n : names)
    if (n != "-") add(n);
  if (from_stdin) {
    std::string line;
    while (std::getline(std::cin, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      add(line);
    }
  }
  return out;
}

std::string report_line(const Job& j, Lang lang) {
  JsonWriter w;
  w.begin_object();
  w.key("file").value(j.input.string());
  w.key("status").value(status_name(j.status));
  w.key("pages").value(j.pages);
  w.key("ms").value(j.ms);
  w.key("warnings").begin_array();
  for (const auto& d : j.diags.items())
    if (d.severity != Severity::Error) w.value(d.format(lang));
  w.end_array();
  if (j.status == Job::Status::Ok) w.key("output").value(j.output.string());
  else w.key("output").null();
  if (!j.error.empty()) w.key("error").value(j.error);
  w.end_object();
  return w.str();
}

}  // namespace

int cmd_batch(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, {{"--output-dir", "-o", true},
                         {"--jobs", "-j", true},
                         {"--report", "", true},
                         {"--impose", "", true},
                         {"--pdfa", "", false},
                         {"--no-pdfa", "", false},
                         {"--quiet", "-q", false}});
  const auto out_dir = args.value("--output-dir");
  if (!out_dir) throw UsageError("batch needs -o OUTPUT_DIR");
  int jobs_n = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (auto j = args.value("--jobs")) {
    char* end = nullptr;
    const long v = std::strtol(j->c_str(), &end, 10);
    if (*end != '\0' || v < 1 || v > 64) throw UsageError("-j must be a number from 1 to 64");
    jobs_n = static_cast<int>(v);
  }
  const RenderOptions options = render_options(args);

  std::vector<Job> jobs;
  for (const auto& p : inputs(args.positional())) {
    Job j;
    j.input = p;
    j.output = fs::path(*out_dir) / p.filename().replace_extension(".pdf");
    jobs.push_back(std::move(j));
  }
  if (jobs.empty()) throw UsageError("batch: no report files given (names, a directory, or a list on standard input)");
  fs::create_directories(*out_dir);

  Diagnostics engine_diags;
  const Engine engine(find_data_dir(ctx.argv0.c_str()), engine_diags);
  const bool tty = ::isatty(STDERR_FILENO) && !args.has("--quiet");
  const bool quiet = args.has("--quiet");
  std::mutex print;
  std::atomic<size_t> next{0}, done{0}, failed{0};
  const auto t0 = std::chrono::steady_clock::now();

  auto progress = [&]() {
    // One line redrawn in place: a bar, counts, the rate.
    const size_t d = done, n = jobs.size();
    const int width = 30;
    const int filled = static_cast<int>(width * d / n);
    std::cerr << "\r[" << std::string(static_cast<size_t>(filled), '#')
              << std::string(static_cast<size_t>(width - filled), ' ') << "] " << d << "/" << n << "  failed " << failed
              << std::flush;
  };

  auto worker = [&]() {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      Job& j = jobs[i];
      const auto start = std::chrono::steady_clock::now();
      try {
        RenderResult r = engine.render(j.input, options, j.diags);
        write_file_atomic(j.output, r.pdf);
        j.pages = r.pages;
        j.status = Job::Status::Ok;
      } catch (const InputError& e) {
        j.diags.add(e.diagnostic());
        j.error = e.diagnostic().format(ctx.lang);
        j.status = Job::Status::BadInput;
      } catch (const std::exception& e) {
        j.error = e.what();
        j.status = Job::Status::Failed;
      }
      j.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      if (j.status != Job::Status::Ok) ++failed;
      ++done;
      std::lock_guard lock(print);
      if (tty) {
        if (j.status != Job::Status::Ok) std::cerr << "\r\033[K" << j.error << "\n";
        progress();
      } else if (!quiet) {
        if (j.status == Job::Status::Ok)
          std::cerr << "ok " << j.input.string() << " -> " << j.output.string() << " (" << j.pages << " pages, "
                    << static_cast<long>(j.ms) << " ms)\n";
        else std::cerr << status_name(j.status) << " " << j.error << "\n";
      }
    }
  };
  {
    std::vector<std::jthread> pool;
    for (int k = 0; k < std::min<int>(jobs_n, static_cast<int>(jobs.size())); ++k) pool.emplace_back(worker);
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (tty) std::cerr << "\r\033[K";

  // The report, in input order.
  std::string report;
  size_t pages = 0;
  bool bad_input = false, internal = false;
  for (const Job& j : jobs) {
    report += report_line(j, ctx.lang) + "\n";
    pages += j.pages;
    bad_input |= j.status == Job::Status::BadInput;
    internal |= j.status == Job::Status::Failed;
  }
  const fs::path report_path = args.value("--report").value_or((fs::path(*out_dir) / "report.jsonl").string());
  if (report_path == "-") std::cout << report;
  else write_file_atomic(report_path, report);

  std::cerr << jobs.size() << " files: " << jobs.size() - failed << " ok, " << failed << " failed; " << pages
            << " pages in " << secs << " s (" << (secs > 0 ? static_cast<double>(pages) / secs : 0) << " pages/s)";
  if (report_path != "-") std::cerr << "; report: " << report_path.string();
  std::cerr << "\n";
  if (internal) return kExitFailure;
  return bad_input ? kExitBadInput : kExitOk;
}

}  // namespace banshi::cli
