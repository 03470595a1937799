#!/usr/bin/env python3
"""The audit's speed targets, measured as the clerk meets them: whole
`banshi audit` processes, data loading and the child per file counted.

  1. one 20-page PDF (the bz25yb108 sample's A4 render): target < 300 ms;
  2. a directory of 100 PDFs with `-j 2` (the corpus's PDFs, repeated):
     target < 20 s;
  3. one .docx (no target: for comparison).

Median wall time over --runs runs, and the peak RSS of the children. The
machine's load is printed with the figures: the targets mean an idle one.

usage: bench/audit_speed.py [--banshi build/banshi] [--runs 9]"""

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
CORPUS = os.path.join(root, "tests", "data", "audit", "corpus")


def timed(cmd):
    """Wall time (s), CPU time (s, the audit's children included) and peak
    RSS (MB) of one command. On a loaded machine the CPU time says what
    the wall time would be on an idle one."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{cmd} exited {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--banshi", default=os.path.join(root, "build", "banshi"))
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="audit-bench-")
    try:
        pdf = os.path.join(work, "twenty.pdf")
        subprocess.run([args.banshi, "render", os.path.join(root, "samples", "bz25yb108-jiexiang.xml"), "-o", pdf,
                        "--impose", "none", "-q"], check=True)
        pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))

        one = [timed([args.banshi, "audit", "-q", pdf]) for _ in range(args.runs)]
        print(f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"1. one {pages}-page PDF: median {statistics.median(t for t, _, _ in one) * 1000:.0f} ms "
              f"(min {min(t for t, _, _ in one) * 1000:.0f}, max {max(t for t, _, _ in one) * 1000:.0f}; "
              f"{args.runs} runs), CPU {statistics.median(c for _, c, _ in one) * 1000:.0f} ms, "
              f"peak RSS {max(m for _, _, m in one):.0f} MB — target < 300 ms")

        pile = os.path.join(work, "pile")
        os.makedirs(pile)
        sources = sorted(f for f in os.listdir(CORPUS) if f.endswith(".pdf") and not f.startswith("unreadable"))
        for i in range(100):
            src = sources[i % len(sources)]
            os.symlink(os.path.join(CORPUS, src), os.path.join(pile, f"{i:03d}-{src}"))
        runs = max(3, args.runs // 3)
        many = [timed([args.banshi, "audit", "-q", "-j", "2", "--summary", "csv", pile]) for _ in range(runs)]
        total_pages = 0
        for src in sources:
            info = subprocess.run(["pdfinfo", os.path.join(CORPUS, src)], capture_output=True, text=True).stdout
            n = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
            total_pages += n * sum(1 for i in range(100) if sources[i % len(sources)] == src)
        med = statistics.median(t for t, _, _ in many)
        print(f"2. 100 PDFs ({total_pages} pages) with -j 2: median {med:.2f} s "
              f"(min {min(t for t, _, _ in many):.2f}, max {max(t for t, _, _ in many):.2f}; {runs} runs), "
              f"{100 / med:.0f} files/s, CPU {statistics.median(c for _, c, _ in many):.2f} s — target < 20 s")

        docx = os.path.join(CORPUS, "libreoffice-docx-gbt9704.docx")
        word = [timed([args.banshi, "audit", "-q", docx]) for _ in range(args.runs)]
        print(f"3. one .docx (the corpus's Word file): median {statistics.median(t for t, _, _ in word) * 1000:.0f} ms, "
              f"CPU {statistics.median(c for _, c, _ in word) * 1000:.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
