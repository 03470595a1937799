// The threads one render may use besides its own, bounded for the whole
// render: every place that works in parallel (the form pages beside the
// outcome, a font's subset, its deflated pieces) submits to the same pool,
// so a render never runs more than `threads` extra threads however the
// work nests — and a batch or server child, whose parallelism is the jobs
// themselves, gives its renders none.
//
// A task that no thread has started yet when its result is wanted runs on
// the thread that wants it, and a thread waiting for a task running
// elsewhere runs other queued tasks meanwhile: nested waits cannot
// deadlock a small pool, the waiting thread is never idle while there is
// work, and with no threads at all every task simply runs where get() is
// called, in the same order, with the same result.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace banshi {

class TaskPool;

namespace task_detail {

// A task's work and its state: queued, running (claimed by one thread) or
// done. Whoever claims it runs it; get() waits only for a running task.
class Work {
 public:
  virtual ~Work() = default;
  bool done() const { return state_.load() == kDone; }
  // Runs the work if no one has; false if someone else has it.
  bool claim_and_run() {
    int expected = kQueued;
    if (!state_.compare_exchange_strong(expected, kRunning)) return false;
    run();
    {
      std::lock_guard lock(mutex_);
      state_ = kDone;
    }
    done_.notify_all();
    return true;
  }
  // Runs the work here if no one has started it; else, while it runs
  // elsewhere, helps `pool` with other queued work, then waits.
  void wait(TaskPool* pool);
  // For a result no one will want: work not started is dropped (it may
  // refer to what its submitter is about to destroy); running work is
  // waited for, as a std::async future would be.
  void cancel_or_wait() {
    int expected = kQueued;
    if (state_.compare_exchange_strong(expected, kDone)) return;
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return state_.load() == kDone; });
  }

 protected:
  virtual void run() = 0;

 private:
  static constexpr int kQueued = 0, kRunning = 1, kDone = 2;
  std::atomic<int> state_{kQueued};
  std::mutex mutex_;
  std::condition_variable done_;
};

template <class R>
class TypedWork : public Work {
 public:
  explicit TypedWork(std::function<R()> f) : f_(std::move(f)) {}
  R take() {
    if (error_) std::rethrow_exception(error_);
    if constexpr (!std::is_void_v<R>) return std::move(*value_);
  }

 private:
  void run() override {
    try {
      if constexpr (std::is_void_v<R>) f_();
      else value_.emplace(f_());
    } catch (...) {
      error_ = std::current_exception();
    }
    f_ = nullptr;
  }
  std::function<R()> f_;
  std::conditional_t<std::is_void_v<R>, char, std::optional<R>> value_{};
  std::exception_ptr error_;
};

}  // namespace task_detail

// The result of submitted work. get() runs the work on this thread if no
// pool thread has started it, else waits for it; it returns (or rethrows)
// once. A Task dropped without get() cancels work not yet started and
// waits for work already running.
template <class R>
class Task {
 public:
  Task() = default;
  Task(Task&& other) noexcept : work_(std::move(other.work_)), pool_(other.pool_) {}
  Task& operator=(Task&& other) noexcept {
    if (this != &other) {
      drop();
      work_ = std::move(other.work_);
      pool_ = other.pool_;
    }
    return *this;
  }
  ~Task() { drop(); }

  R get() {
    work_->wait(pool_);
    auto work = std::move(work_);
    return work->take();
  }
  bool valid() const { return work_ != nullptr; }

 private:
  friend class TaskPool;
  Task(std::shared_ptr<task_detail::TypedWork<R>> w, TaskPool* pool) : work_(std::move(w)), pool_(pool) {}
  void drop() {
    if (work_) std::exchange(work_, nullptr)->cancel_or_wait();
  }
  std::shared_ptr<task_detail::TypedWork<R>> work_;
  TaskPool* pool_ = nullptr;
};

class TaskPool {
 public:
  // Up to `threads` threads besides the callers', started when work is
  // first submitted. 0: every task runs on the thread that calls get().
  explicit TaskPool(unsigned threads) : max_threads_(threads) {}
  // Joins the threads once they have finished what they are running;
  // queued work left behind runs where its Task's get() is called.
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  unsigned threads() const { return max_threads_; }

  // Work that runs where its Task's get() is called: for a caller without
  // a pool.
  template <class F>
  static Task<std::invoke_result_t<F>> deferred(F&& f) {
    using R = std::invoke_result_t<F>;
    return Task<R>(std::make_shared<task_detail::TypedWork<R>>(std::function<R()>(std::forward<F>(f))), nullptr);
  }

  template <class F>
  Task<std::invoke_result_t<F>> submit(F&& f) {
    using R = std::invoke_result_t<F>;
    auto work = std::make_shared<task_detail::TypedWork<R>>(std::function<R()>(std::forward<F>(f)));
    if (max_threads_ == 0) return Task<R>(std::move(work), nullptr);
    enqueue(work);
    return Task<R>(std::move(work), this);
  }

  // Runs one queued task on this thread; false when none is queued.
  bool run_one();

 private:
  void enqueue(std::shared_ptr<task_detail::Work> work);
  void worker();

  const unsigned max_threads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<task_detail::Work>> queue_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;  // threads waiting for work
  bool stopping_ = false;
};

// `pool`'s submit, or deferred() without a pool.
template <class F>
Task<std::invoke_result_t<F>> run_on(TaskPool* pool, F&& f) {
  return pool ? pool->submit(std::forward<F>(f)) : TaskPool::deferred(std::forward<F>(f));
}

}  // namespace banshi
