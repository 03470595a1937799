#!/usr/bin/env python3
"""Whether a render's own threads pay: `render --threads N` against
`--threads 0`, run in turn (A B A B …) on the same input so the machine's
drift cancels, for the full sample (A3 booklet and A4) and a long document.
Prints, per input, the median wall time of each and the median of the
pair-by-pair ratios of wall and CPU time (user + system, from wait4).

A ratio below 1 means the threads pay. Measured on the project's 2-core
machine with --threads 1 (the default there), 30 pairs:
- with the machine to itself (its own autogroup at nice -20: `setsid sh -c
  'echo -20 > /proc/self/autogroup; exec python3 bench/threads.py …'`):
  full sample 0.895 (A3) and 0.892 (A4) of the wall time, 64 against 72 ms;
  the long document 0.967; CPU 1.006–1.025;
- under the other sessions' load (load average 17 on 2 cores): 1.058, 0.995
  and 1.023 — no idle core, no gain.
So a lone render uses the cores the machine leaves (cores − 1, at most 3),
and a batch's or server's jobs, whose parallelism is the jobs, none.

usage: bench/threads.py [--banshi build/banshi] [--threads 1] [--pairs 40]"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sys.path.insert(0, here)
from speed import SAMPLE, long_document  # noqa: E402


def run(banshi, xml, out, extra):
    """Wall and CPU seconds of one whole render."""
    t0 = time.perf_counter()
    p = subprocess.Popen([banshi, "render", xml, "-o", out, "-q", *extra],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode()
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"render failed: {err}")
    return wall, usage.ru_utime + usage.ru_stime


def compare(name, banshi, xml, threads, pairs, extra):
    with tempfile.TemporaryDirectory() as tmp:
        a_out, b_out = os.path.join(tmp, "a.pdf"), os.path.join(tmp, "b.pdf")
        a_args, b_args = [*extra, "--threads", str(threads)], [*extra, "--threads", "0"]
        run(banshi, xml, a_out, a_args)  # warm the page cache
        a, b = [], []
        for _ in range(pairs):
            a.append(run(banshi, xml, a_out, a_args))
            b.append(run(banshi, xml, b_out, b_args))
        with open(a_out, "rb") as fa, open(b_out, "rb") as fb:
            if fa.read() != fb.read():
                sys.exit(f"{name}: --threads {threads} and --threads 0 wrote different PDFs")
    wall = statistics.median(x[0] / y[0] for x, y in zip(a, b))
    cpu = statistics.median(x[1] / y[1] for x, y in zip(a, b))
    print(f"{name}: --threads {threads} {statistics.median(x[0] for x in a) * 1000:.0f} ms, "
          f"--threads 0 {statistics.median(y[0] for y in b) * 1000:.0f} ms (median wall); "
          f"ratio wall {wall:.3f}, CPU {cpu:.3f} (median of {pairs} pairs)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--banshi", default=os.path.join(root, "build", "banshi"))
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--pairs", type=int, default=40)
    a = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores; banshi: {a.banshi}")
    compare("full sample (A3 booklet)", a.banshi, SAMPLE, a.threads, a.pairs, [])
    compare("full sample (A4)", a.banshi, SAMPLE, a.threads, a.pairs, ["--impose", "none"])
    with tempfile.TemporaryDirectory() as tmp:
        long_xml = os.path.join(tmp, "long.xml")
        long_document(long_xml)
        compare("long document", a.banshi, long_xml, a.threads, max(5, a.pairs // 2), [])


if __name__ == "__main__":
    main()
