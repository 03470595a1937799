// Every page's content stream made on the render's pool while the writer
// builds the document around them: a page's operators (content_stream.h)
// and their deflating depend only on the page and on resources already
// made, so pages are made in runs of a few on whichever thread is free,
// and the writer takes each in order, its bytes the same either way.
#pragma once

#include <string>
#include <vector>

#include "page/display_list.h"
#include "pdf/content_stream.h"
#include "util/task_pool.h"

namespace banshi::pdf {

struct PageContent {
  std::string data;  // deflated (zlib format) when `compress`, else plain
  ResourceNames names;
};

class PageContents {
 public:
  // Starts making the content of each of `pages` (none: each is made when
  // taken). `res` and the pages must outlive this object.
  PageContents(const std::vector<Page>& pages, const DocumentResources& res, bool compress, TaskPool* tasks);

  // Page k's content, once (k in order or not); waits for it if needed.
  PageContent take(size_t k);

 private:
  // How many pages one task makes: enough to pay for its Deflater's tables
  // (allocated and faulted in once per task), few enough that the writer
  // gets the first pages early and the threads share the rest.
  static constexpr size_t kPagesPerTask = 4;

  std::vector<Task<std::vector<PageContent>>> runs_;
  std::vector<std::vector<PageContent>> taken_;  // runs_ taken so far, by run
};

}  // namespace banshi::pdf
