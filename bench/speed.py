#!/usr/bin/env python3
"""The speed targets of banshi, measured as a user or script meets them:
whole processes from start to PDF (font loading counted).

  1. the full 结项申请书 sample (as the form prints it: the A3 booklet);
  2. a 150-page document (the sample's outcome repeated);
  3. 100 samples rendered by `banshi batch -j 2`.

For 1 and 2: median wall time over --runs runs, pages per second, peak
RSS, and the stage breakdown from `render --timings`.

usage: bench/speed.py [--banshi build/banshi] [--runs 15]"""

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
SAMPLE = os.path.join(root, "samples", "bz25yb119-jiexiang.xml")
STAGES = ("fonts", "parse", "image", "prepare", "break", "paginate", "subset", "write")


def run_once(banshi, xml, out, extra):
    """Wall time (s), peak RSS (MB), pages, stage times of one render."""
    t0 = time.perf_counter()
    p = subprocess.Popen([banshi, "render", xml, "-o", out, "--timings", *extra],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode()
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"render failed: {err}")
    stages = {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+)", err.split("timings (ms):")[1])}
    pages = int(re.search(r": (\d+) pages", err).group(1))
    return wall, usage.ru_maxrss / 1024, pages, stages


def measure(name, banshi, xml, runs, extra):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.pdf")
        run_once(banshi, xml, out, extra)  # warm the page cache and fontconfig
        results = [run_once(banshi, xml, out, extra) for _ in range(runs)]
        size = os.path.getsize(out)
    wall = statistics.median(r[0] for r in results)
    rss = max(r[1] for r in results)
    pages = results[0][2]
    print(f"{name}: {pages} pages, median {wall * 1000:.0f} ms wall, {pages / wall:.0f} pages/s, "
          f"peak RSS {rss:.1f} MB, PDF {size / 1024:.0f} KB")
    stages = {k: statistics.median(r[3].get(k, 0) for r in results) for k in STAGES}
    print("  stages (median ms): " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))


def long_document(path, copies=12):
    """The sample's outcome body repeated `copies` times: a long report."""
    tree = ET.parse(SAMPLE)
    report = tree.getroot()
    report.set("template", "outcome")
    for tag in ("project", "changes", "declaration"):
        el = report.find(tag)
        if el is not None:
            report.remove(el)
    body = report.find("outcome/body")
    blocks = list(body)
    for _ in range(copies - 1):
        for b in blocks:
            body.append(ET.fromstring(ET.tostring(b)))
    tree.write(path, encoding="utf-8", xml_declaration=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--banshi", default=os.path.join(root, "build", "banshi"))
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores; banshi: {a.banshi}")
    measure("full sample (A3 booklet)", a.banshi, SAMPLE, a.runs, [])
    measure("full sample (A4)", a.banshi, SAMPLE, a.runs, ["--impose", "none"])
    with tempfile.TemporaryDirectory() as tmp:
        long_xml = os.path.join(tmp, "long.xml")
        long_document(long_xml)
        measure("long document", a.banshi, long_xml, max(3, a.runs // 3), [])
        # 100 copies of the full sample through batch -j 2.
        src = os.path.join(tmp, "in")
        os.makedirs(src)
        for k in range(100):
            shutil.copy(SAMPLE, os.path.join(src, f"s{k:03d}.xml"))
        t0 = time.perf_counter()
        p = subprocess.run([a.banshi, "batch", src, "-o", os.path.join(tmp, "out"), "-j", "2", "-q"],
                           capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if p.returncode != 0:
            sys.exit(p.stderr)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"batch of 100 samples, -j 2: {wall:.2f} s wall ({p.stderr.strip().splitlines()[-1]}); "
              f"peak RSS of any child so far {peak:.0f} MB")


if __name__ == "__main__":
    main()
