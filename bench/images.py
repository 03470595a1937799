#!/usr/bin/env python3
"""Memory and time of a report of many large figures (issue 10: ten
distinct 36-Mpx 16-bit PNGs took 2.17 GB and 30 s): wall time and peak RSS
of `banshi render` (and `check`), for one or more banshi binaries run
alternately in the same sitting, so an A/B comparison sees the same load.

The PNGs are generated once (numpy, cached under --work): smooth 16-bit
RGB gradients, different in each file, PNG-filtered so each stays under
the 50 MB file limit.

usage: bench/images.py [--banshi build/banshi ...] [--count 10] [--side 6000] [--runs 3]"""

import argparse
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib

import numpy as np  # python3-numpy; only this benchmark needs it


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def write_png(path, side, seed):
    """A side × side 16-bit RGB PNG: gradients turned by `seed`, each row
    with the Sub filter; made in bands, so this process stays small (a
    child's peak RSS counts its parent's memory at the fork)."""
    a = 2 * np.pi * seed / 10
    z = zlib.compressobj(6)
    idat = []
    for y0 in range(0, side, 250):
        y, x = np.mgrid[y0:min(side, y0 + 250), 0:side].astype(np.float64) / side
        r = (0.5 + 0.5 * np.sin(3 * (x * np.cos(a) + y * np.sin(a)))) * 65535
        g = (0.5 + 0.5 * np.cos(2 * (x - y) + a)) * 65535
        b = (x * y) * 65535
        rgb = np.stack([r, g, b], axis=-1).astype(">u2").view(np.uint8).reshape(len(y), side * 6)
        sub = rgb.copy()
        sub[:, 6:] = (rgb[:, 6:].astype(np.int16) - rgb[:, :-6].astype(np.int16)).astype(np.uint8)
        idat.append(z.compress(np.concatenate([np.ones((len(y), 1), np.uint8), sub], axis=1).tobytes()))
    idat.append(z.flush())
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 16, 2, 0, 0, 0))
                + chunk(b"IDAT", b"".join(idat)) + chunk(b"IEND", b""))


def make_report(work, count, side):
    body = ""
    for n in range(count):
        path = os.path.join(work, f"big-{side}-{n}.png")
        if not os.path.exists(path):
            print(f"writing {path}", file=sys.stderr)
            subprocess.run([sys.executable, __file__, "--write-png", path, str(side), str(n)], check=True)
        body += f'<figure src="{os.path.basename(path)}"><caption>图{n + 1}</caption></figure>\n'
    xml = os.path.join(work, f"big-{side}-x{count}.xml")
    with open(xml, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<report template="outcome" version="1"><outcome>'
                f'<title>大图</title><body><p>前。</p>\n{body}</body></outcome></report>\n')
    return xml


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, code, err


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--write-png":  # a child making one file
        write_png(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--banshi", nargs="+", default=["build/banshi"])
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--side", type=int, default=6000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "banshi-bench-images"))
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    xml = make_report(args.work, args.count, args.side)
    sizes = sum(os.path.getsize(os.path.join(args.work, f"big-{args.side}-{n}.png")) for n in range(args.count))
    print(f"{args.count} figures of {args.side} × {args.side} 16-bit RGB, {sizes / 1e6:.0f} MB of PNG; "
          f"load average {os.getloadavg()[0]:.1f}")
    results = {b: {"render": [], "check": []} for b in args.banshi}
    for _ in range(args.runs):
        for b in args.banshi:  # alternately: the same load for each
            pdf = os.path.join(args.work, "out.pdf")
            for what, cmd in (("render", [b, "render", xml, "-o", pdf, "--impose", "none", "-q"]),
                              ("check", [b, "check", xml])):
                wall, rss, code, err = run(cmd)
                if code != 0:
                    print(f"{b} {what}: exit {code}\n{err[-2000:]}", file=sys.stderr)
                results[b][what].append((wall, rss))
    for b in args.banshi:
        for what in ("render", "check"):
            walls = [w for w, _ in results[b][what]]
            rss = max(r for _, r in results[b][what])
            print(f"{b:40} {what:6}  median {statistics.median(walls):6.1f} s  peak RSS {rss:7.0f} MB")


if __name__ == "__main__":
    main()
