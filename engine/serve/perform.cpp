#include "serve/perform.h"

#include <tinyxml2.h>

#include <chrono>
#include <ctime>
#include <functional>
#include <optional>
#include <system_error>

#include "serve/compose.h"
#include "serve/form_xml.h"
#include "serve/reply.h"
#include "serve/request_error.h"
#include "util/file.h"
#include "xml/parse.h"
#include "xml/scan.h"

namespace banshi::serve {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

std::string last_component(std::string_view src) {
  const size_t slash = src.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? src : src.substr(slash + 1));
}

// Figures come only from files uploaded with the report, matched by name
// (the page sends a file's own name, the XML may name it with a folder):
// a <figure src> never reaches the server's file system. Each figure's
// upload is written under the job's scratch directory where the src
// leads — a src that is absolute, climbs with "..", or is a URL is
// refused here, before the reader resolves it — and a src without its
// upload is reported at its <figure>, all of them at once.
void place_figures(const std::string& xml_text, const Document& doc, const Submission& s,
                   const std::filesystem::path& scratch, Diagnostics& diags) {
  if (xml_text.find("<figure") == std::string::npos) return;
  xml::scan_xml(xml_text, doc.name, {});  // well-formed and bounded before tinyxml2 walks it
  tinyxml2::XMLDocument tree(true, tinyxml2::PRESERVE_WHITESPACE);
  tree.Parse(xml_text.data(), xml_text.size());
  if (tree.Error()) return;  // the reader reports it
  std::vector<Diagnostic> refused;
  std::function<void(const tinyxml2::XMLElement*)> walk = [&](const tinyxml2::XMLElement* el) {
    for (const auto* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
      if (std::string_view(c->Name()) == "figure" && c->Attribute("src")) {
        const std::string src = c->Attribute("src");
        const std::filesystem::path rel(src);
        bool plain = !src.empty() && rel.is_relative() && src.find(':') == std::string::npos &&
                     src.find('\\') == std::string::npos;
        for (const auto& part : rel)
          if (part == "..") plain = false;
        const std::string name = last_component(src);
        const Upload* upload = nullptr;
        for (const auto& u : s.figures)
          if (u.name == name) upload = &u;
        if (plain && upload) {
          const auto path = scratch / rel;
          std::filesystem::create_directories(path.parent_path());
          if (!std::filesystem::exists(path)) write_file_atomic(path, upload->bytes);
          continue;
        }
        Diagnostic d(Severity::Error, "serve.figure-not-uploaded", {{"src", src}});
        d.at({doc.name, c->GetLineNum(), 0}).about("<figure>/@src", "图片文件");
        refused.push_back(std::move(d));
      }
      walk(c);
    }
  };
  if (tree.RootElement()) walk(tree.RootElement());
  if (refused.empty()) return;
  // All of them at once: the last is thrown, the others are in `diags` before it.
  for (size_t i = 0; i + 1 < refused.size(); ++i) diags.add(refused[i]);
  throw InputError(refused.back());
}

// Findings about the form's fields point at the fields ("fields", and the
// field's key for the page), not at the line of the composed report where
// the form was put.
std::vector<std::string> point_at_fields(Diagnostics& diags, const Document& doc) {
  std::vector<std::string> keys(diags.items().size());
  if (!doc.form) return keys;
  Diagnostics moved;
  size_t i = 0;
  for (Diagnostic d : diags.items()) {
    if (const FieldSpan* f = doc.field_at(d.loc)) {
      keys[i] = f->key;
      d.loc = SourceLoc(kFieldsName);
    }
    moved.add(std::move(d));
    ++i;
  }
  diags = std::move(moved);
  return keys;
}

RenderOptions options_for(const Submission& s, unsigned threads) {
  RenderOptions o;
  o.threads = threads;
  o.template_override = s.template_name;
  if (s.action == Action::Preview) {
    // What the page shows: A4 pages, and no archive format to pay for.
    o.impose = Imposition::None;
    o.pdfa = false;
  } else {
    o.impose = s.impose;
    o.pdfa = s.pdfa;
  }
  return o;
}

std::string download_name(const Document& doc, std::string_view extension) {
  std::string stem = doc.name == kPastedTextName ? "report" : doc.name;
  if (const size_t dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
  return stem + std::string(extension);
}

Reply findings_reply(const Diagnostics& diags, Lang lang, const Extra& extra = {}) {
  return {200, kJson, findings_json(diags, lang, extra), {}, {}};
}

Reply findings_reply(Diagnostics& diags, const Document& doc, Lang lang, Extra extra = {}) {
  extra.fields = point_at_fields(diags, doc);
  return findings_reply(diags, lang, extra);
}

Reply input_error_reply(const Submission& s, Diagnostics& diags, const Document& doc) {
  // A check or a preview answers with the findings; a download that cannot
  // be made is a bad request.
  if (s.action == Action::Check || s.action == Action::Preview || s.action == Action::Import)
    return findings_reply(diags, doc, s.lang);
  Extra extra;
  extra.fields = point_at_fields(diags, doc);
  return bad_input_reply(diags, s.lang, extra);
}

bool is_booklet(const Engine& engine, const model::Report& report, const RenderOptions& options) {
  if (options.impose) return *options.impose == Imposition::A3Booklet;
  const std::string& name = options.template_override.empty() ? report.template_name : options.template_override;
  return engine.template_named(name).default_impose == "a3-booklet";
}

// The report to check or render: report XML read as composed, or a Word
// document as the importer read it with the fields of its form document.
model::Report read_composed(const Document& doc, const Submission& s, const std::filesystem::path& scratch,
                            Diagnostics& diags, const RequiredFields& required) {
  if (!doc.word) {
    place_figures(doc.xml, doc, s, scratch, diags);
    return parse_report(doc.xml, doc.name, scratch, diags, {}, required);
  }
  model::Report report = doc.word->report;
  if (!doc.form_document.empty()) {
    model::Report form = parse_report(doc.form_document, kFieldsName, scratch, diags, {}, required);
    report.form = std::move(form.form);
    report.template_name = form.template_name;
  }
  return report;
}

Reply render(const Engine& engine, const Submission& s, const Document& doc, const std::filesystem::path& scratch,
             Diagnostics& diags, std::vector<std::pair<std::string, double>>& timings, Clock::time_point t0,
             unsigned threads) {
  auto answer = [&](const Extra& extra) { return findings_reply(diags, doc, s.lang, extra); };
  if (s.action == Action::Import) {
    // The fields are read from a report that is well-formed XML (the
    // scanner's checks first), even when its values have errors: the page
    // shows them in the form, where they are corrected.
    xml::scan_xml(doc.xml, doc.name, {});
    Extra extra;
    extra.form_json = form_json(doc.xml);
    // A filled 结项申请书 in Word names its template; a Word report alone
    // only has the importer's default, which is no reason to change the
    // page's choice.
    if (doc.word && doc.word->report.group("project")) extra.template_name = doc.word->report.template_name;
    // The importer's errors are the Word document's, at its paragraphs:
    // the XML it became would only repeat them at its own lines.
    if (doc.word && diags.has_errors()) return answer(extra);
    try {
      const model::Report report = parse_report(doc.xml, doc.name, scratch, diags);
      // A report XML names its template.
      if (!doc.word) extra.template_name = report.template_name;
    } catch (const InputError& e) {
      diags.add(e);
    }
    return answer(extra);
  }
  const RenderOptions options = options_for(s, threads);
  // Checked against the fields its template requires, as render and check do.
  model::Report report = read_composed(doc, s, scratch, diags, engine.requirements(options));
  const double parse_ms = ms_since(t0);
  timings.emplace_back("parse", parse_ms);
  if (s.action == Action::Check) {
    engine.check_report(report, options, diags);
    timings.emplace_back("check", ms_since(t0));
    return answer({});
  }
  RenderResult r = engine.render_report(report, options, diags);
  timings.emplace_back("layout", r.times.ms("layout"));
  timings.emplace_back("pdf", r.times.ms("pdf"));
  if (s.action == Action::Preview) {
    Extra extra;
    extra.pages = r.pages;
    extra.pdf = std::move(r.pdf);
    Reply reply = answer(extra);
    timings.emplace_back("preview", ms_since(t0));
    return reply;
  }
  timings.emplace_back("render", ms_since(t0));
  const bool booklet = is_booklet(engine, report, options);
  return {200, "application/pdf", std::move(r.pdf), download_name(doc, booklet ? ".a3.pdf" : ".pdf"), {}};
}

// A template that prints the outcome alone (no form pages, no project).
const Template* outcome_template(const Engine& engine) {
  for (const auto& t : list_templates(engine.data_dir() / "templates")) {
    const Template& tmpl = engine.template_named(t.name);
    if (tmpl.required_fields.empty() && tmpl.front.empty()) return &tmpl;
  }
  return nullptr;
}

// While the form's fields still have errors (the applicant is typing),
// the preview shows the outcome alone rather than nothing: the findings
// are the whole request's, the pages those of the report without its form.
std::optional<Reply> outcome_preview(const Engine& engine, const Submission& s, const Document& doc,
                                     const std::filesystem::path& scratch, Diagnostics& diags,
                                     std::vector<std::pair<std::string, double>>& timings, unsigned threads) {
  Extra extra;
  extra.fields = point_at_fields(diags, doc);
  for (const auto& d : diags.items())
    if (d.severity == Severity::Error && d.loc.file != kFieldsName) return std::nullopt;
  const Template* outcome = outcome_template(engine);
  if (!outcome) return std::nullopt;
  Submission alone = s;
  alone.fields.reset();
  alone.template_name = outcome->name;
  try {
    Diagnostics ignored;  // the report's own findings are in `diags` already
    model::Report report;
    if (doc.word) {
      report = doc.word->report;
    } else {
      const Document plain = compose(alone, scratch, ignored);
      report = read_composed(plain, alone, scratch, ignored, engine.requirements(options_for(alone, threads)));
    }
    RenderResult r = engine.render_report(report, options_for(alone, threads), ignored);
    extra.pages = r.pages;
    extra.pdf = std::move(r.pdf);
    extra.partial = true;
    timings.emplace_back("layout", r.times.ms("layout"));
    timings.emplace_back("pdf", r.times.ms("pdf"));
  } catch (const InputError&) {
    return std::nullopt;
  }
  return findings_reply(diags, s.lang, extra);
}

Reply run(const Engine& engine, const Submission& s, const std::filesystem::path& scratch,
          std::vector<std::pair<std::string, double>>& timings, unsigned threads) {
  const auto t0 = Clock::now();
  Diagnostics diags;
  Document doc;
  try {
    doc = compose(s, scratch, diags);
  } catch (const InputError& e) {
    diags.add(e);
    return input_error_reply(s, diags, doc);
  }
  if (s.action == Action::Xml)
    return {200, "application/xml; charset=utf-8", std::move(doc.xml), download_name(doc, ".xml"), {}};
  try {
    return render(engine, s, doc, scratch, diags, timings, t0, threads);
  } catch (const InputError& e) {
    diags.add(e);
    if (s.action == Action::Preview && doc.form) {
      if (auto partial = outcome_preview(engine, s, doc, scratch, diags, timings, threads)) {
        timings.emplace_back("preview", ms_since(t0));
        return std::move(*partial);
      }
    }
    return input_error_reply(s, diags, doc);
  }
}

}  // namespace

Reply perform(const Engine& engine, const Submission& s, const std::filesystem::path& scratch, unsigned threads) {
  std::vector<std::pair<std::string, double>> timings;
  Reply reply;
  try {
    reply = run(engine, s, scratch, timings, threads);
  } catch (const RequestError& e) {
    reply = error_reply(e.status(), e.diagnostic(), s.lang);
  } catch (const std::bad_alloc&) {
    throw;  // past the job's memory limit: the host reports it
  } catch (const std::system_error& e) {
    // No memory for one more thread's stack under the job's limit is
    // running out of memory too (as jobs/render_job.cpp reads it).
    if (e.code() == std::errc::resource_unavailable_try_again) throw std::bad_alloc();
    reply = error_reply(500, Diagnostic(Severity::Error, "internal.error", {{"detail", e.what()}}), s.lang);
  } catch (const std::exception& e) {
    reply = error_reply(500, Diagnostic(Severity::Error, "internal.error", {{"detail", e.what()}}), s.lang);
  }
  // The CPU time this job's process has used since it was forked (its
  // threads included): beside the wall times, the figure a busy machine
  // does not inflate.
  timespec cpu{};
  if (::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) == 0)
    timings.emplace_back("cpu", static_cast<double>(cpu.tv_sec) * 1e3 + static_cast<double>(cpu.tv_nsec) / 1e6);
  reply.timings = std::move(timings);
  return reply;
}

}  // namespace banshi::serve
