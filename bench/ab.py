#!/usr/bin/env python3
"""Two builds of banshi against each other, the way issue 17's targets are
stated: whole processes from start to PDF, run in turn (A B, then B A, …)
in one sitting, so the machine's drift and load fall on both alike.

Cases (the issue's targets in brackets):
  outcome   the sample's 最终成果 alone, 14 A4 pages        [25 ms]
  full-a4   the full 结项申请书 sample, 21 A4 pages, PDF/A   [30 ms]
  booklet   the same as the form prints it, the A3 booklet  [within 10 % of full-a4]
  long      150 pages (speed.py's long document)            [90 ms, peak RSS < 50 MB]
  serve     a warm `banshi serve` render of the full sample, A4: the server's
            own time from Server-Timing (`render`, and `total` from the
            request's first byte), both servers started, requests in turn [20 ms]

Per case and build: median wall time over the rounds, the spread (the
quartiles and the fastest), peak RSS, the CPU time (user + system, every
thread: on a loaded machine the steadier figure); and the median of the
round-by-round ratios after/before. The PDFs of the two builds are compared (pages, and
whether the bytes are the same). The load average is printed at the start
and the end: quote it with the figures.

A build is a build directory (DIR/banshi) or an install prefix
(DIR/bin/banshi); a binary of a build directory reads the data of the
source tree it was built from, an installed one its own share/banshi, so
keep the "before" build as an install (`cmake --install build --prefix
/tmp/ab/before`) or a whole build directory of its own.

usage: bench/ab.py --before DIR --after DIR [--rounds 20] [--cases outcome,full-a4,...]
       [--env-after NAME=VALUE ...]  (e.g. XDG_CACHE_HOME for one side only)

The font cache (README, Fonts) is written by each build's first, untimed
render and read by the timed ones, as a user's second and later renders
read it; `--env-after BANSHI_CACHE_DIR=` times the "after" build without it."""

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sys.path.insert(0, here)
from speed import SAMPLE, long_document  # noqa: E402
from serve_load import multipart, timing  # noqa: E402

CASES = {
    "outcome": (SAMPLE, ["--template", "outcome", "--impose", "none"]),
    "full-a4": (SAMPLE, ["--impose", "none"]),
    "booklet": (SAMPLE, []),
    "long": (None, []),  # made in a temporary directory
}


def binary(d):
    for p in (os.path.join(d, "bin", "banshi"), os.path.join(d, "banshi"), d):
        if os.path.isfile(p) and os.access(p, os.X_OK):
            return os.path.abspath(p)
    sys.exit(f"no banshi binary in {d}")


def run(banshi, xml, out, extra, env):
    """Wall seconds, peak RSS (MB), pages, CPU seconds (user + system, all
    threads) of one whole render."""
    t0 = time.perf_counter()
    p = subprocess.Popen([banshi, "render", xml, "-o", out, *extra], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode()
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{banshi}: render failed: {err}")
    m = re.search(r": (\d+) pages", err)
    return wall, usage.ru_maxrss / 1024, int(m.group(1)) if m else 0, usage.ru_utime + usage.ru_stime


def spread(xs):
    q = statistics.quantiles(xs, n=4) if len(xs) > 1 else [xs[0]] * 3
    return f"median {statistics.median(xs):6.1f} (quartiles {q[0]:.1f}–{q[2]:.1f}, min {min(xs):.1f})"


def render_case(name, xml, extra, builds, rounds, tmp):
    outs = [os.path.join(tmp, f"{name}-{k}.pdf") for k in range(2)]
    for k, (banshi, env) in enumerate(builds):
        run(banshi, xml, outs[k], extra, env)  # warm the page cache
    res = [[], []]
    for r in range(rounds):
        order = (0, 1) if r % 2 == 0 else (1, 0)
        for k in order:
            res[k].append(run(builds[k][0], xml, outs[k], extra, builds[k][1]))
    with open(outs[0], "rb") as a, open(outs[1], "rb") as b:
        same = a.read() == b.read()
    pages = res[1][0][2]
    print(f"{name}: {pages} pages, {rounds} rounds; PDFs {'byte-identical' if same else 'differ'} "
          f"({os.path.getsize(outs[0]) // 1024} → {os.path.getsize(outs[1]) // 1024} KB)")
    for k, label in enumerate(("before", "after")):
        walls = [x[0] * 1000 for x in res[k]]
        print(f"  {label:6} wall ms {spread(walls)}; peak RSS {max(x[1] for x in res[k]):.1f} MB")
        print(f"  {'':6} CPU  ms {spread([x[3] * 1000 for x in res[k]])}")
    wall = statistics.median(b[0] / a[0] for a, b in zip(res[0], res[1]))
    cpu = statistics.median(b[3] / a[3] for a, b in zip(res[0], res[1]))
    print(f"  after/before, median of the rounds' ratios: wall {wall:.3f}, CPU {cpu:.3f}")


class Server:
    def __init__(self, banshi, env):
        self.proc = subprocess.Popen([banshi, "serve", "--listen", "127.0.0.1:0", "-j", "1"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", self.proc.stdout.readline().decode())
        if not m:
            self.stop()
            sys.exit(f"{banshi}: serve did not start")
        self.conn = http.client.HTTPConnection("127.0.0.1", int(m.group(1)), timeout=120)

    def render(self, body, ctype):
        self.conn.request("POST", "/api/render?impose=none", body=body, headers={"Content-Type": ctype})
        r = self.conn.getresponse()
        r.read()
        if r.status != 200:
            sys.exit(f"serve: HTTP {r.status}")
        st = r.getheader("Server-Timing")
        return timing(st, "render"), timing(st, "total"), timing(st, "cpu")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=120)


def serve_case(builds, rounds):
    with open(SAMPLE, "rb") as f:
        body, ctype = multipart("report", "bz25yb119-jiexiang.xml", f.read())
    servers = [Server(b, env) for b, env in builds]
    try:
        for s in servers:
            for _ in range(3):  # the connection, the host's first job
                s.render(body, ctype)
        res = [[], []]
        for r in range(rounds):
            for k in ((0, 1) if r % 2 == 0 else (1, 0)):
                res[k].append(servers[k].render(body, ctype))
    finally:
        for s in servers:
            s.stop()
    print(f"serve (warm render of the full sample, A4; Server-Timing), {rounds} rounds:")
    for k, label in enumerate(("before", "after")):
        print(f"  {label:6} render ms {spread([x[0] for x in res[k]])}")
        print(f"  {'':6} total  ms {spread([x[1] for x in res[k]])}")
        print(f"  {'':6} cpu    ms {spread([x[2] for x in res[k]])}")
    wall = statistics.median(b[0] / a[0] for a, b in zip(res[0], res[1]))
    cpu = statistics.median(b[2] / a[2] for a, b in zip(res[0], res[1]))
    print(f"  after/before, median of the rounds' ratios: render {wall:.3f}, job CPU {cpu:.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--cases", default="outcome,full-a4,booklet,long,serve")
    ap.add_argument("--env-before", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--env-after", action="append", default=[], metavar="NAME=VALUE")
    a = ap.parse_args()

    def env_of(pairs):
        env = dict(os.environ)
        env.update(p.split("=", 1) for p in pairs)
        return env

    builds = [(binary(a.before), env_of(a.env_before)), (binary(a.after), env_of(a.env_after))]
    print(f"before: {builds[0][0]}\nafter:  {builds[1][0]}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.cases.split(","):
            if name == "serve":
                serve_case(builds, a.rounds)
                continue
            if name not in CASES:
                sys.exit(f"unknown case {name}; cases: {', '.join(CASES)}, serve")
            xml, extra = CASES[name]
            if xml is None:
                xml = os.path.join(tmp, "long.xml")
                long_document(xml)
            render_case(name, xml, extra, builds, a.rounds if name != "long" else max(5, a.rounds // 2), tmp)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
