#!/usr/bin/python3
"""Where readers put a space between Han and Latin letters or digits:
counts for MuPDF (get_text), pdftotext and, given --pdfjs, pdf.js 2.14
(Debian's libjs-pdf) under node, through pdfjs_text.js beside this file;
and how many times MuPDF's search_for finds 96家 and 2023年.

Not part of the tests or CI: node is no dependency of banshi (apt-get
install nodejs to use --pdfjs). Run with Debian's python3 (python3-fitz):
  /usr/bin/python3 bench/gap_copies/reader_spaces.py [--pdfjs] PDF...
ab.sh beside it runs it on two builds' renders of every sample."""
import os
import re
import subprocess
import sys

import fitz

HAN, LAT = r"[\u4e00-\u9fff]", r"[A-Za-z0-9%]"
PAIR = re.compile(f"(?=(.(?:{HAN} {LAT}|{LAT} {HAN}).))")
args = sys.argv[1:]
pdfjs = "--pdfjs" in args
for pdf in [a for a in args if a != "--pdfjs"]:
    doc = fitz.open(pdf)
    texts = {"mupdf": "".join(p.get_text() for p in doc),
             "pdftotext": subprocess.run(["pdftotext", pdf, "-"], capture_output=True, check=True).stdout.decode()}
    if pdfjs:
        js = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdfjs_text.js")
        texts["pdf.js"] = subprocess.run(["node", js, pdf], capture_output=True, check=True).stdout.decode()
    found = {k: sum(len(p.search_for(s)) for p in doc) for k, s in (("96家", "96家"), ("2023年", "2023年"))}
    print(pdf, " ".join(f"{k}={len(PAIR.findall(t))}" for k, t in texts.items()), "mupdf search_for:", found)
