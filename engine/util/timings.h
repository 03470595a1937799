// Where a render's time goes, measured one way for every stage: wall-clock
// milliseconds on the thread that renders, each stage timed by a
// ScopedTimer, a stage's parts named under it ("layout/prepare"). Work a
// stage hands to another thread is not counted (it did not cost the render
// that time), so a part never exceeds what contains it. Timers cost two
// clock reads; with no Timings (nullptr) they cost nothing.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace banshi {

class Timings {
 public:
  Timings() : owner_(std::this_thread::get_id()) {}

  // Adds `ms` to `stage` ("pdf", "pdf/subset"); stages keep the order in
  // which they were first timed.
  void add(std::string_view stage, double ms);
  // 0 for a stage never timed.
  double ms(std::string_view stage) const;
  const std::vector<std::pair<std::string, double>>& stages() const { return stages_; }
  // Whether timers on this thread count: only the rendering thread's do.
  bool counts_here() const { return std::this_thread::get_id() == owner_; }

  // One line, parts in parentheses after their stage:
  // "parse 0.5, layout 11.3 (prepare 6.6, break 3.9, paginate 0.5), pdf 33.5 (subset 8.0, write 25.1)".
  std::string report() const;

 private:
  std::thread::id owner_;
  std::vector<std::pair<std::string, double>> stages_;
};

// Times its own scope into `timings` under `stage` (a literal: the name is
// not copied).
class ScopedTimer {
 public:
  ScopedTimer(Timings* timings, std::string_view stage)
      : timings_(timings && timings->counts_here() ? timings : nullptr), stage_(stage) {
    if (timings_) start_ = std::chrono::steady_clock::now();
  }
  ~ScopedTimer() {
    if (timings_)
      timings_->add(stage_,
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count());
  }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

 private:
  Timings* timings_;
  std::string_view stage_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace banshi
