"""A batch loses nothing. Each report is rendered in a child process forked
from the warm parent, under a time and a memory limit: a crash, a hang or a
runaway input ends only its own job, which the report lists as failed while
the rest go on. Two reports never make one PDF; the report is written a line
as each job ends, so a batch stopped by SIGTERM keeps the record of what
finished (and leaves no partial PDF); no output, report included, is ever
written over an input."""

import json
import os
import signal
import subprocess
import time
import unittest

from support import BANSHI
from test_hostile import (SANITIZED, TIMEOUT, HostileCase, large_report, pdf_pages, read, report, run, workdir,
                          write)


def rows_of(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def children_of(pid):
    """The process ids of `pid`'s children (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


class BatchCase(HostileCase):
    def batch(self, *args, **kw):
        return run("batch", *args, "--impose", "none", **kw)

    def assertOnlyListed(self, out, rows):
        """The output directory holds the report and exactly the PDFs the
        report lists as made: no temporary, no PDF without its line."""
        made = sorted(os.path.basename(r["output"]) for r in rows if r["status"] == "ok")
        self.assertEqual(sorted(f for f in os.listdir(out) if f != "report.jsonl"), made)


class BatchDuplicates(BatchCase):
    def test_two_reports_of_one_name_make_two_pdfs(self):
        d = workdir("batch-duplicates")
        for sub in "abc":
            os.makedirs(os.path.join(d, sub))
        a = write(os.path.join(d, "a"), "x.xml", report("<p>甲报告的正文。</p>"))
        b = write(os.path.join(d, "b"), "x.xml", report("<p>乙报告的正文。</p>"))
        c = write(os.path.join(d, "c"), "x-2.xml", report("<p>丙报告的正文。</p>"))
        out = os.path.join(d, "out")
        # a/x.xml twice, once by another name: rendered once.
        r = self.batch(a, b, c, os.path.join(d, "a", ".", "x.xml"), "-o", out, "-j", "2")
        self.assertEqual(r.code, 0, r)
        rows = {row["file"]: row for row in rows_of(os.path.join(out, "report.jsonl"))}
        self.assertEqual(sorted(rows), sorted([a, b, c]))
        outputs = {f: os.path.basename(row["output"]) for f, row in rows.items()}
        # The first keeps its name, the later one takes a suffix no other
        # report owns (x-2.pdf belongs to c/x-2.xml), and says why.
        self.assertEqual(outputs, {a: "x.pdf", b: "x-3.pdf", c: "x-2.pdf"})
        self.assertIn(a, rows[b]["renamed"])
        self.assertNotIn("renamed", rows[a])
        for f, text in ((a, "甲报告"), (b, "乙报告"), (c, "丙报告")):
            self.assertIn(text, "".join(pdf_pages(rows[f]["output"])))
        self.assertOnlyListed(out, rows.values())


class BatchNeverWritesOverInputs(BatchCase):
    def test_report_named_as_an_input_is_refused(self):
        d = workdir("batch-report-input")
        xml = write(d, "a.xml", report("<p>正文。</p>"))
        before = read(xml)
        out = os.path.join(d, "out")
        r = self.batch(xml, "-o", out, "--report", xml)
        self.assertEqual(r.code, 2, r)
        self.assertRegex(r.err, r"a\.xml: error: is one of the inputs; the output may not be written over it \(name another with --report\)")
        self.assertEqual(read(xml), before)
        self.assertFalse(os.path.exists(os.path.join(out, "a.pdf")), "a refused batch rendered anyway")

    def test_pdf_that_would_be_an_input_is_refused_for_that_report(self):
        # An XML report saved as r.pdf, rendered into its own directory.
        d = workdir("batch-output-input")
        pdf = write(d, "r.pdf", report("<p>正文。</p>"))
        good = write(d, "g.xml", report("<p>另一份。</p>"))
        before = read(pdf)
        r = self.batch(pdf, good, "-o", d, "--report", os.path.join(d, "report.jsonl"))
        self.assertEqual(r.code, 2, r)
        rows = {os.path.basename(row["file"]): row for row in rows_of(os.path.join(d, "report.jsonl"))}
        self.assertEqual(rows["r.pdf"]["status"], "invalid")
        self.assertRegex(rows["r.pdf"]["error"], r"r\.pdf: error: is one of the inputs")
        self.assertEqual(rows["g.xml"]["status"], "ok")
        self.assertEqual(read(pdf), before)


class BatchInterrupted(BatchCase):
    def test_sigterm_keeps_the_report_of_what_finished(self):
        d = workdir("batch-sigterm")
        src = os.path.join(d, "in")
        os.makedirs(src)
        for k in range(2):
            write(src, f"a{k}-small.xml", report(f"<p>小报告{k}。</p>"))
        large = read(large_report(d))
        for k in range(5):
            write(src, f"b{k}-large.xml", large.replace("大文档".encode(), f"大文档{k}".encode()))
        out = os.path.join(d, "out")
        jsonl = os.path.join(out, "report.jsonl")
        p = subprocess.Popen([BANSHI, "batch", src, "-o", out, "-j", "2", "--impose", "none"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # Signal once the first report line is there: the small reports are
        # done, the large ones (seconds each) are running or waiting.
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and p.poll() is None:
            if os.path.exists(jsonl) and os.path.getsize(jsonl) > 0:
                break
            time.sleep(0.01)
        p.send_signal(signal.SIGTERM)
        _, err = p.communicate(timeout=TIMEOUT)
        err = err.decode("utf-8", "replace")
        self.assertEqual(p.returncode, 128 + signal.SIGTERM, err)
        self.assertIn("stopped by SIGTERM", err)
        rows = rows_of(jsonl)
        self.assertGreater(len(rows), 0)
        self.assertLess(len(rows), 7, "the batch ran to its end: the signal came too late to test anything")
        for row in rows:
            self.assertEqual(row["status"], "ok", row)
            self.assertGreater(len(pdf_pages(row["output"])), 0)
        self.assertOnlyListed(out, rows)
        self.assertEqual(children_of(p.pid), [])


class BatchIsolatesJobs(BatchCase):
    def start_batch(self, *args):
        return subprocess.Popen([BANSHI, "batch", *args, "--impose", "none"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)

    def first_job(self, p):
        """The process id of the first job the batch `p` starts."""
        deadline = time.monotonic() + TIMEOUT
        victims = []
        while not victims and time.monotonic() < deadline and p.poll() is None:
            victims = children_of(p.pid)
            time.sleep(0.005)
        self.assertTrue(victims, "no job was running")
        return victims[0]

    def test_crashed_job_fails_alone(self):
        # A job that dies of a signal (as one did of SIGSEGV on a PNG with a
        # tRNS chunk, inside libharu): made here by sending SIGABRT to the
        # job's process, which is all a crash is to the batch. (Not SIGSEGV:
        # AddressSanitizer, in the sanitized build, catches that and exits 1.)
        d = workdir("batch-crash")
        large = large_report(d)
        small = write(d, "small.xml", report("<p>小报告。</p>"))
        out = os.path.join(d, "out")
        p = self.start_batch(large, small, "-o", out, "-j", "1")
        os.kill(self.first_job(p), signal.SIGABRT)
        _, err = p.communicate(timeout=TIMEOUT)
        err = err.decode("utf-8", "replace")
        self.assertEqual(p.returncode, 1, err)
        rows = {os.path.basename(r["file"]): r for r in rows_of(os.path.join(out, "report.jsonl"))}
        self.assertEqual(rows["large.xml"]["status"], "failed")
        self.assertRegex(rows["large.xml"]["error"], r"large\.xml: error: the job crashed: killed by SIGABRT")
        self.assertEqual(rows["small.xml"]["status"], "ok")
        self.assertOnlyListed(out, rows.values())

    def test_job_past_its_time_limit_is_stopped_alone(self):
        # A job that hangs: the first job (the large report) is stopped with
        # SIGSTOP as soon as it runs, so it cannot finish however fast the
        # build or the machine; the others must finish within the limit.
        d = workdir("batch-timeout")
        large = large_report(d)
        bad = write(d, "bad.xml", report("<p>未闭合<b>粗体</p>"))
        small = write(d, "small.xml", report("<p>小报告。</p>"))
        out = os.path.join(d, "out")
        limit = "3"
        p = self.start_batch(large, bad, small, "-o", out, "-j", "1", "--job-timeout", limit)
        os.kill(self.first_job(p), signal.SIGSTOP)
        _, err = p.communicate(timeout=TIMEOUT)
        err = err.decode("utf-8", "replace")
        self.assertEqual(p.returncode, 1, err)
        rows = {os.path.basename(row["file"]): row for row in rows_of(os.path.join(out, "report.jsonl"))}
        self.assertEqual(rows["large.xml"]["status"], "failed")
        self.assertIn(f"the job was still running at its time limit of {limit} s and was stopped",
                      rows["large.xml"]["error"])
        self.assertEqual(rows["bad.xml"]["status"], "invalid")
        self.assertEqual(rows["small.xml"]["status"], "ok")
        self.assertOnlyListed(out, rows.values())

    @unittest.skipIf(SANITIZED, "AddressSanitizer reserves terabytes of address space: no RLIMIT_AS for jobs")
    def test_job_past_its_memory_limit_fails_alone(self):
        d = workdir("batch-memory")
        large = large_report(d)
        bad = write(d, "bad.xml", report("<p>未闭合<b>粗体</p>"))
        out = os.path.join(d, "out")
        # A thousand pages need far more than 32 MB beyond the warm parent;
        # a malformed file is refused within it.
        r = self.batch(large, bad, "-o", out, "-j", "1", "--job-memory", "32")
        self.assertSurvived(r)
        self.assertEqual(r.code, 1, r)
        rows = {os.path.basename(row["file"]): row for row in rows_of(os.path.join(out, "report.jsonl"))}
        self.assertEqual(rows["large.xml"]["status"], "failed")
        self.assertIn("ran out of memory: a job may use 32 MB", rows["large.xml"]["error"])
        self.assertEqual(rows["bad.xml"]["status"], "invalid")
        self.assertRegex(rows["bad.xml"]["error"], r"bad\.xml:\d+:\d+: error: ")
        self.assertOnlyListed(out, rows.values())

    def test_job_limits_are_checked(self):
        xml = write(workdir("batch-limits"), "a.xml", report("<p>正文。</p>"))
        for option, value in (("--job-timeout", "0"), ("--job-timeout", "x"), ("--job-memory", "1"),
                              ("--job-memory", "2.5"), ("-j", "0")):
            with self.subTest(option=option, value=value):
                r = self.batch(xml, "-o", workdir("batch-limits-out"), option, value)
                self.assertEqual(r.code, 2, r)
                self.assertIn(option + " must be", r.err)


if __name__ == "__main__":
    unittest.main()
