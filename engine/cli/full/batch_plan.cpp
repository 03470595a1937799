#include "cli/full/batch_plan.h"

#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>

#include "render/input.h"
#include "util/file.h"

namespace banshi::cli {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void refuse_list(const std::string& list_name, int line, MessageCode code, Args args = {}) {
  throw InputError(Diagnostic(Severity::Error, code, std::move(args)).at({list_name, line, 0}));
}

void add_directory(const fs::path& dir, std::vector<fs::path>& out) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec) && is_report_file(e.path())) found.push_back(e.path());
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
}

}  // namespace

std::vector<std::string> names_from_list(std::string_view text, const std::string& list_name,
                                         const ListLimits& limits) {
  std::vector<std::string> names;
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.find('\0') != std::string_view::npos) refuse_list(list_name, line_no, "batch.list-nul");
    if (line.size() > limits.max_name_bytes)
      refuse_list(list_name, line_no, "batch.list-name-too-long",
                  {{"bytes", line.size()}, {"limit", limits.max_name_bytes}});
    if (names.size() == limits.max_names)
      refuse_list(list_name, line_no, "batch.list-too-many", {{"limit", limits.max_names}});
    names.emplace_back(line);
  }
  return names;
}

BatchPlan plan_batch(const std::vector<std::string>& names, bool read_stdin, const fs::path& out_dir,
                     const fs::path& reserved, const ListLimits& limits) {
  std::vector<fs::path> paths;
  auto add = [&](const std::string& name) {
    std::error_code ec;
    if (fs::is_directory(name, ec)) add_directory(name, paths);
    else paths.emplace_back(name);
  };
  for (const auto& n : names)
    if (n != "-" && !n.empty()) add(n);
  if (read_stdin) {
    const auto list = read_at_most(STDIN_FILENO, limits.max_bytes, "standard input");
    if (!list) refuse_list("<stdin>", 0, "batch.list-too-large", {{"limit", limits.max_bytes}});
    for (const auto& n : names_from_list(*list, "<stdin>", limits)) add(n);
  }

  BatchPlan plan;
  // Each file once: the same report named twice (x.xml and ./x.xml, a hard
  // link) is rendered once.
  std::vector<fs::path> unique;
  for (auto& p : paths) {
    const auto id = file_id(p);
    if (id) {
      if (std::find(plan.inputs.begin(), plan.inputs.end(), *id) != plan.inputs.end()) continue;
      plan.inputs.push_back(*id);
    }
    unique.push_back(std::move(p));
  }

  // Outputs: x.xml → x.pdf; a name already taken gets the first free
  // x-N.pdf that is no other report's own name, in the order given.
  std::set<std::string> own;
  for (const auto& p : unique) own.insert(p.stem().string() + ".pdf");
  std::map<std::string, fs::path> taken;  // PDF name → the report that has it
  std::error_code ec;
  const fs::path canonical_out = fs::weakly_canonical(out_dir, ec);
  if (!reserved.empty() && fs::weakly_canonical(reserved, ec).parent_path() == canonical_out)
    taken.emplace(reserved.filename().string(), reserved);
  for (auto& p : unique) {
    BatchJob job;
    const std::string stem = p.stem().string();
    std::string name = stem + ".pdf";
    if (const auto it = taken.find(name); it != taken.end()) {
      job.renamed = name + " is the PDF of " + it->second.string();
      for (int k = 2;; ++k) {
        name = stem + "-" + std::to_string(k) + ".pdf";
        if (!taken.count(name) && !own.count(name)) break;
      }
    }
    taken.emplace(name, p);
    job.input = std::move(p);
    job.output = out_dir / name;
    try {
      job.target = OutputTarget::resolve(job.output.string(), plan.inputs, "-o");
    } catch (const InputError& e) {
      job.refused = e.diagnostic();
    }
    plan.jobs.push_back(std::move(job));
  }
  return plan;
}

}  // namespace banshi::cli
