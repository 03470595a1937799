// banshi audit: checks submissions made by any program (PDF, .docx)
// against the template's rules, rule by rule, for the federation's desk.
// Each file is audited in a child process of its own (engine/jobs), N at
// a time: a file that crashes or hangs the PDF reader ends only its own
// audit, reported as unreadable, and the pile goes on.
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <optional>

#include "audit/answer.h"
#include "audit/audit.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "jobs/pool.h"
#include "jobs/signals.h"
#include "render/engine.h"
#include "util/json.h"

namespace banshi::cli {

namespace {

namespace fs = std::filesystem;

// A file's audit, its answer once the child has ended.
struct Item {
  fs::path file;
  std::optional<audit::Answer> answer;
};

// Files, and the PDFs and .docx files of directories (sorted).
std::vector<fs::path> audit_inputs(const std::vector<std::string>& names) {
  std::vector<fs::path> out;
  for (const auto& name : names) {
    std::error_code ec;
    if (!fs::is_directory(name, ec)) {
      out.emplace_back(name);
      continue;
    }
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(name, ec)) {
      std::string ext = e.path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
      if (e.is_regular_file() && (ext == ".pdf" || ext == ".docx")) found.push_back(e.path());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// How a child that gave no answer ended, as the file's reason.
audit::Text ending_text(const jobs::Ending& ending, const jobs::Limits& limits) {
  const Message m = ending.message(limits);
  audit::Text t{std::string(m.code.str())};
  for (const Arg& a : m.args) {
    std::string v = a.value;
    for (const auto& item : a.items) v += (v.empty() ? "" : ", ") + item;
    t.arg(a.name, v);
  }
  return t;
}

std::string unreadable_json(const Item& item, Lang lang) {
  const audit::Text& why = *item.answer->unreadable;
  JsonWriter w;
  w.begin_object();
  w.key("file").value(item.file.string());
  w.key("rule").value("readable");
  w.key("verdict").value("error");
  // The kind, stable for scripts: empty, not-pdf, encrypted, damaged, broken …
  w.key("reason").value(why.code.substr(why.code.rfind('.') + 1));
  w.key("measured").value(audit::render(why, lang));
  w.end_object();
  return w.str();
}

}  // namespace

int cmd_audit(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, options_for("audit"));
  if (args.positional().empty()) throw UsageError(Message{"audit.usage.files", {}});
  const bool json = args.has("--json");
  const auto summary = args.value("--summary");
  if (summary && *summary != "csv") throw UsageError(Message{"audit.usage.summary", {{"value", *summary}}});
  if (summary && json) throw UsageError(Message{"audit.usage.one-output", {}});
  size_t jobs_n = 1;
  if (auto j = args.value("--jobs")) {
    char* end = nullptr;
    const long v = std::strtol(j->c_str(), &end, 10);
    if (*end != '\0' || v < 1 || v > 64) throw UsageError(Message{"audit.usage.jobs", {{"value", *j}}});
    jobs_n = static_cast<size_t>(v);
  }
  audit::AuditOptions options;
  options.template_name = args.value("--template").value_or("");

  std::vector<Item> items;
  for (const auto& f : audit_inputs(args.positional())) items.push_back({f, std::nullopt});
  if (items.empty()) throw UsageError(Message{"audit.usage.none-found", {}});

  const audit::Auditor auditor(find_data_dir(ctx.argv0.c_str()));
  if (!options.template_name.empty()) {  // a bad name fails before any file is read
    const auto names = auditor.template_names();
    if (std::find(names.begin(), names.end(), options.template_name) == names.end()) {
      std::string installed;
      for (const auto& n : names) installed += (installed.empty() ? "" : ", ") + n;
      throw UsageError(Message{"audit.usage.template", {{"value", options.template_name}, {"installed", installed}}});
    }
  }
  if (args.has("--explain")) {
    // How each page was read: lines and their roles (not part of the report).
    int status = kExitOk;
    for (const Item& it : items) {
      try {
        std::cout << auditor.explain(it.file, options);
      } catch (const audit::UnreadableError& e) {
        std::cerr << audit::render(audit::Text("audit.report.unreadable")
                                       .arg("file", it.file.string())
                                       .arg("reason", audit::render(audit::unreadable_text(e), ctx.lang)),
                                   ctx.lang)
                  << "\n";
        status = kExitBadInput;
      }
    }
    return status;
  }

  const Lang lang = ctx.lang;
  const bool quiet = args.has("--quiet");
  const bool progress = ::isatty(STDERR_FILENO) && !quiet && items.size() > 1;
  size_t printed = 0, done = 0, failing = 0;

  // Prints every finished item that is next in input order.
  auto flush = [&]() {
    while (printed < items.size() && items[printed].answer) {
      const Item& it = items[printed++];
      if (it.answer->unreadable) {
        if (json) std::cout << unreadable_json(it, lang) << "\n";
        else if (summary) std::cout << audit::csv_field(it.file.string()) << ",unreadable,\n";
        std::cerr << audit::render(audit::Text("audit.report.unreadable")
                                       .arg("file", it.file.string())
                                       .arg("reason", audit::render(*it.answer->unreadable, lang)),
                                   lang)
                  << "\n";
        continue;
      }
      const audit::Report& r = *it.answer->report;
      if (json) std::cout << audit::report_json(r, auditor.settings(), lang);
      else if (summary) std::cout << audit::summary_csv_line(r);
      else std::cout << audit::format_report(r, auditor.settings(), lang) << (printed < items.size() ? "\n" : "");
    }
    std::cout.flush();
  };
  auto bar = [&]() {
    const size_t n = items.size();
    const int width = 30, filled = static_cast<int>(width * done / n);
    std::cerr << "\r[" << std::string(static_cast<size_t>(filled), '#')
              << std::string(static_cast<size_t>(width - filled), ' ') << "] " << done << "/" << n << "  "
              << audit::render(audit::Text("audit.report.failing").arg("count", std::to_string(failing)), lang)
              << std::flush;
  };

  if (summary) std::cout << audit::summary_csv_header();
  jobs::SignalWatch signals({SIGTERM, SIGINT, SIGHUP});
  // A file gets as long and as much memory as a render does.
  const jobs::Limits limits;
  jobs::Pool pool(jobs_n, limits);
  size_t next = 0;
  int stop_signal = 0;
  while (!stop_signal && (next < items.size() || pool.running() > 0)) {
    while (!pool.full() && next < items.size()) {
      const std::string file = items[next].file.string();
      pool.start(next++, [&auditor, file, &options] { return audit::audit_answer(auditor, file, options); });
    }
    for (const auto& e : pool.wait(signals.fd())) {
      Item& it = items[e.id];
      if (e.ending.how == jobs::Ending::How::Answered) {
        try {
          it.answer = audit::decode_answer(e.ending.answer);
        } catch (const EngineError&) {
          it.answer =
              audit::Answer{std::nullopt, ending_text(jobs::Ending{jobs::Ending::How::Failed, 0, {}, 0}, limits)};
        }
      } else {
        it.answer = audit::Answer{std::nullopt, ending_text(e.ending, limits)};
      }
      ++done;
      if (it.answer->unreadable || !it.answer->report->passed()) ++failing;
      if (progress) std::cerr << "\r\033[K";
      flush();
      if (progress) bar();
    }
    stop_signal = signals.take();
  }
  if (stop_signal) pool.abandon();
  if (progress) std::cerr << "\r\033[K";

  size_t passed = 0, failed = 0, unreadable = 0;
  for (const Item& it : items) {
    if (!it.answer) continue;
    if (it.answer->unreadable) ++unreadable;
    else if (it.answer->report->passed()) ++passed;
    else ++failed;
  }
  if (items.size() > 1 && !quiet)
    std::cerr << audit::render(audit::Text("audit.report.totals")
                                   .arg("files", std::to_string(items.size()))
                                   .arg("passed", std::to_string(passed))
                                   .arg("failed", std::to_string(failed))
                                   .arg("unreadable", std::to_string(unreadable)),
                               lang)
              << "\n";
  if (stop_signal) return 128 + stop_signal;
  if (unreadable) return kExitBadInput;
  return failed ? kExitFailure : kExitOk;
}

}  // namespace banshi::cli
