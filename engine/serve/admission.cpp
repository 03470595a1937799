#include "serve/admission.h"

#include <algorithm>

namespace banshi::serve {

Admission::Admission(size_t slots, size_t queue, std::chrono::milliseconds wait)
    : slots_(std::max<size_t>(slots, 1)), queue_(queue), wait_(wait) {}

std::optional<Admission::Slot> Admission::enter() {
  std::unique_lock lock(mutex_);
  if (running_ < slots_ && waiting_.empty()) {
    ++running_;
    return Slot(this);
  }
  if (waiting_.size() >= queue_) return std::nullopt;
  const uint64_t ticket = next_ticket_++;
  waiting_.push_back(ticket);
  const bool admitted = changed_.wait_for(lock, wait_, [&] { return running_ < slots_ && waiting_.front() == ticket; });
  waiting_.erase(std::find(waiting_.begin(), waiting_.end(), ticket));
  // The next in line may go now (a slot is free) or is first now.
  changed_.notify_all();
  if (!admitted) return std::nullopt;
  ++running_;
  return Slot(this);
}

void Admission::release() {
  {
    std::lock_guard lock(mutex_);
    --running_;
  }
  changed_.notify_all();
}

size_t Admission::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

size_t Admission::waiting() const {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

}  // namespace banshi::serve
