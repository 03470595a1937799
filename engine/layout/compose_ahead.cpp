#include "layout/compose_ahead.h"

#include <utility>

namespace banshi {

Task<ComposedParagraph> ComposeAhead::compose(CollectedText text, const ParagraphSpec& spec) {
  if (!tasks_ || tasks_->threads() == 0) {
    // No pool: composed here and now, exactly as a walk without one would.
    return TaskPool::deferred([p = own_.compose(text, spec)]() mutable { return std::move(p); });
  }
  return tasks_->submit([this, text = std::move(text), spec] { return composer_here().compose(text, spec); });
}

ParagraphComposer& ComposeAhead::composer_here() {
  const std::thread::id here = std::this_thread::get_id();
  if (here == owner_) return own_;
  std::lock_guard lock(mutex_);
  std::unique_ptr<ParagraphComposer>& c = others_[here];
  // Made on the thread that uses it: its first paragraph pays for the
  // shaper and ICU's breaker, not the walk.
  if (!c) c = std::make_unique<ParagraphComposer>(fonts_, breaker_);
  return *c;
}

void ComposeAhead::absorb_into_own() {
  std::lock_guard lock(mutex_);
  for (auto& [thread, composer] : others_) own_.preparer().absorb(composer->preparer());
}

}  // namespace banshi
