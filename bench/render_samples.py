#!/usr/bin/env python3
"""Renders the samples many times with the built banshi and prints pages
per second, time per document and peak memory (RSS) of the renders.

usage: bench/render_samples.py [--banshi build/banshi] [--runs 20] [--jobs 1]
                               [--breaker optimal|greedy] [files…]

Every render is a full process start: font loading, parsing, layout,
subsetting and writing are all counted, as a user or script sees them."""

import argparse
import concurrent.futures
import glob
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def render(banshi, xml, out, extra):
    p = subprocess.run([banshi, "render", xml, "-o", out, *extra], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"render failed for {xml}:\n{p.stderr}")
    m = re.search(r": (\d+) pages", p.stderr)
    return int(m.group(1)) if m else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--banshi", default=os.path.join(root, "build", "banshi"))
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--breaker", default="optimal")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(glob.glob(os.path.join(root, "samples", "*.xml")))
    extra = ["--impose", "none", "--breaker", a.breaker]
    with tempfile.TemporaryDirectory() as tmp:
        # One warm-up render per file (font cache, page cache).
        pages_per_file = {f: render(a.banshi, f, os.path.join(tmp, "w.pdf"), extra) for f in files}
        jobs = [(f, os.path.join(tmp, f"{i}-{k}.pdf")) for i in range(a.runs) for k, f in enumerate(files)]
        t0 = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
            pages = sum(ex.map(lambda j: render(a.banshi, j[0], j[1], extra), jobs))
        wall = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    docs = len(jobs)
    print(f"breaker={a.breaker} files={len(files)} runs={a.runs} jobs={a.jobs}")
    for f, n in pages_per_file.items():
        print(f"  {os.path.basename(f)}: {n} pages")
    print(f"documents: {docs}, pages: {pages}, wall: {wall:.2f} s")
    print(f"pages/second: {pages / wall:.1f}")
    print(f"ms/document: {1000 * wall / docs:.1f}")
    print(f"peak RSS of a render: {peak_kb / 1024:.1f} MB")


if __name__ == "__main__":
    main()
