#!/usr/bin/env python3
"""Scaling cases: how render time grows with the size of one hostile part
of a report. Each case is rendered at n, 2n and 4n and printed as a table
with the ratio of each time to the one before: about 2 means linear
growth, about 4 quadratic. The largest n of each case is at (or near) the
documented limits (a paragraph, footnote, table cell or heading of 100,000
characters; the 16 MB file), so every row of a healthy build stays well
under two seconds.

Every render is a whole process (font loading included), timed as the
median of --runs runs on a warm cache; pass --only NAME to run some cases.

usage: bench/scaling.py [--banshi build/banshi] [--runs 3] [--only NAME …]"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def report(body, extra=""):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<report template="outcome" version="1">\n<outcome>\n'
            f'<title>规模测试</title>\n<body>\n{body}\n</body>\n{extra}</outcome>\n</report>\n')


def sentence(i):
    return f"第{i}句，用于检查排版时间是否随篇幅线性增长。"


def text(chars):
    """About `chars` characters of ordinary Chinese prose."""
    out, i = [], 0
    while sum(map(len, out)) < chars:
        out.append(sentence(i))
        i += 1
    return "".join(out)[:chars]


def paragraphs_of(items, per=100):
    return "".join("<p>" + "".join(items[k:k + per]) + "</p>\n" for k in range(0, len(items), per))


# name: (what n counts, smallest n, builder n → XML)
CASES = {
    "citations": ("references, each cited once", 2500, lambda n: report(
        paragraphs_of([f'引用<cite ref="r{i}"/>。' for i in range(n)]),
        "<references>" + "".join(f'<ref id="r{i}">作者{i}. 文献题名{i}[J]. 期刊, 2020.</ref>' for i in range(n))
        + "</references>\n")),
    "uncited-references": ("references, none cited", 2500, lambda n: report(
        "<p>正文。</p>",
        "<references>" + "".join(f'<ref id="r{i}">作者{i}. 文献题名{i}[J]. 期刊, 2020.</ref>' for i in range(n))
        + "</references>\n")),
    "table-cell": ("characters in one cell", 24000, lambda n: report(
        f"<table><caption>表1 长单元格</caption><tr><th>甲</th><th>乙</th></tr>"
        f"<tr><td>{text(n)}</td><td>短</td></tr></table>")),
    "table-rows": ("rows of one table", 2000, lambda n: report(
        "<table><caption>表1 长表</caption><tr><th>序号</th><th>内容</th><th>备注</th></tr>"
        + "".join(f"<tr><td>{i}</td><td>{sentence(i)}</td><td>无</td></tr>" for i in range(n)) + "</table>")),
    "table-columns": ("cells in one row", 250, lambda n: report(
        "<table><caption>表1 宽表</caption><tr>" + "".join(f"<th>栏{i}</th>" for i in range(n)) + "</tr><tr>"
        + "".join(f"<td>{i}</td>" for i in range(n)) + "</tr></table>")),
    "combining-marks": ("marks on one letter", 24000, lambda n: report(
        "<p>a" + "\u0301" * n + "b。</p>")),
    "zero-width-spaces": ("U+200B between letters", 24000, lambda n: report(
        "<p>" + "字\u200b" * (n // 2) + "</p>")),
    "zero-width-styled": ("U+200B alternately bold, in a row", 24000, lambda n: report(
        "<p>甲" + "<b>\u200b</b>\u200b" * (n // 2) + "乙。</p>")),
    "spaces": ("spaces (&#x20;) in a row", 24000, lambda n: report(
        "<p>甲" + "&#x20;" * n + "乙。</p>")),
    "paragraph": ("characters in one paragraph", 24000, lambda n: report(
        f"<p>{text(n)}</p>")),
    "latin-word": ("letters of one unbreakable word", 24000, lambda n: report(
        "<p>" + "a" * n + "</p>")),
    "footnotes": ("footnotes, one per paragraph", 4000, lambda n: report(
        "".join(f"<p>正文{i}<fn>{sentence(i)}</fn>。</p>" for i in range(n)))),
    "footnotes-in-a-row": ("footnotes one after another in one paragraph", 4000, lambda n: report(
        "<p>正文" + "".join(f"<fn>注{i}。</fn>" for i in range(n)) + "。</p>")),
    "long-footnote": ("characters in one footnote", 24000, lambda n: report(
        f"<p>正文<fn>{text(n)}</fn>。</p>")),
    "headings": ("sections", 2000, lambda n: report(
        "".join(f"<section><h>第{i}节</h><p>{sentence(i)}</p></section>" for i in range(n)))),
    "line-breaks": ("<br/> in one paragraph", 8000, lambda n: report(
        "<p>" + "行<br/>" * n + "</p>")),
    "styled-spans": ("bold and plain spans in one paragraph", 12000, lambda n: report(
        "<p>" + "<b>粗</b>细" * (n // 2) + "</p>")),
    "pages": ("paragraphs of 400 characters", 500, lambda n: report(
        "".join(f"<p>{text(400)}</p>" for _ in range(n)))),
    "title": ("characters in the title", 24000, lambda n: report("<p>正文。</p>").replace(
        "规模测试", text(n))),
}


def render(banshi, xml, pdf):
    t0 = time.perf_counter()
    p = subprocess.run([banshi, "render", xml, "-o", pdf, "--impose", "none", "-q"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return time.perf_counter() - t0, p.returncode, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--banshi", default=os.path.join(root, "build", "banshi"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", nargs="*", default=None)
    a = ap.parse_args()
    names = a.only or list(CASES)
    for name in names:
        if name not in CASES:
            sys.exit(f"unknown case {name}; cases: {', '.join(CASES)}")
    print(f"{'case':<20} {'n counts':<45} {'n':>8} {'seconds':>8} {'× prev':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            what, n0, build = CASES[name]
            previous = None
            for n in (n0, 2 * n0, 4 * n0):
                xml = os.path.join(tmp, f"{name}-{n}.xml")
                with open(xml, "w", encoding="utf-8") as f:
                    f.write(build(n))
                pdf = os.path.join(tmp, "out.pdf")
                times = []
                for _ in range(a.runs):
                    seconds, code, err = render(a.banshi, xml, pdf)
                    if code != 0:
                        sys.exit(f"{name} at n={n}: exit {code}\n{err[-2000:]}")
                    times.append(seconds)
                t = statistics.median(times)
                ratio = f"{t / previous:7.1f}" if previous else " " * 7
                print(f"{name:<20} {what:<45} {n:>8} {t:>8.2f} {ratio}", flush=True)
                previous = t


if __name__ == "__main__":
    main()
