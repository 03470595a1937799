#include "image/figures.h"

#include <functional>
#include <map>
#include <string_view>

#include "util/utf8.h"

namespace banshi::image {

namespace {

void each_figure(const model::Blocks& blocks, const std::function<void(const model::Figure&)>& fn) {
  for (const model::Block& b : blocks) {
    if (const auto* f = std::get_if<model::Figure>(&b.node)) fn(*f);
    else if (const auto* s = std::get_if<model::Section>(&b.node)) each_figure(s->blocks, fn);
  }
}

// The src as a message shows it: a hostile 100 KB name is cut.
std::string shown(std::string_view src) {
  constexpr size_t kMax = 80;
  size_t i = 0, n = 0;
  while (i < src.size() && n < kMax) {
    utf8_next(src, i);
    ++n;
  }
  return i < src.size() ? std::string(src.substr(0, i)) + "…" : std::string(src);
}

std::string origin_key(const model::FigureImage& im) {
  return std::to_string(static_cast<int>(im.origin)) + ":" + im.name;
}

}  // namespace

FigureImages prepare_figures(const model::Report& report, const FigureFiles& files, const PrepareOptions& options,
                             Diagnostics& diags) {
  FigureImages images;
  std::map<std::string, std::variant<std::shared_ptr<const PreparedImage>, Refusal>> done;
  std::vector<Diagnostic> refused;
  each_figure(report.outcome.body, [&](const model::Figure& f) {
    // The bytes, from the model (an importer's) or found by their name.
    std::variant<model::FigureImage, Refusal> source =
        f.image.bytes ? std::variant<model::FigureImage, Refusal>(f.image) : files.load(f.image.name);
    std::variant<std::shared_ptr<const PreparedImage>, Refusal> outcome;
    if (auto* r = std::get_if<Refusal>(&source)) {
      outcome = *r;
    } else {
      model::FigureImage& im = std::get<model::FigureImage>(source);
      const std::string key = origin_key(im);
      if (auto it = done.find(key); it != done.end()) {
        outcome = it->second;
      } else {
        auto prepared = prepare_image(std::move(im.bytes), options);
        if (auto* p = std::get_if<PreparedImage>(&prepared)) {
          p->name = im.name;
          outcome = std::make_shared<const PreparedImage>(std::move(*p));
        } else outcome = std::get<Refusal>(prepared);
        done.emplace(key, outcome);
      }
    }
    if (auto* p = std::get_if<std::shared_ptr<const PreparedImage>>(&outcome)) {
      images.emplace(&f, *p);
      return;
    }
    Refusal r = std::get<Refusal>(outcome);
    r.with("src", shown(f.src.empty() ? f.image.name : f.src));
    refused.push_back(Diagnostic(Severity::Error, r.code, std::move(r.args))
                          .at(report.loc(f.src_pos))
                          .about(f.src_path, f.src_label));
  });
  if (refused.empty()) return images;
  for (size_t i = 0; i + 1 < refused.size(); ++i) diags.add(std::move(refused[i]));
  throw InputError(std::move(refused.back()));
}

}  // namespace banshi::image
