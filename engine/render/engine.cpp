#include "render/engine.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "fonts/font_cache.h"
#include "i18n/lang.h"
#include "layout/layout.h"
#include "para/prepare.h"
#include "render/input.h"
#include "util/task_pool.h"
#include "xml/parse.h"

namespace banshi {

namespace {

bool has_data(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::exists(dir / "templates", ec) && std::filesystem::exists(dir / "fonts" / "fontmap.xml", ec);
}

// The most pages a saddle-stitched A3 booklet holds: 15 sheets folded.
constexpr size_t kMaxBookletPages = 60;

// Title = 项目名称, Author = 项目负责人, Subject = 立项编号 (layout-rules §7);
// an outcome alone is titled by its own title.
DocumentInfo document_info(const model::Report& report) {
  DocumentInfo info;
  info.creator = std::string("banshi ") + BANSHI_VERSION;
  if (report.group("project")) {
    info.title = report.field("project.title");
    info.author = report.field("project.leader");
    info.subject = report.field("project.id");
  } else {
    info.title = model::plain_text(report.outcome.title);
    for (const auto& a : report.outcome.authors) info.author += (info.author.empty() ? "" : "、") + a.name;
  }
  for (const auto& k : report.outcome.keywords) info.keywords += (info.keywords.empty() ? "" : "; ") + k;
  return info;
}

// What the layout loads on first use and the pool's thread, idle until
// the fonts are subset, can load meanwhile: the coverage of the first font
// of each face `tmpl` sets text in (read from its cmap, fonts/coverage.h:
// about 1.5 ms for the outcome's six fonts), asked about every character,
// and ICU's Chinese dictionary engine for titles broken in phrases. A face
// the report does not use costs that thread a fraction of a millisecond;
// what is loaded already (a warm server) costs nothing.
std::vector<Task<void>> load_ahead(const Template& tmpl, const FontSet& fonts, TaskPool& tasks) {
  std::vector<Task<void>> out;
  if (tasks.threads() == 0) return out;
  std::vector<const LazyCoverage*> wanted;
  const auto want = [&](std::string_view face_id) {
    const ResolvedFace* face = fonts.face(face_id);
    if (!face) return;
    for (const ResolvedFace* f : {face, face->latin >= 0 ? &fonts.faces()[static_cast<size_t>(face->latin)] : nullptr})
      if (f && !f->chain.empty() && std::find(wanted.begin(), wanted.end(), f->chain[0].coverage.get()) == wanted.end())
        wanted.push_back(f->chain[0].coverage.get());
  };
  for (const auto& [name, style] : tmpl.styles) want(style.face);
  want(tmpl.folio.face);
  // ICU's Chinese dictionary engine first, which a template's first
  // paragraph (a title broken in phrases) wants at once (about 1 ms to
  // load): this thread meanwhile reads the title font's coverage itself.
  if (std::any_of(tmpl.styles.begin(), tmpl.styles.end(), [](const auto& s) { return s.second.break_in_phrases; }))
    out.push_back(tasks.submit([] { load_word_breaker(); }));
  for (const LazyCoverage* c : wanted) out.push_back(tasks.submit([c] { c->get(); }));
  return out;
}

// The image stage: every figure's image from its origin, under the roots;
// `encode` false only checks them, `flatten` composites alpha onto white.
image::FigureImages prepare_figures(const model::Report& report, const RenderOptions& options, bool encode,
                                    bool flatten, Diagnostics& diags) {
  image::PrepareOptions po;
  po.encode = encode;
  po.flatten_alpha = flatten;
  if (options.figure_files) return image::prepare_figures(report, *options.figure_files, po, diags);
  const image::RootedFiles files(report.base_dir, options.figure_roots, po.limits);
  return image::prepare_figures(report, files, po, diags);
}

}  // namespace

std::filesystem::path find_data_dir(const char* argv0) {
  if (const char* env = std::getenv("BANSHI_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec && argv0) exe = std::filesystem::absolute(argv0, ec);
  exe = exe.lexically_normal();
  // Installed: bin/banshi finds share/banshi beside it, wherever the prefix
  // was moved (a .deb, `cmake --install --prefix`, an unpacked tree); so
  // does banshi-full from its own directory (libexec/banshi).
  const std::filesystem::path relative =
      exe.filename() == "banshi-full" ? BANSHI_FULL_RELATIVE_DATA_DIR : BANSHI_RELATIVE_DATA_DIR;
  const std::filesystem::path installed = (exe.parent_path() / relative).lexically_normal();
  if (has_data(installed)) return installed;
  // A binary of the build tree (build/banshi, the tests, the fuzzer) uses
  // the sources it was built from; an installed copy never does, so a
  // package cannot quietly depend on a checkout that happens to be there.
  const std::filesystem::path build_dir = std::filesystem::path(BANSHI_BUILD_DIR).lexically_normal();
  const auto [b, e] = std::mismatch(build_dir.begin(), build_dir.end(), exe.begin(), exe.end());
  if (b == build_dir.end() && has_data(BANSHI_SOURCE_DATA_DIR)) return BANSHI_SOURCE_DATA_DIR;
  throw EngineError("data.missing", {{"exe", exe.string()}, {"dir", installed.string()}});
}

Engine::Engine(std::filesystem::path data_dir, Diagnostics& diags, std::shared_ptr<const WordReader> word)
    : data_dir_(std::move(data_dir)), word_(std::move(word)) {
  fonts_ = FontSet::load(data_dir_ / "fonts" / "fontmap.xml", user_font_dirs(), diags, font_cache_dir());
}

const Template& Engine::template_named(const std::string& name, const SourceLoc& where) const {
  std::lock_guard lock(templates_mutex_);
  auto it = templates_.find(name);
  if (it != templates_.end()) return *it->second;
  const auto dir = data_dir_ / "templates" / name;
  const bool plain = !name.empty() && name.find_first_of("/\\.") == std::string::npos;
  if (!plain || !std::filesystem::exists(dir / "template.xml")) {
    std::vector<std::string> names;
    for (const auto& t : list_templates(data_dir_ / "templates")) names.push_back(t.name);
    throw InputError(Diagnostic(Severity::Error, "template.not-installed", {{"name", name}, {"installed", names}})
                         .at(where)
                         .about("<report>/@template", "模板"));
  }
  auto t = std::make_unique<Template>(load_template(dir));
  return *templates_.emplace(name, std::move(t)).first->second;
}

std::shared_ptr<const pdf::IccProfile> Engine::output_profile() const {
  std::lock_guard lock(profile_mutex_);
  // A failure is not remembered: installing the profile mends the next job.
  if (!output_profile_) output_profile_ = std::make_shared<const pdf::IccProfile>(pdf::find_srgb_profile());
  return output_profile_;
}

void Engine::preload() const {
  for (const auto& t : list_templates(data_dir_ / "templates")) template_named(t.name);
  try {
    output_profile();
  } catch (const std::exception&) {
    // Missing here is missing in each job too, which then says so.
  }
}

size_t Engine::warm_up() const {
  size_t rendered = 0;
  for (const auto& t : list_templates(data_dir_ / "templates")) {
    const auto probe = data_dir_ / "templates" / t.name / "warm-up.xml";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(probe, ec)) continue;
    try {
      Diagnostics ignored;
      render(probe, {}, ignored);
      ++rendered;
    } catch (const std::exception&) {
    }
  }
  return rendered;
}

RenderResult Engine::render(const std::filesystem::path& input, const RenderOptions& options,
                            Diagnostics& diags) const {
  Timings times;
  const model::Report report = [&] {
    const ScopedTimer timer(&times, "parse");
    return options.outcome_file.empty()
               ? read_report(input, diags, input_options(options))
               : read_form_and_outcome(input, options.outcome_file, diags, input_options(options));
  }();
  return render_report(report, options, diags, std::move(times));
}

const Template& Engine::template_for(const model::Report& report, const RenderOptions& options) const {
  // The reader has checked the report against this template's required
  // fields (requirements()).
  return template_named(options.template_override.empty() ? report.template_name : options.template_override,
                        report.loc(report.template_pos));
}

RequiredFields Engine::requirements(const RenderOptions& options) const {
  return [this, options](const std::string& name) {
    return template_named(options.template_override.empty() ? name : options.template_override).required_fields;
  };
}

InputOptions Engine::input_options(const RenderOptions& options) const {
  InputOptions io;
  io.required = requirements(options);
  io.word = word_.get();
  return io;
}

void Engine::check(const std::filesystem::path& input, Diagnostics& diags, const RenderOptions& options) const {
  check_report(options.outcome_file.empty()
                   ? read_report(input, diags, input_options(options))
                   : read_form_and_outcome(input, options.outcome_file, diags, input_options(options)),
               options, diags);
}

void Engine::check_report(const model::Report& report, const RenderOptions& options, Diagnostics& diags) const {
  const Template& tmpl = template_for(report, options);
  const image::FigureImages figures = prepare_figures(report, options, /*encode=*/false, /*flatten=*/false, diags);
  LayoutOptions lo;
  lo.figures = &figures;
  layout_report(report, tmpl, *fonts_, diags, lo);
}

RenderResult Engine::render_bytes(std::string_view xml, const std::string& name, const std::filesystem::path& base_dir,
                                  const RenderOptions& options, Diagnostics& diags) const {
  Timings times;
  const model::Report report = [&] {
    const ScopedTimer timer(&times, "parse");
    return read_report_bytes(xml, name, base_dir, diags, input_options(options));
  }();
  return render_report(report, options, diags, std::move(times));
}

RenderResult Engine::render_report(const model::Report& report, const RenderOptions& options, Diagnostics& diags,
                                   Timings times) const {
  RenderResult r;
  r.times = std::move(times);
  const Template& tmpl = template_for(report, options);
  // Found before layout, so a missing profile costs no layout time.
  std::optional<PdfA> pdfa;
  if (options.pdfa.value_or(tmpl.default_pdfa)) pdfa = PdfA{output_profile()};
  // PDF/A-1 allows no transparency: figures' alpha is flattened onto white.
  // Figures one at a time, on this thread: each is decoded, compressed and
  // released before the next, which bounds memory (image/figures.h).
  const image::FigureImages figures = [&] {
    const ScopedTimer timer(&r.times, "image");
    return prepare_figures(report, options, /*encode=*/true, /*flatten=*/pdfa.has_value(), diags);
  }();
  // One pool for every thread of this render, whatever the stage.
  TaskPool tasks(options.threads);
  const std::vector<Task<void>> coverage = load_ahead(tmpl, *fonts_, tasks);
  LayoutOptions lo;
  lo.breaker = options.breaker;
  lo.figures = &figures;
  lo.tasks = &tasks;
  PageSequence pages = [&] {
    const ScopedTimer timer(&r.times, "layout");
    return layout_report(report, tmpl, *fonts_, diags, lo, &r.times);
  }();
  r.pages = pages.pages.size();
  pages.info = document_info(report);
  PdfOptions po;
  po.impose = options.impose.value_or(tmpl.default_impose == "a3-booklet" ? Imposition::A3Booklet : Imposition::None);
  // A saddle-stitched booklet beyond 15 sheets (60 pages) will not fold
  // flat nor take a staple: say so, and how to print it in parts.
  if (options.split_booklets) po.booklet_max_pages = kMaxBookletPages;
  else if (po.impose == Imposition::A3Booklet && pages.pages.size() > kMaxBookletPages)
    diags.warn({report.source_file, 0, 0}, "booklet.too-thick",
               {{"pages", pages.pages.size()}, {"sheets", (pages.pages.size() + 3) / 4}, {"max", kMaxBookletPages}});
  po.long_edge_duplex = options.long_edge_duplex;
  po.gap_copies = options.gap_copies;
  po.timestamp = options.timestamp;
  po.pdfa = std::move(pdfa);
  po.tasks = &tasks;
  {
    const ScopedTimer timer(&r.times, "pdf");
    r.pdf = write_pdf(pages, po, &r.times, &diags);
  }
  return r;
}

}  // namespace banshi
