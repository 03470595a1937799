// What a batch will do, settled before the first job starts: which reports
// (each file once), and where each PDF goes — never two reports to one
// PDF, never a PDF over an input.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "util/diag.h"
#include "util/output.h"

namespace banshi::cli {

// The list of files on standard input (batch -): at most this much.
struct ListLimits {
  size_t max_bytes = 16u << 20;  // as a report
  size_t max_names = 100'000;
  size_t max_name_bytes = 4096;  // PATH_MAX
};

struct BatchJob {
  std::filesystem::path input;
  std::filesystem::path output;
  // When the report's own name was taken by an earlier one (a/x.xml and
  // b/x.xml): what it would have been called and by whom, for the report.
  std::string renamed;
  // The output's target, or why it may not be written (an input, a
  // directory …): the job then fails without rendering.
  std::optional<OutputTarget> target;
  std::optional<Diagnostic> refused;
};

struct BatchPlan {
  std::vector<BatchJob> jobs;
  std::vector<FileId> inputs;  // every input's identity, for the report's check
};

// The reports named by `names` — files, every report of a directory
// (*.xml, *.docx, *.doc …; render/input.h)
// (sorted), and with `read_stdin` one name a line of standard input (within
// ListLimits, else InputError) — each file once (by device and inode), each
// given a PDF in `out_dir` named after it: x.xml → x.pdf, and when two
// reports share a name, the later ones x-2.pdf, x-3.pdf … in the order
// given. `reserved` is a name in `out_dir` no PDF may take (the report).
BatchPlan plan_batch(const std::vector<std::string>& names, bool read_stdin, const std::filesystem::path& out_dir,
                     const std::filesystem::path& reserved, const ListLimits& limits = {});

// Names from a list, one a line (a trailing \r and spaces dropped, empty
// lines skipped); InputError at the line that breaks a limit.
std::vector<std::string> names_from_list(std::string_view text, const std::string& list_name,
                                         const ListLimits& limits = {});

}  // namespace banshi::cli
