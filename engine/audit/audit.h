// banshi audit: checks a submission made by any program — a PDF from Word,
// WPS, LibreOffice, LaTeX, a browser, or banshi itself — against the rules
// of the template (GB/T 9704 page and grid, the federation's fonts and
// sizes, page numbers, footnotes, the 结项申请书 form), rule by rule:
// pass, fail or not applicable, with the measured figures, the pages
// concerned and the source of each rule.
//
// The rules' numbers are the template's (templates/NAME/template.xml); the
// tolerances and sources are engine/audit/rules.xml (compiled in); which fonts count as 仿宋,
// 黑体 … is fonts/families.xml. PDFs are read with MuPDF.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/raw_pdf.h"
#include "audit/settings.h"
#include "audit/words.h"
#include "fonts/families.h"
#include "style/template.h"

namespace banshi::audit {

enum class Verdict { Pass, Fail, NotApplicable };

// "pass", "fail", "n/a": stable, for --json and --summary.
const char* verdict_name(Verdict v);

struct Finding {
  std::string rule;  // stable id: "margins", "heading3.style"
  Verdict verdict = Verdict::NotApplicable;
  Text measured;                    // the figures, in words when shown
  std::vector<int> pages;           // A4 pages concerned (1-based, reading order)
  std::vector<Text> details;        // the evidence, one item a page or a thing
  std::vector<std::string> places;  // .docx: "report.docx:¶12 「…」", per detail
};

// An A4 page of the report and where it is in the file.
struct PageRef {
  int page = 0;      // 1-based, reading order
  int pdf_page = 0;  // the file's page
  int half = 0;      // 0 whole page, 1 left half, 2 right half of an A3 sheet
};

struct Report {
  std::string file;
  std::string kind;           // "pdf" or "docx"
  std::string template_name;  // the template the rules came from
  std::string producer;       // the program that made the file, as it says
  int pages = 0;              // A4 pages
  int sheets = 0;             // A3 sheets (0: not a booklet)
  std::vector<PageRef> page_map;
  std::vector<Finding> findings;

  bool passed() const;
  std::vector<std::string> failed_rules() const;
};

struct AuditOptions {
  std::string template_name;  // empty: chosen by what the file holds (a form or not)
};

// The audit with its data loaded once: settings, the families table and
// the templates. Read-only afterwards, so one Auditor serves every thread.
class Auditor {
 public:
  // Throws EngineError (or InputError for a broken template) when the data
  // cannot be read.
  explicit Auditor(const std::filesystem::path& data_dir);

  // Audits a file by its content: a PDF, or a .docx. Throws
  // UnreadableError for a file that cannot be read as either.
  Report audit_file(const std::filesystem::path& file, const AuditOptions& options = {}) const;
  Report audit_pdf(std::string_view bytes, const std::string& name, const AuditOptions& options = {}) const;
  // A Word file: the rules as far as it declares them (docx_audit.cpp).
  // With `explanation`, only says how each paragraph was read (--explain)
  // and returns an empty report.
  Report audit_docx(std::string bytes, const std::string& name, const AuditOptions& options = {},
                    std::string* explanation = nullptr) const;

  // How the file was read: every line with its role, page by page (for
  // whoever wants to know why a rule said what it said).
  std::string explain(const std::filesystem::path& file, const AuditOptions& options = {}) const;

  const Settings& settings() const { return settings_; }
  const FamilyTable& families() const { return families_; }
  const Template& template_named(const std::string& name) const;
  // The installed templates' names, sorted (for a usage error).
  std::vector<std::string> template_names() const;

 private:
  std::filesystem::path data_dir_;
  Settings settings_;
  FamilyTable families_;
  std::map<std::string, std::unique_ptr<Template>, std::less<>> templates_;
};

// A finding put in words: "PASS  margins  …", and the report as lines for
// a terminal.
std::string format_report(const Report& report, const Settings& settings, Lang lang);
// One JSON object per finding (no trailing newline on the last).
std::string report_json(const Report& report, const Settings& settings, Lang lang);
// file,verdict,failed rules
std::string summary_csv_header();
std::string summary_csv_line(const Report& report);
std::string csv_field(std::string_view s);

// The message for a file that cannot be audited.
Text unreadable_text(const UnreadableError& e);

}  // namespace banshi::audit
