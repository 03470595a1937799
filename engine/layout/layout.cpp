#include "layout/layout.h"

#include <exception>
#include <iterator>
#include <vector>

#include "layout/block_walk.h"
#include "layout/flow.h"
#include "layout/form.h"
#include "layout/inline_text.h"
#include "layout/notes.h"
#include "layout/numbering.h"
#include "layout/paginate.h"
#include "para/compose.h"

namespace banshi {

namespace {

using namespace model;

// The form's pages, laid out apart from the outcome: they share nothing
// with it until pagination (no notes, no citations, no numbering), so
// they get a composer and registries of their own and may be laid out on
// another thread.
struct FrontPages {
  FrontPages(const FontSet& fonts, Breaker breaker) : composer(fonts, breaker) {}
  ParagraphComposer composer;
  NoteRegistry notes;
  CitationRegistry cites;
  InlineCollector collector{notes, cites};
  Diagnostics diags;
  Flow flow;
};

// One layout of a report: the form's pages beside the outcome's block
// walk (block_walk.h), then pagination with the template's folio and the
// page limit.
class DocumentLayout {
 public:
  DocumentLayout(const Report& report, const Template& tmpl, const FontSet& fonts, Diagnostics& diags,
                 const LayoutOptions& options, const std::vector<int>* note_numbers = nullptr)
      : options_(options),
        report_(report),
        tmpl_(tmpl),
        fonts_(fonts),
        diags_(diags),
        walk_(report, tmpl, fonts, diags, options, note_numbers) {}

  Pagination run(Timings* timings = nullptr);

 private:
  // Lays out the outcome while the front pages are laid out on another
  // thread, then puts their flow and warnings first, as in the document.
  void front_pages_and_outcome(Timings* timings);
  // 续, drawn where a continued note's number stood.
  ComposedLine continued_mark();

  const LayoutOptions& options_;
  const Report& report_;
  const Template& tmpl_;
  const FontSet& fonts_;
  Diagnostics& diags_;
  BlockWalk walk_;
};

void DocumentLayout::front_pages_and_outcome(Timings* timings) {
  if (tmpl_.front.empty()) {
    walk_.outcome();
    return;
  }
  // About a quarter of a full 结项申请书's layout time is its form pages:
  // a task of the render's pool, beside the outcome when the render has a
  // thread for it. Measured (A/B on two cores, --threads 1,
  // 80 pairs): the full sample takes 1.05 × as long with this task run in
  // line.
  FrontPages front(fonts_, options_.breaker);
  // Counted when they run on this thread; on another, they cost it nothing.
  front.composer.time_into(timings);
  auto job = run_on(options_.tasks, [this, &front] {
    FormEnv env{tmpl_, fonts_, front.composer, front.collector, front.diags, report_};
    layout_front(env, front.flow);
  });
  const size_t before = diags_.items().size();
  std::exception_ptr outcome_error;
  try {
    walk_.outcome();
  } catch (...) {
    outcome_error = std::current_exception();
  }
  job.get();  // a form error first: it comes first in the document
  if (outcome_error) std::rethrow_exception(outcome_error);

  diags_.insert(before, front.diags);
  front.flow.items.insert(front.flow.items.end(), std::make_move_iterator(walk_.flow().items.begin()),
                          std::make_move_iterator(walk_.flow().items.end()));
  front.flow.notes = std::move(walk_.flow().notes);
  walk_.flow() = std::move(front.flow);
  walk_.composer().preparer().absorb(front.composer.preparer());
}

ComposedLine DocumentLayout::continued_mark() {
  // 续 in the hanging indent where a continued note's number stood, so the
  // reader knows where the lines at a page's foot come from.
  const ParagraphSpec spec = walk_.note_spec();
  CollectedText t;
  SpanStyle mark = span_style(tmpl_.style(Role::Footnote), fonts_);
  mark.box_width = spec.hanging;
  t.push("续", mark);
  ComposedParagraph p = walk_.composer().compose(t, spec);
  return p.lines.empty() ? ComposedLine{} : std::move(p.lines.front());
}

Pagination DocumentLayout::run(Timings* timings) {
  walk_.composer().time_into(timings);
  front_pages_and_outcome(timings);
  PaginateParams params;
  params.tmpl = &tmpl_;
  const TextStyle& ns = tmpl_.style(Role::Footnote);
  params.notes.size = ns.size;
  params.notes.pitch = ns.line_pitch > 0 ? ns.line_pitch : ns.size * 1.5;
  const FolioStyle& fs = tmpl_.folio;
  TextStyle folio_style;
  folio_style.face = fs.face;
  folio_style.size = fs.size;
  folio_style.align = Align::Left;
  folio_style.on_grid = false;
  params.folio = [this, &fs, folio_style](int number) {
    CollectedText t;
    t.push(format_number(fs.format, number), span_style(folio_style, fonts_));
    ComposedParagraph p = walk_.composer().compose(t, walk_.spec_for(folio_style));
    return p.lines.empty() ? ComposedLine{} : std::move(p.lines.front());
  };
  params.continued_mark = continued_mark();
  Pagination pages = [&] {
    const ScopedTimer timer(timings, "layout/paginate");
    return paginate(walk_.flow(), params);
  }();
  walk_.composer().preparer().report(diags_, report_.source_file);
  if (pages.pages.pages.size() > options_.max_pages) {
    throw InputError(
        Diagnostic(Severity::Error, "limit.pages", {{"pages", pages.pages.pages.size()}, {"limit", options_.max_pages}})
            .at({report_.source_file}));
  }
  return pages;
}

// The pages own the images they place (display_list.h).
PageSequence with_images(PageSequence pages, const LayoutOptions& options) {
  if (options.figures)
    for (const auto& [figure, image] : *options.figures) pages.images.push_back(image);
  return pages;
}

}  // namespace

PageSequence layout_report(const model::Report& report, const Template& tmpl, const FontSet& fonts, Diagnostics& diags,
                           const LayoutOptions& options, Timings* timings) {
  if (!tmpl.footnotes.per_page)
    return with_images(DocumentLayout(report, tmpl, fonts, diags, options).run(timings).pages, options);
  // Per-page numbering: a first layout finds each note's page, a second
  // prints the numbers counted from 1 on each page. The markers keep their
  // width, so the second layout breaks the same way.
  Diagnostics first_pass;
  const Pagination draft = DocumentLayout(report, tmpl, fonts, first_pass, options).run(timings);
  std::vector<int> numbers(draft.note_page.size());
  for (size_t k = 0; k < numbers.size(); ++k)
    numbers[k] = (k > 0 && draft.note_page[k] == draft.note_page[k - 1]) ? numbers[k - 1] + 1 : 1;
  return with_images(DocumentLayout(report, tmpl, fonts, diags, options, &numbers).run(timings).pages, options);
}

}  // namespace banshi
