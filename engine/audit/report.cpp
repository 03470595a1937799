// A report put in words: lines for a terminal, JSON objects for scripts,
// and a CSV line per file for a pile of submissions.
#include <algorithm>

#include "audit/audit.h"
#include "util/json.h"

namespace banshi::audit {

namespace {

const char* verdict_code(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "audit.verdict.pass";
    case Verdict::Fail: return "audit.verdict.fail";
    case Verdict::NotApplicable: break;
  }
  return "audit.verdict.na";
}

// Display width of UTF-8 text on a terminal: CJK and full-width forms take
// two columns.
size_t columns(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    n += c >= 0xE3 && c <= 0xEF ? 2 : 1;
  }
  return n;
}

std::string pad(std::string s, size_t width) {
  const size_t w = columns(s);
  if (w < width) s.append(width - w, ' ');
  return s;
}

const PageRef* ref_of(const Report& r, int page) {
  for (const PageRef& p : r.page_map)
    if (p.page == page) return &p;
  return nullptr;
}

// "5 (sheet 2 back, left half)" for a booklet's page; "5" otherwise.
std::string page_name(const Report& r, int page, Lang lang) {
  const PageRef* ref = r.sheets ? ref_of(r, page) : nullptr;
  if (!ref || ref->half == 0) return std::to_string(page);
  const bool front = ref->pdf_page % 2 == 1;
  const bool zh = lang == Lang::Zh;
  Text t("audit.report.sheet");
  t.arg("sheet", std::to_string((ref->pdf_page + 1) / 2))
      .arg("side", zh ? (front ? "正面" : "反面") : (front ? "front" : "back"))
      .arg("half", zh ? (ref->half == 1 ? "左半" : "右半") : (ref->half == 1 ? "left" : "right"));
  return std::to_string(page) + (zh ? "（" : " (") + render(t, lang) + (zh ? "）" : ")");
}

}  // namespace

std::string format_report(const Report& report, const Settings& settings, Lang lang) {
  std::string out;
  Text head(report.kind == "docx" ? "audit.report.header-docx" : "audit.report.header");
  head.arg("file", report.file).arg("count", std::to_string(report.pages)).arg("template", report.template_name);
  head.arg("producer",
           report.producer.empty() ? "" : render(Text("audit.report.producer").arg("producer", report.producer), lang));
  out += render(head, lang) + "\n";
  const bool zh = lang == Lang::Zh;
  for (const Finding& f : report.findings) {
    out += "  " + pad(render(Text(verdict_code(f.verdict)), lang), 6) + " " + pad(f.rule, 16) + " " +
           rule_title(f.rule, lang) + (zh ? "：" : ": ") + render(f.measured, lang) + "\n";
    if (f.verdict == Verdict::Fail) {
      const size_t shown = std::min<size_t>(f.details.size(), 8);
      for (size_t i = 0; i < shown; ++i) {
        out += "           " + render(f.details[i], lang);
        if (i < f.places.size() && !f.places[i].empty()) out += "  [" + f.places[i] + "]";
        out += "\n";
      }
      if (f.details.size() > shown)
        out += "           " +
               render(Text("audit.report.more").arg("count", std::to_string(f.details.size() - shown)), lang) + "\n";
      if (report.sheets && !f.pages.empty()) {
        std::string names;
        for (size_t i = 0; i < f.pages.size() && i < 6; ++i)
          names += (names.empty() ? "" : (zh ? "；" : "; ")) + page_name(report, f.pages[i], lang);
        out += "           " + names + "\n";
      }
    }
    out += "           " + render(Text("audit.report.source"), lang) + (zh ? "：" : ": ") +
           settings.rule(f.rule).source + "\n";
  }
  const auto failed = report.failed_rules();
  if (failed.empty()) {
    out += render(Text("audit.report.passed").arg("file", report.file), lang) + "\n";
  } else {
    std::string rules;
    for (const auto& r : failed) rules += (rules.empty() ? "" : ", ") + r;
    out += render(Text(failed.size() == 1 ? "audit.report.failed-one" : "audit.report.failed")
                      .arg("file", report.file)
                      .arg("count", std::to_string(failed.size()))
                      .arg("rules", rules),
                  lang) +
           "\n";
  }
  return out;
}

std::string report_json(const Report& report, const Settings& settings, Lang lang) {
  std::string out;
  for (const Finding& f : report.findings) {
    JsonWriter w;
    w.begin_object();
    w.key("file").value(report.file);
    w.key("kind").value(report.kind);
    w.key("template").value(report.template_name);
    w.key("rule").value(f.rule);
    w.key("verdict").value(verdict_name(f.verdict));
    w.key("title").value(rule_title(f.rule, lang));
    w.key("measured").value(render(f.measured, lang));
    w.key("pages").begin_array();
    for (int p : f.pages) w.value(p);
    w.end_array();
    if (report.sheets) {
      // Where each page is in the file: sheet side and half.
      w.key("sheets").begin_array();
      for (int p : f.pages) {
        const PageRef* ref = ref_of(report, p);
        if (!ref) continue;
        w.begin_object();
        w.key("page").value(p);
        w.key("pdf_page").value(ref->pdf_page);
        w.key("half").value(ref->half == 1 ? "left" : ref->half == 2 ? "right" : "whole");
        w.end_object();
      }
      w.end_array();
    }
    w.key("details").begin_array();
    for (const Text& d : f.details) w.value(render(d, lang));
    w.end_array();
    if (!f.places.empty()) {
      w.key("places").begin_array();
      for (const auto& p : f.places) w.value(p);
      w.end_array();
    }
    w.key("source").value(settings.rule(f.rule).source);
    w.end_object();
    out += w.str() + "\n";
  }
  return out;
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string summary_csv_header() { return "file,verdict,failed_rules\n"; }

std::string summary_csv_line(const Report& report) {
  std::string rules;
  for (const auto& r : report.failed_rules()) rules += (rules.empty() ? "" : ";") + r;
  return csv_field(report.file) + "," + (report.passed() ? "pass" : "fail") + "," + csv_field(rules) + "\n";
}

}  // namespace banshi::audit
