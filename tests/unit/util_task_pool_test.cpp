// The render's shared pool: never more threads than it was given, however
// tasks nest; results in the order asked for; exceptions carried to get();
// work not started runs where it is wanted, so no number of threads (none
// included) can deadlock it.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "util/task_pool.h"

namespace banshi {
namespace {

// The threads that ran some work, besides the test's own.
class ThreadCount {
 public:
  void note() {
    std::lock_guard lock(mutex_);
    if (std::this_thread::get_id() != main_) ids_.insert(std::this_thread::get_id());
  }
  size_t others() {
    std::lock_guard lock(mutex_);
    return ids_.size();
  }

 private:
  std::thread::id main_ = std::this_thread::get_id();
  std::mutex mutex_;
  std::set<std::thread::id> ids_;
};

// Three levels, as a render nests them: fonts, each font's deflate, its
// pieces; each level waits for the one below.
long nested(TaskPool* pool, ThreadCount& count) {
  std::vector<Task<long>> fonts;
  for (int f = 0; f < 6; ++f) {
    fonts.push_back(run_on(pool, [pool, &count, f] {
      count.note();
      std::vector<Task<long>> pieces;
      for (int p = 0; p < 5; ++p)
        pieces.push_back(run_on(pool, [&count, f, p] {
          count.note();
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
          return static_cast<long>(f * 10 + p);
        }));
      long sum = 0;
      for (auto& p : pieces) sum += p.get();
      return sum;
    }));
  }
  long total = 0;
  for (auto& f : fonts) total = total * 1000 + f.get();  // order matters
  return total;
}

TEST(TaskPool, NestedWorkGivesTheSameResultWithAnyNumberOfThreads) {
  ThreadCount none;
  const long expected = nested(nullptr, none);
  EXPECT_EQ(none.others(), 0u);
  for (unsigned threads : {0u, 1u, 2u, 4u}) {
    ThreadCount count;
    TaskPool pool(threads);
    EXPECT_EQ(nested(&pool, count), expected) << threads << " threads";
    EXPECT_LE(count.others(), threads) << "more threads than the pool was given";
  }
}

TEST(TaskPool, NoThreadsMeansEverythingRunsAtGet) {
  TaskPool pool(0);
  std::atomic<int> ran{0};
  auto t = pool.submit([&] { return ++ran; });
  EXPECT_EQ(ran.load(), 0);
  EXPECT_EQ(t.get(), 1);
}

TEST(TaskPool, ExceptionsReachGet) {
  for (unsigned threads : {0u, 2u}) {
    TaskPool pool(threads);
    auto t = pool.submit([]() -> int { throw std::runtime_error("subset failed"); });
    EXPECT_THROW(t.get(), std::runtime_error);
  }
}

TEST(TaskPool, DroppedTaskIsCancelledNotRunLater) {
  std::atomic<int> ran{0};
  {
    TaskPool pool(1);
    // Keep the one thread busy so the second task is still queued when
    // its Task goes away.
    std::atomic<bool> release{false};
    auto busy = pool.submit([&] {
      while (!release) std::this_thread::yield();
      return 0;
    });
    {
      auto dropped = pool.submit([&] { return ++ran; });
    }
    release = true;
    busy.get();
  }
  EXPECT_EQ(ran.load(), 0);
}

TEST(TaskPool, AWaitingThreadHelpsWithQueuedWork) {
  // One pool thread, busy with a slow task; the caller waiting for it runs
  // the queued tasks meanwhile instead of idling.
  TaskPool pool(1);
  std::atomic<bool> slow_started{false};
  std::atomic<int> quick_done{0};
  auto slow = pool.submit([&] {
    slow_started = true;
    // Busy until the quick tasks are done: only the waiting caller can
    // have run them.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (quick_done < 4 && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
    return 0;
  });
  while (!slow_started) std::this_thread::yield();
  std::vector<Task<std::thread::id>> quick;
  for (int k = 0; k < 4; ++k)
    quick.push_back(pool.submit([&] {
      ++quick_done;
      return std::this_thread::get_id();
    }));
  slow.get();
  const auto me = std::this_thread::get_id();
  size_t here = 0;
  for (auto& q : quick) here += q.get() == me;
  EXPECT_EQ(here, 4u);
}

}  // namespace
}  // namespace banshi
