// banshi: report XML in, print-ready PDF out.
#include <algorithm>
#include <csignal>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "util/diag.h"
#include "util/output.h"

namespace {

constexpr const char* kUsage = R"(banshi — typesets 巴中市社科规划项目 结项申请书 reports as print-ready PDF

REPORT is report XML or a Word document (.docx; .doc, .wps and .odt when
LibreOffice is installed).

usage:
  banshi render REPORT [-o OUT.pdf] [--impose none|a3-booklet] [--long-edge]
                           [--pdfa|--no-pdfa] [--template NAME]
                           [--outcome REPORT2] [--breaker optimal|greedy]
                           [--figures DIR]... [-q]
      Lays out REPORT with its template and writes OUT.pdf (default:
      REPORT.pdf in the current directory; - for standard input/output).
      --pdfa writes PDF/A-1b (GB/Z 23283-2009), the 结项申请书's default;
      --no-pdfa an ordinary PDF. Figures must lie in the report's own
      directory, or in a DIR allowed with --figures (render, check, batch).
      --outcome takes the 最终成果 from REPORT2 and the filled form (cover,
      声明, 项目变更情况数据表) from REPORT, e.g. form.docx --outcome report.docx
      (render, check).
  banshi check REPORT... [--json] [--strict] [--figures DIR]... [--outcome REPORT2]
      Validates reports without writing a PDF: every problem at once,
      sorted by position, then a count.
  banshi batch [FILES|DIRS|-]... -o OUTDIR [-j N] [--report FILE.jsonl]
                           [--impose none|a3-booklet] [--pdfa|--no-pdfa]
                           [--job-timeout SECONDS] [--job-memory MB]
                           [--figures DIR]... [-q]
      Renders many reports with N parallel jobs into OUTDIR, each in a
      process of its own under a time limit (default 300 s) and a memory
      limit (default 2048 MB), going on past failures; writes a JSON-lines
      report (OUTDIR/report.jsonl by default) a line as each report ends,
      and exits non-zero if any report failed (128 + signal if stopped by
      one). Without names (or with -), reads the list of files from
      standard input.
  banshi serve [--listen HOST:PORT] [-j N] [--queue N] [--job-timeout SECONDS]
               [--job-memory MB] [--max-request MB]
      Serves the applicant's web page and the HTTP API (default
      127.0.0.1:8080): fill the form, drop in the report, see the pages,
      download the PDFs. N renders at once (default: the CPUs), each in a
      process of its own (at most 60 s and 1024 MB by default); --queue
      requests wait (32), then the server answers 503 busy.
  banshi import REPORT.docx [-o OUT.xml] [--template NAME] [-q]
      Reads a Word document and writes it as report XML (default: REPORT.xml
      in the current directory, never replacing a file without -o), with
      comments where the importer guessed what a paragraph is.
  banshi audit FILES|DIRS... [--json | --summary csv] [--template NAME] [-j N]
                           [--explain] [-q]
      Checks PDFs made by any program (Word, WPS, LaTeX, a browser …)
      against the template's rules, rule by rule: PASS / FAIL / n/a with
      the measured figures, the pages concerned and each rule's source.
      A .docx is checked as far as it declares the rules (page setup,
      fonts and sizes through its styles, grid, alignment, page number,
      notes), each finding at its paragraph (file.docx:¶12 「…」).
      A directory stands for its PDFs and .docx files. --json: one object
      per finding (a stable rule id); --summary csv: a line per file (file,
      verdict, failed rules); --explain: how each page's lines were read.
      Exits 0 when every file passes, 1 when a rule fails, 2 for a file it
      cannot read.
  banshi fonts [--json]
      Shows, per font role, which font file will be used.
  banshi templates
      Lists the installed templates.
  banshi --help | --version

Every command takes --lang zh|en: messages in Chinese or English (by default
Chinese when LC_ALL, LC_MESSAGES or LANG is zh_*, English otherwise).

exit status: 0 ok, 1 internal failure (or warnings with check --strict),
2 bad input (the message says file:line:column — or the .docx paragraph,
¶N with its opening words — and the form's field).
)";

// One command's part of the usage ("  banshi audit …" up to the next
// command), for `banshi CMD --help`.
std::string command_usage(const std::string& cmd) {
  const std::string_view usage(kUsage);
  const std::string head = "  banshi " + cmd + " ";
  const size_t from = usage.find(head);
  if (from == std::string_view::npos) return std::string(usage);
  size_t to = usage.find("\n  banshi ", from + head.size());
  to = std::min(to, usage.find("\n\n", from));
  return "usage:\n" + std::string(usage.substr(from, to - from)) + "\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace banshi;
  using namespace banshi::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  Context ctx{argc > 0 ? argv[0] : "banshi", lang_from_environment()};
  // --lang is for every command, before or after its name.
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    std::string value;
    size_t take = 0;
    if (args[i] == "--lang" && i + 1 < args.size()) {
      value = args[i + 1];
      take = 2;
    } else if (args[i].starts_with("--lang=")) {
      value = args[i].substr(7);
      take = 1;
    } else {
      continue;
    }
    const auto lang = parse_lang(value);
    if (!lang || value.size() != 2) {
      std::cerr << "banshi: --lang must be zh or en\n";
      return kExitBadInput;
    }
    ctx.lang = *lang;
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i + take));
    --i;
  }
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitBadInput;
  }
  const std::string cmd = args.front();
  args.erase(args.begin());
  // A closed descriptor 0–2 would be taken by the next file opened; a
  // reader that went away (| head) is an error to report, not a signal.
  reserve_standard_streams();
  std::signal(SIGPIPE, SIG_IGN);
  try {
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (cmd == "--version") {
      std::cout << "banshi " << BANSHI_VERSION << "\n";
      return kExitOk;
    }
    for (const std::string& a : args) {
      if (a == "--") break;
      if (a == "--help" || a == "-h") {
        std::cout << command_usage(cmd);
        return kExitOk;
      }
    }
    int status;
    if (cmd == "render") status = cmd_render(ctx, args);
    else if (cmd == "check") status = cmd_check(ctx, args);
    else if (cmd == "fonts") status = cmd_fonts(ctx, args);
    else if (cmd == "templates") status = cmd_templates(ctx, args);
    else if (cmd == "batch") status = cmd_batch(ctx, args);
    else if (cmd == "serve") status = cmd_serve(ctx, args);
    else if (cmd == "import") status = cmd_import(ctx, args);
    else if (cmd == "audit") status = cmd_audit(ctx, args);
    else throw UsageError("unknown command " + cmd);
    // What went to standard output through the stream (check --json, fonts,
    // templates) must have arrived.
    if (!std::cout.flush()) throw EngineError("cannot write to standard output");
    return status;
  } catch (const UsageError& e) {
    std::cerr << "banshi: " << e.text(ctx.lang) << "\n(see banshi --help)\n";
    return kExitBadInput;
  } catch (const InputError& e) {
    std::cerr << e.diagnostic().format(ctx.lang) << "\n";
    return kExitBadInput;
  } catch (const OutputError& e) {
    std::cerr << e.diagnostic().format(ctx.lang) << "\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "banshi: error: " << e.what() << "\n";
    return kExitFailure;
  }
}

namespace banshi::cli {

void print_diagnostics(const Diagnostics& diags, Lang lang) {
  for (const auto& d : diags.items()) std::cerr << d.format(lang) << "\n";
}

}  // namespace banshi::cli
