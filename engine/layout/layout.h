// The layout stage: a report and its template in, positioned pages out.
#pragma once

#include "fonts/font_set.h"
#include "image/figures.h"
#include "model/document.h"
#include "page/display_list.h"
#include "para/linebreak.h"
#include "style/template.h"
#include "util/diag.h"
#include "util/task_pool.h"
#include "util/timings.h"

namespace banshi {

struct LayoutOptions {
  Breaker breaker = Breaker::Optimal;
  // Limits that keep hostile input from taking unbounded time or memory;
  // past them the report is refused with a clear message.
  size_t max_paragraph_chars = 100'000;  // about 120 pages of 3号 text
  size_t max_pages = 2'000;
  // The figures' images, prepared by the image stage (image/figures.h);
  // needed when the report has figures.
  const image::FigureImages* figures = nullptr;
  // The render's threads: a form's fixed pages are laid out on one while
  // the outcome is; none: one after the other. The pages are the same.
  TaskPool* tasks = nullptr;
};

// Lays out the whole report: the template's front pages, then the outcome.
// Throws InputError for content the template cannot print. `timings`
// gets "layout/prepare" (itemizing, shaping), "layout/break" (breaking and
// setting lines) and "layout/paginate".
PageSequence layout_report(const model::Report& report, const Template& tmpl, const FontSet& fonts, Diagnostics& diags,
                           const LayoutOptions& options = {}, Timings* timings = nullptr);

}  // namespace banshi
