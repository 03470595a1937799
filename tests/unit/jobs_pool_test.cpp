// The job pool: work done in forked children, their answers read back, and
// every way a child can end without one (a crash, a hang, a runaway
// allocation, a parent told to stop) reported as that job's ending while
// the others go on.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <thread>
#include <vector>

#include "jobs/pool.h"
#include "jobs/render_job.h"
#include "jobs/signals.h"
#include "jobs/wire.h"

namespace banshi::jobs {
namespace {

using namespace std::chrono_literals;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

Limits quick(std::chrono::milliseconds time = 30s) {
  Limits l;
  l.time = time;
  return l;
}

std::map<size_t, Ending> run_all(Pool& pool, const std::vector<Work>& works) {
  std::map<size_t, Ending> ended;
  size_t next = 0;
  while (next < works.size() || pool.running() > 0) {
    while (!pool.full() && next < works.size()) {
      pool.start(next, works[next]);
      ++next;
    }
    for (auto& e : pool.wait()) ended.emplace(e.id, std::move(e.ending));
  }
  return ended;
}

TEST(JobsPool, AnswersComeBackWhole) {
  Pool pool(2, quick());
  // Larger than a pipe's buffer: the parent reads while the child writes.
  const std::string big(3 << 20, 'x');
  const auto ended =
      run_all(pool, {[] { return std::string("first"); }, [&big] { return big; }, [] { return std::string(); }});
  ASSERT_EQ(ended.size(), 3u);
  EXPECT_EQ(ended.at(0).how, Ending::How::Answered);
  EXPECT_EQ(ended.at(0).answer, "first");
  EXPECT_EQ(ended.at(1).answer, big);
  EXPECT_EQ(ended.at(2).how, Ending::How::Answered);
  EXPECT_TRUE(ended.at(2).answer.empty());
}

TEST(JobsPool, WorkRunsInAnotherProcess) {
  const pid_t parent = ::getpid();
  const Ending e = run_in_child([] { return std::to_string(::getpid()); }, quick());
  ASSERT_EQ(e.how, Ending::How::Answered);
  EXPECT_NE(e.answer, std::to_string(parent));
}

// The crash is an abort (a failed assertion, std::terminate): the
// sanitized build's AddressSanitizer catches SIGSEGV itself and exits 1,
// but leaves SIGABRT to the kernel, so both builds see the same death.
TEST(JobsPool, CrashEndsOnlyItsJob) {
  Pool pool(2, quick());
  const auto ended = run_all(pool, {[]() -> std::string {
                                      std::abort();
                                      return "unreachable";
                                    },
                                    [] { return std::string("fine"); }});
  EXPECT_EQ(ended.at(0).how, Ending::How::Crashed);
  EXPECT_EQ(ended.at(0).status, SIGABRT);
  EXPECT_EQ(ended.at(0).message(pool.limits()).text(Lang::En), "the job crashed: killed by SIGABRT (Aborted)");
  EXPECT_EQ(ended.at(1).answer, "fine");
}

TEST(JobsPool, EscapedExceptionIsAnEndingWithoutAnswer) {
  const Ending e = run_in_child([]() -> std::string { throw std::runtime_error("lost"); }, quick());
  EXPECT_EQ(e.how, Ending::How::Failed);
  EXPECT_TRUE(e.answer.empty());
}

TEST(JobsPool, HangIsStoppedAtTheTimeLimit) {
  Pool pool(2, quick(300ms));
  const auto t0 = std::chrono::steady_clock::now();
  const auto ended = run_all(pool, {[] {
                                      for (;;) ::pause();
                                      return std::string();
                                    },
                                    [] { return std::string("fine"); }});
  EXPECT_EQ(ended.at(0).how, Ending::How::TimedOut);
  EXPECT_EQ(ended.at(0).message(pool.limits()).text(Lang::En),
            "the job was still running at its time limit of 0.3 s and was stopped");
  EXPECT_EQ(ended.at(0).message(pool.limits()).text(Lang::Zh), "任务到了 0.3 秒的时间上限仍未完成，已被停止");
  EXPECT_GE(ended.at(0).ms, 300);
  EXPECT_EQ(ended.at(1).answer, "fine");
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 20s);
}

TEST(JobsPool, RunawayAllocationIsOutOfMemory) {
  if (kSanitized) GTEST_SKIP() << "no RLIMIT_AS under AddressSanitizer";
  Limits limits = quick();
  limits.memory_mb = 64;
  const Ending e = run_in_child(
      [] {
        std::vector<std::string> hog;
        for (;;) hog.emplace_back(16 << 20, 'x');
        return std::string();
      },
      limits);
  EXPECT_EQ(e.how, Ending::How::OutOfMemory);
  EXPECT_EQ(e.message(limits).text(Lang::En), "the job ran out of memory: a job may use 64 MB");
}

TEST(JobsPool, AbandonKillsRunningJobs) {
  Pool pool(2, quick());
  pool.start(7, [] {
    for (;;) ::pause();
    return std::string();
  });
  pool.start(8, [] {
    for (;;) ::pause();
    return std::string();
  });
  EXPECT_TRUE(pool.full());
  const auto ended = pool.abandon();
  ASSERT_EQ(ended.size(), 2u);
  for (const auto& e : ended) EXPECT_EQ(e.ending.how, Ending::How::Abandoned);
  EXPECT_EQ(pool.running(), 0u);
}

TEST(JobsPool, WakeDescriptorInterruptsTheWait) {
  Pool pool(1, quick());
  pool.start(0, [] {
    for (;;) ::pause();
    return std::string();
  });
  SignalWatch watch({SIGUSR1});
  ::kill(::getpid(), SIGUSR1);
  EXPECT_TRUE(pool.wait(watch.fd()).empty());
  EXPECT_EQ(watch.take(), SIGUSR1);
  EXPECT_EQ(watch.take(), 0);
  EXPECT_EQ(pool.abandon().size(), 1u);
}

TEST(JobsWire, ShortAnswerIsAnErrorNotACrash) {
  WireWriter w;
  w.put(uint64_t{1000}).put(std::string_view("abc"));
  const std::string bytes = w.take();
  WireReader r(bytes);
  EXPECT_EQ(r.get<uint64_t>(), 1000u);
  EXPECT_EQ(r.get_string(), "abc");
  EXPECT_TRUE(r.at_end());
  EXPECT_THROW(decode_render_answer(bytes.substr(0, 5)), EngineError);
}

TEST(JobsRender, AnswerCarriesThePdfAndTheDiagnostics) {
  Diagnostics engine_diags;
  const Engine engine(BANSHI_SOURCE_DIR, engine_diags, nullptr);
  engine.preload();
  // Every template's warm-up report renders (one today: jiexiang's, which
  // extends outcome), so a batch's parent is really warm.
  EXPECT_EQ(engine.warm_up(), 1u);
  const std::string good =
      "<report template=\"outcome\" version=\"1\"><outcome><title>题目</title>"
      "<body><p>正文。</p></body></outcome></report>";
  const RenderAnswer ok = render_isolated(engine, {"good.xml", good, ".", {}}, quick());
  ASSERT_EQ(ok.status, RenderAnswer::Status::Ok) << ok.error()->format();
  EXPECT_EQ(ok.result.pages, 1u);
  EXPECT_EQ(ok.result.pdf.rfind("%PDF-", 0), 0u);
  EXPECT_GT(ok.result.times.ms("layout"), 0);

  const RenderAnswer bad = render_isolated(engine, {"bad.xml", "<report>", ".", {}}, quick());
  EXPECT_EQ(bad.status, RenderAnswer::Status::BadInput);
  ASSERT_EQ(bad.diags.items().size(), 1u);
  ASSERT_NE(bad.error(), nullptr);
  EXPECT_EQ(bad.error()->loc.file, "bad.xml");
  EXPECT_GT(bad.error()->loc.line, 0);
  EXPECT_TRUE(bad.result.pdf.empty());
}

TEST(JobsRender, DiagnosticsCrossThePipeWhole) {
  // Every part of a diagnostic, so that the parent can put it in words in
  // any language: code, arguments (plain and lists), each kind of location.
  RenderAnswer a;
  a.status = RenderAnswer::Status::BadInput;
  a.result.pages = 3;
  a.result.times.add("layout", 12.5);
  a.result.times.add("layout/prepare", 5);
  a.result.pdf = std::string("%PDF-\0binary", 12);
  a.diags.warn(SourceLoc::docx_paragraph("r.docx", 37, "二、巴中发展新质生产力"), "font.fallback-chars",
               {{"font", "FandolFang"}, {"chars", {"☐", "☒"}}}, "<p>", "正文");
  a.diags.note(SourceLoc::pdf_page("r.pdf", 4), "job.abandoned");
  a.diags.error({"r.xml", 3, 4}, "job.crashed", {{"signal", "SIGSEGV"}, {"description", "Segmentation fault"}},
                "<project>/<id>", "立项编号");
  const RenderAnswer b = decode_render_answer(encode_render_answer(a));
  EXPECT_EQ(b.status, a.status);
  EXPECT_EQ(b.result.pages, 3u);
  EXPECT_EQ(b.result.times.report(), "layout 12.5 (prepare 5.0)");
  EXPECT_EQ(b.result.pdf, a.result.pdf);
  ASSERT_EQ(b.diags.items().size(), a.diags.items().size());
  for (size_t i = 0; i < a.diags.items().size(); ++i) {
    for (const Lang lang : kLangs) {
      EXPECT_EQ(b.diags.items()[i].to_json(lang), a.diags.items()[i].to_json(lang));
      EXPECT_EQ(b.diags.items()[i].format(lang), a.diags.items()[i].format(lang));
    }
  }
  EXPECT_EQ(b.error()->code_str(), "job.crashed");
}

TEST(JobsRender, ChildWithoutAnswerIsAFailedJob) {
  Ending e;
  e.how = Ending::How::Crashed;
  e.status = SIGABRT;
  const RenderAnswer a = render_answer(e, quick(), "r.xml");
  EXPECT_EQ(a.status, RenderAnswer::Status::Failed);
  ASSERT_NE(a.error(), nullptr);
  EXPECT_EQ(a.error()->format(Lang::En), "r.xml: error: the job crashed: killed by SIGABRT (Aborted)");
  EXPECT_EQ(a.error()->format(Lang::Zh), "r.xml: 错误：任务崩溃：被信号 SIGABRT（Aborted）终止");
}

}  // namespace
}  // namespace banshi::jobs
