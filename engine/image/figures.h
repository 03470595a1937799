// The image stage, between the XML (or Word) reader and layout: every
// figure of a report gets its PreparedImage, one image at a time — read,
// decoded, compressed and its pixels released before the next — so a
// report of many large figures costs the compressed images, not their
// pixels. The same source in several figures is prepared once.
//
// Every refused figure is reported at its <figure src> (file:line:column,
// the XML path and the form's label), all of them at once; then the last
// is thrown as InputError, the others being in `diags` before it.
#pragma once

#include <memory>
#include <unordered_map>

#include "image/figure_files.h"
#include "image/prepare.h"
#include "image/prepared.h"
#include "model/document.h"
#include "util/diag.h"

namespace banshi::image {

using FigureImages = std::unordered_map<const model::Figure*, std::shared_ptr<const PreparedImage>>;

FigureImages prepare_figures(const model::Report& report, const FigureFiles& files, const PrepareOptions& options,
                             Diagnostics& diags);

}  // namespace banshi::image
