// banshi audit: checks submissions made by any program (PDF, .docx)
// against the template's rules, rule by rule, for the federation's desk.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "audit/audit.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "render/engine.h"
#include "util/json.h"

namespace banshi::cli {

namespace {

namespace fs = std::filesystem;
using audit::Lang;

struct Item {
  fs::path file;
  std::optional<audit::Report> report;
  std::optional<audit::Text> unreadable;
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

std::string unreadable_json(const Item& item, Lang lang) {
  JsonWriter w;
  w.begin_object();
  w.key("file").value(item.file.string());
  w.key("rule").value("file.readable");
  w.key("verdict").value("error");
  // The kind, stable for scripts: empty, not-pdf, encrypted, damaged, broken …
  const std::string& code = item.unreadable->code;
  w.key("reason").value(code.substr(code.rfind('.') + 1));
  w.key("measured").value(audit::render(*item.unreadable, lang));
  w.end_object();
  return w.str();
}

}  // namespace

int cmd_audit(const Context& ctx, const std::vector<std::string>& argv) {
  const Args args(argv, {{"--json", "", false},
                         {"--summary", "", true},
                         {"--template", "", true},
                         {"--jobs", "-j", true},
                         {"--lang", "", true},
                         {"--quiet", "-q", false},
                         {"--explain", "", false}});
  if (args.positional().empty()) throw UsageError("audit takes one or more PDF or .docx files, or directories");
  const bool json = args.has("--json");
  const auto summary = args.value("--summary");
  if (summary && *summary != "csv") throw UsageError("--summary takes csv");
  if (summary && json) throw UsageError("--json and --summary are each a whole output: choose one");
  Lang lang = audit::lang_from_environment();
  if (auto l = args.value("--lang")) {
    if (*l == "zh") lang = Lang::Zh;
    else if (*l == "en") lang = Lang::En;
    else throw UsageError("--lang takes en or zh");
  }
  int jobs_n = 1;
  if (auto j = args.value("--jobs")) {
    char* end = nullptr;
    const long v = std::strtol(j->c_str(), &end, 10);
    if (*end != '\0' || v < 1 || v > 64) throw UsageError("-j must be a number from 1 to 64");
    jobs_n = static_cast<int>(v);
  }
  audit::AuditOptions options;
  options.template_name = args.value("--template").value_or("");

  std::vector<Item> items;
  for (const auto& f : audit_inputs(args.positional())) items.push_back({f, std::nullopt, std::nullopt});
  if (items.empty()) throw UsageError("audit: no PDF or .docx files found");

  const audit::Auditor auditor(find_data_dir(ctx.argv0.c_str()));
  if (!options.template_name.empty()) auditor.template_named(options.template_name);  // fail early on a bad name
  if (args.has("--explain")) {
    // How each page was read: lines and their roles (not part of the report).
    for (const Item& it : items) std::cout << auditor.explain(it.file, options);
    return kExitOk;
  }

  const bool progress = ::isatty(STDERR_FILENO) && !args.has("--quiet") && items.size() > 1;
  std::mutex print;
  std::atomic<size_t> next{0}, done{0}, failed{0};
  size_t printed = 0;  // items written to stdout so far, in input order

  // Prints every finished item that is next in input order.
  auto flush = [&]() {
    while (printed < items.size() && (items[printed].report || items[printed].unreadable)) {
      const Item& it = items[printed++];
      if (it.unreadable) {
        if (json) std::cout << unreadable_json(it, lang) << "\n";
        else if (summary) std::cout << audit::csv_field(it.file.string()) << ",unreadable,\n";
        std::cerr << audit::render(audit::Text("audit.report.unreadable")
                                       .arg("file", it.file.string())
                                       .arg("reason", audit::render(*it.unreadable, lang)),
                                   lang)
                  << "\n";
        continue;
      }
      if (json) std::cout << audit::report_json(*it.report, auditor.settings(), lang);
      else if (summary) std::cout << audit::summary_csv_line(*it.report);
      else
        std::cout << audit::format_report(*it.report, auditor.settings(), lang) << (printed < items.size() ? "\n" : "");
    }
    std::cout.flush();
  };
  auto bar = [&]() {
    const size_t d = done, n = items.size();
    const int width = 30, filled = static_cast<int>(width * d / n);
    std::cerr << "\r[" << std::string(static_cast<size_t>(filled), '#')
              << std::string(static_cast<size_t>(width - filled), ' ') << "] " << d << "/" << n << "  failed " << failed
              << std::flush;
  };

  if (summary) std::cout << audit::summary_csv_header();
  auto worker = [&]() {
    for (size_t i = next++; i < items.size(); i = next++) {
      Item& it = items[i];
      std::optional<audit::Report> report;
      std::optional<audit::Text> unreadable;
      try {
        report = auditor.audit_file(it.file, options);
      } catch (const audit::UnreadableError& e) {
        unreadable = audit::unreadable_text(e);
      } catch (const std::exception& e) {
        // Anything else the reader stumbles on is still about this file:
        // say so and go on with the others.
        unreadable = audit::unreadable_text(audit::UnreadableError(audit::Unreadable::Damaged, e.what()));
      }
      std::lock_guard lock(print);
      it.report = std::move(report);
      it.unreadable = std::move(unreadable);
      ++done;
      if (it.unreadable || !it.report->passed()) ++failed;
      if (progress) std::cerr << "\r\033[K";
      flush();
      if (progress) bar();
    }
  };
  {
    std::vector<std::jthread> pool;
    for (int k = 0; k < std::min<int>(jobs_n, static_cast<int>(items.size())); ++k) pool.emplace_back(worker);
  }
  if (progress) std::cerr << "\r\033[K";

  size_t passed = 0, failing = 0, unreadable = 0;
  for (const Item& it : items) {
    if (it.unreadable) ++unreadable;
    else if (it.report->passed()) ++passed;
    else ++failing;
  }
  if (items.size() > 1 && !args.has("--quiet"))
    std::cerr << audit::render(audit::Text("audit.report.totals")
                                   .arg("files", std::to_string(items.size()))
                                   .arg("passed", std::to_string(passed))
                                   .arg("failed", std::to_string(failing))
                                   .arg("unreadable", std::to_string(unreadable)),
                               lang)
              << "\n";
  if (unreadable) return kExitBadInput;
  return failing ? kExitFailure : kExitOk;
}

}  // namespace banshi::cli
