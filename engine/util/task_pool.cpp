#include "util/task_pool.h"

namespace banshi {

void task_detail::Work::wait(TaskPool* pool) {
  if (claim_and_run()) return;
  while (pool && !done() && pool->run_one()) {
  }
  std::unique_lock lock(mutex_);
  done_.wait(lock, [this] { return state_.load() == kDone; });
}

bool TaskPool::run_one() {
  std::shared_ptr<task_detail::Work> work;
  {
    std::lock_guard lock(mutex_);
    if (queue_.empty()) return false;
    work = std::move(queue_.front());
    queue_.pop_front();
  }
  work->claim_and_run();
  return true;
}

TaskPool::~TaskPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();
}

void TaskPool::enqueue(std::shared_ptr<task_detail::Work> work) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(work));
    // A thread more only while there is more queued than idle threads can
    // take, and never past the bound.
    if (threads_.size() < max_threads_ && queue_.size() > idle_) threads_.emplace_back([this] { worker(); });
  }
  wake_.notify_one();
}

void TaskPool::worker() {
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_;
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    --idle_;
    if (stopping_) return;
    auto work = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    work->claim_and_run();  // false when its get() took it first
    work.reset();
    lock.lock();
  }
}

}  // namespace banshi
