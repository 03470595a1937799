#include "pdf/page_contents.h"

#include <algorithm>
#include <optional>

#include "pdf/deflate.h"

namespace banshi::pdf {

PageContents::PageContents(const std::vector<Page>& pages, const DocumentResources& res, bool compress,
                           TaskPool* tasks) {
  for (size_t first = 0; first < pages.size(); first += kPagesPerTask) {
    const size_t end = std::min(pages.size(), first + kPagesPerTask);
    runs_.push_back(run_on(tasks, [&pages, &res, compress, first, end] {
      std::vector<PageContent> out(end - first);
      std::optional<Deflater> deflate;
      if (compress) deflate.emplace(Deflater::kStream);
      for (size_t k = first; k < end; ++k) {
        PageContent& c = out[k - first];
        c.data = page_content(pages[k], res, c.names);
        if (deflate) c.data = (*deflate)(c.data);
      }
      return out;
    }));
  }
  taken_.resize(runs_.size());
}

PageContent PageContents::take(size_t k) {
  const size_t run = k / kPagesPerTask;
  if (runs_[run].valid()) taken_[run] = runs_[run].get();
  return std::move(taken_[run][k % kPagesPerTask]);
}

}  // namespace banshi::pdf
