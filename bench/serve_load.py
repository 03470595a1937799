#!/usr/bin/env python3
"""`banshi serve` under load, over loopback (issue 13, "Fast").

  1. Warm latency: the full sample (21 pages) previewed (A4 PDF and the
     findings, what the page shows) and rendered as a PDF, one request at
     a time: medians of the server's own time (Server-Timing: the job's
     work, the whole request) and of the client's wall time.
  2. Load: C clients post the sample for D seconds, each waiting for its
     answer before the next; requests, errors, latency percentiles and the
     memory of the server's processes (HTTP process, render host, jobs:
     the sum of their RSS and of their PSS, which counts shared pages
     once), sampled every 0.2 s.

Bounded in time and count: --duration at most 120 s, --clients at most 64,
--max-requests per client. Starts its own server (build/banshi, or
--banshi) on a free port unless --url is given.

usage: bench/serve_load.py [--banshi build/banshi] [-j 2] [--clients 20]
                           [--duration 30] [--warm 30] [--url URL]"""

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
SAMPLE = os.path.join(root, "samples", "bz25yb119-jiexiang.xml")


def multipart(name, filename, data):
    boundary = "bench" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
            f"Content-Type: application/xml\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def timing(header, name):
    m = re.search(rf"(?:^|, ){name};dur=([0-9.]+)", header or "")
    return float(m.group(1)) if m else None


class Client:
    def __init__(self, host, port):
        self.conn = http.client.HTTPConnection(host, port, timeout=120)

    def post(self, path, body, ctype):
        t0 = time.perf_counter()
        self.conn.request("POST", path, body=body, headers={"Content-Type": ctype})
        r = self.conn.getresponse()
        data = r.read()
        return r.status, r.getheader("Server-Timing"), data, time.perf_counter() - t0


def processes_of(pid):
    """pid and every descendant of it."""
    children = {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        children.setdefault(ppid, []).append(int(p))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def memory_mb(pid):
    """(sum of RSS, sum of PSS) in MB over the server's processes."""
    rss = pss = 0
    for p in processes_of(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss / 1024, pss / 1024


def warm_latency(host, port, body, ctype, runs):
    client = Client(host, port)
    results = {}
    for label, path, name in (("preview", "/api/preview", "preview"), ("pdf A4", "/api/render?impose=none", "render"),
                              ("pdf booklet", "/api/render", "render")):
        for _ in range(3):  # the first requests start the connection and the host's caches
            client.post(path, body, ctype)
        work, cpu, job, total, wall = [], [], [], [], []
        for _ in range(runs):
            status, st, _, dt = client.post(path, body, ctype)
            if status != 200:
                sys.exit(f"{path}: HTTP {status}")
            work.append(timing(st, name))
            cpu.append(timing(st, "cpu"))
            job.append(timing(st, "job"))
            total.append(timing(st, "total"))
            wall.append(dt * 1000)
        results[label] = [statistics.median(x) for x in (work, cpu, job, total, wall)] + [min(work), min(total)]
    print(f"warm latency, {runs} requests each, median ms (and the fastest):")
    print(f"  {'':12} {'work':>7} {'cpu':>7} {'job':>7} {'server':>7} {'client':>7}   {'min work':>8} {'min server':>10}")
    for label, (w, c, j, t, cl, mw, mt) in results.items():
        print(f"  {label:12} {w:7.1f} {c:7.1f} {j:7.1f} {t:7.1f} {cl:7.1f}   {mw:8.1f} {mt:10.1f}")
    print("  work = the job's own wall time (compose, parse, layout, PDF); cpu = the CPU time its process used")
    print("  (threads included); job = its child from fork to exit; server = from the request's first byte to")
    print("  the answer; client = wall time over loopback. Run on a quiet machine: wall times grow with its load.")
    print(f"  load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def load(host, port, body, ctype, clients, duration, max_requests, server_pid):
    stop = time.time() + duration
    lock = threading.Lock()
    latencies, errors, statuses = [], [], {}

    def run():
        c = Client(host, port)
        for _ in range(max_requests):
            if time.time() >= stop:
                break
            try:
                status, _, data, dt = c.post("/api/render?impose=none", body, ctype)
            except Exception as e:  # a refused or reset connection is an error too
                with lock:
                    errors.append(repr(e))
                c = Client(host, port)
                continue
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 200 and data.startswith(b"%PDF-"):
                    latencies.append(dt * 1000)
                else:
                    errors.append(f"HTTP {status}")

    threads = [threading.Thread(target=run) for _ in range(clients)]
    samples = []
    t0 = time.time()
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        if server_pid:
            samples.append(memory_mb(server_pid))
        time.sleep(0.2)
    for t in threads:
        t.join()
    elapsed = time.time() - t0
    latencies.sort()
    n = len(latencies)
    print(f"load: {clients} clients for {duration} s: {n} PDFs in {elapsed:.1f} s ({n / elapsed:.1f}/s), "
          f"{len(errors)} errors, statuses {statuses}")
    if n:
        pct = lambda q: latencies[min(n - 1, int(q * n))]
        print(f"  latency ms: median {pct(0.5):.0f}, p90 {pct(0.9):.0f}, p99 {pct(0.99):.0f}, max {latencies[-1]:.0f}")
    if samples:
        print(f"  memory of server + render host + jobs: peak RSS sum {max(s[0] for s in samples):.0f} MB, "
              f"peak PSS sum {max(s[1] for s in samples):.0f} MB; at the end {samples[-1][1]:.0f} MB PSS")
    if errors:
        print("  first errors:", errors[:5])
    return not errors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--banshi", default=os.path.join(root, "build", "banshi"))
    ap.add_argument("-j", "--workers", type=int, default=2)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--duration", type=float, default=30)
    ap.add_argument("--max-requests", type=int, default=10000)
    ap.add_argument("--warm", type=int, default=30, help="requests per kind for the warm latency")
    ap.add_argument("--url", help="an already running server (memory is then not measured)")
    a = ap.parse_args()
    a.clients = max(1, min(a.clients, 64))
    a.duration = max(1, min(a.duration, 120))

    with open(SAMPLE, "rb") as f:
        body, ctype = multipart("report", "bz25yb119-jiexiang.xml", f.read())
    proc = None
    if a.url:
        u = urllib.parse.urlparse(a.url)
        host, port, pid = u.hostname, u.port, None
    else:
        proc = subprocess.Popen([a.banshi, "serve", "--listen", "127.0.0.1:0", "-j", str(a.workers), "--queue", "64"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", proc.stdout.readline().decode())
        host, port, pid = "127.0.0.1", int(m.group(1)), proc.pid
        print(f"banshi serve -j {a.workers}: idle memory {memory_mb(pid)[0]:.0f} MB RSS, {memory_mb(pid)[1]:.0f} MB PSS")
    try:
        warm_latency(host, port, body, ctype, a.warm)
        ok = load(host, port, body, ctype, a.clients, a.duration, a.max_requests, pid)
    finally:
        if proc:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=120)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
