// The whole pipeline behind one object: find the data (templates, font
// map), load the fonts once, then render reports. One Engine serves every
// job of a batch: its fonts and templates are read-only once loaded.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fonts/font_set.h"
#include "image/figures.h"
#include "model/document.h"
#include "para/linebreak.h"
#include "pdf/writer.h"
#include "render/input.h"
#include "style/template.h"
#include "util/diag.h"
#include "util/timings.h"
#include "xml/parse.h"

namespace banshi {

// Where templates/, fonts/ and audit/ live: $BANSHI_DATA_DIR, else
// ../share/banshi from the executable (an installed copy, wherever its
// prefix is), else — for a binary inside the build tree only — the source
// tree it was built from. Throws EngineError (data.missing) otherwise.
std::filesystem::path find_data_dir(const char* argv0);

struct RenderOptions {
  std::optional<Imposition> impose;  // unset: the template's default
  std::optional<bool> pdfa;          // PDF/A-1b; unset: the template's default
  bool long_edge_duplex = false;
  // Gaps a reader would take for spaces carried by glyph copies
  // (pdf/glyph_copies.h); false: by positioning alone, as the tests
  // compare (tests/unit/render_gap_copies_test.cpp).
  bool gap_copies = true;
  bool split_booklets = false;       // a booklet past 60 pages as several (--split-booklets)
  std::optional<int64_t> timestamp;  // SOURCE_DATE_EPOCH
  Breaker breaker = Breaker::Optimal;
  std::string template_override;  // render with this template instead
  // The outcome comes from this file, the form from the input (--outcome).
  std::filesystem::path outcome_file;
  // Directories figures may come from besides the report's own (--figures).
  std::vector<std::filesystem::path> figure_roots;
  // A caller's own source of figure bytes (a server's uploads); null:
  // files under the report's directory and figure_roots.
  const image::FigureFiles* figure_files = nullptr;
  // Threads a render may use besides its own (the form pages beside the
  // outcome, fonts subset and deflated side by side); 0: none. The PDF is
  // the same whatever the number.
  unsigned threads = 0;
};

struct RenderResult {
  std::string pdf;
  size_t pages = 0;  // A4 pages
  // "parse", "image", "layout" (its parts "layout/prepare", "layout/break",
  // "layout/paginate"), "pdf" ("pdf/subset", "pdf/write"): wall-clock
  // milliseconds on the rendering thread.
  Timings times;
};

class Engine {
 public:
  // Loads the font map; substitution warnings go to `diags`. `word` reads
  // Word inputs (engine/word); null where none can arrive (render/input.h).
  Engine(std::filesystem::path data_dir, Diagnostics& diags, std::shared_ptr<const WordReader> word);

  const std::filesystem::path& data_dir() const { return data_dir_; }
  const FontSet& fonts() const { return *fonts_; }
  // Loads (once) and returns a template by name; InputError for a name
  // that is not installed.
  const Template& template_named(const std::string& name, const SourceLoc& where = {}) const;

  // Loads now what the first render would otherwise load: every installed
  // template, the output colour profile. A batch or a server calls it once
  // before forking its jobs, which then share it instead of each loading
  // its own.
  void preload() const;
  // Renders each template's warm-up.xml (templates/NAME/warm-up.xml), on
  // this thread alone, and throws the result away: what a first render
  // loads lazily (font coverage and shaping tables, line-break
  // dictionaries) is then loaded before the jobs are forked. Returns how
  // many rendered; a failure is no one's problem but the next job's.
  size_t warm_up() const;

  // Parses, lays out and writes one report. Input problems throw
  // InputError; warnings go to `diags`.
  RenderResult render(const std::filesystem::path& input, const RenderOptions& options, Diagnostics& diags) const;
  // Everything render does short of writing the PDF: parse, template,
  // layout (which finds characters no font has). Problems go to `diags`;
  // input errors are thrown as for render.
  // Images are decoded and checked as for render, but not compressed.
  void check(const std::filesystem::path& input, Diagnostics& diags, const RenderOptions& options = {}) const;

  // The sRGB profile of PDF/A's output intent, found and read on first use
  // (pdf::find_srgb_profile) and shared by every job after; EngineError
  // saying where it looked when there is none.
  std::shared_ptr<const pdf::IccProfile> output_profile() const;

  // The fields a report's template requires (the template with
  // options.template_override, else the report's), for parse_report: a
  // report parsed with it is checked as render and check check it.
  RequiredFields requirements(const RenderOptions& options) const;
  // How render and check read a report of any kind: with requirements().
  InputOptions input_options(const RenderOptions& options) const;

  RenderResult render_bytes(std::string_view xml, const std::string& name, const std::filesystem::path& base_dir,
                            const RenderOptions& options, Diagnostics& diags) const;

  // render() and check() for a report already parsed (the server reads it
  // itself, to give its figures their uploaded bytes).
  RenderResult render_report(const model::Report& report, const RenderOptions& options, Diagnostics& diags,
                             Timings times = {}) const;
  void check_report(const model::Report& report, const RenderOptions& options, Diagnostics& diags) const;

 private:
  const Template& template_for(const model::Report& report, const RenderOptions& options) const;

  std::filesystem::path data_dir_;
  std::shared_ptr<const WordReader> word_;
  std::shared_ptr<const FontSet> fonts_;
  mutable std::mutex templates_mutex_;
  mutable std::map<std::string, std::unique_ptr<Template>> templates_;
  mutable std::mutex profile_mutex_;
  mutable std::shared_ptr<const pdf::IccProfile> output_profile_;
};

}  // namespace banshi
