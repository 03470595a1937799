#include "render/threads.h"

#include <algorithm>
#include <thread>

namespace banshi {

unsigned render_threads(unsigned jobs) {
  const unsigned per_job = std::max(1u, std::thread::hardware_concurrency()) / std::max(1u, jobs);
  return std::min(3u, per_job > 0 ? per_job - 1 : 0);
}

}  // namespace banshi
