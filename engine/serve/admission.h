// How many renders run at once, and how long the rest may wait: `slots`
// requests hold a worker, up to `queue` more wait for one in the order
// they came, each at most `wait`; beyond that the server is busy (503)
// rather than letting requests pile up without bound.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace banshi::serve {

class Admission {
 public:
  Admission(size_t slots, size_t queue, std::chrono::milliseconds wait);

  // A worker held until it goes out of scope.
  class Slot {
   public:
    explicit Slot(Admission* a) : a_(a) {}
    Slot(Slot&& other) noexcept : a_(std::exchange(other.a_, nullptr)) {}
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (a_) a_->release();
    }

   private:
    Admission* a_;
  };

  // A worker, or nullopt when the queue is full or the wait ran out.
  std::optional<Slot> enter();

  size_t running() const;
  size_t waiting() const;
  size_t slots() const { return slots_; }

 private:
  void release();

  const size_t slots_, queue_;
  const std::chrono::milliseconds wait_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  size_t running_ = 0;
  std::deque<uint64_t> waiting_;  // tickets, first come first served
  uint64_t next_ticket_ = 0;
};

}  // namespace banshi::serve
