// One way of timing every stage: scoped timers on the rendering thread,
// parts under their stage, and one report line.
#include <gtest/gtest.h>

#include <thread>

#include "util/timings.h"

namespace banshi {
namespace {

TEST(Timings, ReportNestsPartsUnderTheirStage) {
  Timings t;
  t.add("parse", 0.5);
  t.add("layout", 11.25);
  t.add("layout/prepare", 6.5);
  t.add("layout/break", 3.9);
  t.add("pdf", 33.5);
  t.add("layout/prepare", 0.1);  // added up, in first-timed order
  t.add("pdf/subset", 8);
  EXPECT_EQ(t.report(), "parse 0.5, layout 11.2 (prepare 6.6, break 3.9), pdf 33.5 (subset 8.0)");
  EXPECT_DOUBLE_EQ(t.ms("layout/prepare"), 6.6);
  EXPECT_EQ(t.ms("never"), 0);
}

TEST(Timings, TimersOnOtherThreadsDoNotCount) {
  // Work handed to another thread did not cost the render that time; were
  // it added, a part could exceed its stage (prepare longer than layout).
  Timings t;
  {
    const ScopedTimer outer(&t, "layout");
    std::thread([&] { const ScopedTimer inner(&t, "layout/prepare"); }).join();
  }
  EXPECT_GT(t.ms("layout"), 0);
  EXPECT_EQ(t.ms("layout/prepare"), 0);
  const ScopedTimer nothing(nullptr, "x");  // no Timings: no cost, no crash
}

}  // namespace
}  // namespace banshi
