// Paragraphs composed on the render's pool while the block walk goes on.
//
// A paragraph's composition (prepare, break, finalize) depends only on its
// collected text, its spec and the shared, immutable FontSet, so the walk
// hands each ordinary paragraph to the pool and goes on collecting the
// next; the flow takes the lines in document order when they are ready
// (Flow::add_paragraph with a Task). Each pool thread composes with a
// composer of its own (a Preparer is not shared between threads); a task
// that ends up running on the walk's own thread uses the walk's composer.
// The lines are the same whichever composer sets them.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "para/compose.h"
#include "util/task_pool.h"

namespace banshi {

class ComposeAhead {
 public:
  // `own`: the walk's composer, used on the thread that makes this object.
  // `tasks` null: every paragraph is composed at once, in line.
  ComposeAhead(ParagraphComposer& own, const FontSet& fonts, Breaker breaker, TaskPool* tasks)
      : own_(own), owner_(std::this_thread::get_id()), fonts_(fonts), breaker_(breaker), tasks_(tasks) {}
  ComposeAhead(const ComposeAhead&) = delete;
  ComposeAhead& operator=(const ComposeAhead&) = delete;

  // `text` composed to `spec`, now or on the pool.
  Task<ComposedParagraph> compose(CollectedText text, const ParagraphSpec& spec);

  // Hands what the pool threads' composers noted (characters set in a
  // fallback font) to the walk's composer, which reports them. Call once
  // every task is done.
  void absorb_into_own();

 private:
  // The composer of the calling thread.
  ParagraphComposer& composer_here();

  ParagraphComposer& own_;
  const std::thread::id owner_;
  const FontSet& fonts_;
  const Breaker breaker_;
  TaskPool* const tasks_;
  std::mutex mutex_;  // guards others_ (each entry is used by its thread alone)
  std::map<std::thread::id, std::unique_ptr<ParagraphComposer>> others_;
};

}  // namespace banshi
