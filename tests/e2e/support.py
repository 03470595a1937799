"""Shared helpers for the end-to-end tests: run the built banshi, read the
PDFs it writes with poppler and PyMuPDF, and derive the text a report should
print from its XML."""

import os
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET

import fitz  # PyMuPDF, Debian's python3-fitz

BANSHI = os.environ.get("BANSHI", "build/banshi")
SOURCE_DIR = os.environ.get("BANSHI_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
OUT_DIR = os.environ.get("BANSHI_TEST_OUT", os.path.join(tempfile.gettempdir(), "banshi-e2e"))
SAMPLES = os.path.join(SOURCE_DIR, "samples")

A4 = (595.28, 841.89)


# The outcome template's heading numbers by depth (templates/outcome).
HEADING_FORMATS = {1: "{zh}、", 2: "（{zh}）", 3: "{n}.", 4: "（{n}）"}


def zh_number(n):
    """1 → 一, 12 → 十二, 25 → 二十五."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


def heading_number(depth, n):
    """The printed number of the n-th heading at `depth`: 二、 （三） 4. （5）."""
    return HEADING_FORMATS[depth].replace("{zh}", zh_number(n)).replace("{n}", str(n))


def raw_chars(page):
    """(span, char) for every non-blank character of a PyMuPDF page, in the
    order of its text lines (the rawdict's blocks, lines and spans)."""
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for ch in span["chars"]:
                    if ch["c"].strip():
                        yield span, ch


def out_path(name):
    os.makedirs(OUT_DIR, exist_ok=True)
    return os.path.join(OUT_DIR, name)


def run_banshi(*args, stdin=None, locale="C.UTF-8"):
    """Runs banshi; returns (exit status, stdout bytes, stderr text).
    Messages follow the locale, so it is fixed: English unless a test asks
    for another (locale="zh_CN.UTF-8")."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    env["LANG"] = locale
    p = subprocess.run([BANSHI, *args], input=stdin, capture_output=True, timeout=300, env=env)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def render(xml_path, pdf_name, *extra):
    pdf = out_path(pdf_name)
    code, _, err = run_banshi("render", xml_path, "-o", pdf, *extra)
    if code != 0:
        raise AssertionError(f"banshi render {xml_path} exited {code}:\n{err}")
    return pdf, err


def pdftotext(pdf, *args):
    return subprocess.run(["pdftotext", *args, pdf, "-"], capture_output=True, check=True).stdout.decode("utf-8")


def pdffonts(pdf):
    """Rows of pdffonts: dicts with name, type, emb, sub, uni."""
    out = subprocess.run(["pdffonts", pdf], capture_output=True, check=True).stdout.decode("utf-8")
    lines = out.splitlines()
    header = lines[0]
    cols = {name: header.index(name) for name in ("name", "type", "encoding", "emb", "sub", "uni", "object")}
    rows = []
    for line in lines[2:]:
        rows.append({
            "name": line[:cols["type"]].strip(),
            "type": line[cols["type"]:cols["encoding"]].strip(),
            "emb": line[cols["emb"]:cols["sub"]].strip(),
            "sub": line[cols["sub"]:cols["uni"]].strip(),
            "uni": line[cols["uni"]:cols["object"]].strip(),
        })
    return rows


def page_label(page):
    """The page's label as a viewer shows it. PyMuPDF (1.21) returns a label
    written as a hex UTF-16 string (<FEFF…>, how banshi writes a non-ASCII
    prefix) undecoded: decode it here."""
    label = page.get_label()
    if label.startswith("<") and label.endswith(">"):
        return bytes.fromhex(label[1:-1]).decode("utf-16")
    return label


def squeeze(s):
    """Text without any white space (pdftotext's line ends, the XML's
    indentation, ideographic spaces)."""
    return "".join(s.split())


def spans(pdf):
    """Every text span of the PDF: (page index, text, size, font, bbox)."""
    doc = fitz.open(pdf)
    for pno, page in enumerate(doc):
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    if span["text"].strip():
                        yield pno, span["text"], round(span["size"], 2), span["font"], span["bbox"]


# ---------------------------------------------------------------- expected text

def _inline_text(el, notes, counter, cites):
    """The text an inline element prints, footnote markers as their numbers;
    footnote texts are appended to `notes`."""
    out = el.text or ""
    for child in el:
        tag = child.tag
        if tag == "fn":
            counter[0] += 1
            n = counter[0]
            out += str(n)
            notes.append(str(n) + _inline_text(child, [], [0], cites))
        elif tag == "cite":
            out += cites(child.get("ref", "").split())
        elif tag == "br":
            out += BR
        else:
            out += _inline_text(child, notes, counter, cites)
        out += child.tail or ""
    return out


def cite_label(numbers):
    """A citation marker as printed: [1], [2-4] (three or more consecutive
    numbers as a range), [2,5]."""
    nums = sorted(set(numbers))
    parts, i = [], 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{nums[i]}-{nums[j]}")
        else:
            parts.extend(str(n) for n in nums[i:j + 1])
        i = j + 1
    return "[" + ",".join(parts) + "]"


class Expected:
    """What the outcome of a report XML prints, as squeezed strings: the body
    in reading order and the footnote texts."""

    def __init__(self, xml_path):
        root = ET.parse(xml_path).getroot()
        self.root = root
        outcome = root.find("outcome")
        self.notes = []
        self.title = squeeze(_inline_text(outcome.find("title"), [], [0], lambda r: ""))
        counter = [0]
        cite_numbers = {}

        def cites(ids):
            nums = []
            for i in ids:
                cite_numbers.setdefault(i, len(cite_numbers) + 1)
                nums.append(cite_numbers[i])
            return cite_label(nums)

        def text(el):
            return _inline_text(el, self.notes, counter, cites)

        parts = [text(outcome.find("title"))]
        self.headings = set()  # indices into parts of headings printed on their own
        self.narrow = set()    # parts set in by two characters on both sides (quotes)
        # Tables and figures: their text is checked apart from the body's
        # (a figure floats; a table repeats its header on each page).
        self.floats = []
        self.tables_seen = 0
        self.figures_seen = 0
        authors = outcome.find("authors")
        if authors is not None:
            roles = {}
            for a in authors:
                roles.setdefault(a.get("role", ""), []).append(a.text or "")
            for role, names in roles.items():
                parts.append((role + "：" if role else "") + "、".join(names))
        if outcome.find("abstract") is not None:
            parts.append("摘要：" + text(outcome.find("abstract")))
        if outcome.find("keywords") is not None:
            parts.append("关键词：" + "；".join(k.text or "" for k in outcome.find("keywords")))
        numbers = [0, 0, 0, 0, 0]

        def blocks(parent, depth):
            items = list(parent)
            for el in items:
                if el.tag == "p":
                    parts.append(text(el))
                elif el.tag == "section":
                    d = depth + 1
                    number = ""
                    if el.get("numbered", "yes") != "no":
                        numbers[d] += 1
                        for k in range(d + 1, 5):
                            numbers[k] = 0
                        number = heading_number(d, numbers[d])
                    head = number + text(el.find("h"))
                    rest = [c for c in el if c.tag != "h"]
                    if el.get("run-in") == "yes" and rest and rest[0].tag == "p":
                        if not re.search(r"[。？！：.]$", head):
                            head += "。"
                        parts.append(head + text(rest[0]))
                        rest = rest[1:]
                    else:
                        parts.append(head)
                        self.headings.add(len(parts) - 1)
                    fake = ET.Element("x")
                    fake.extend(rest)
                    blocks(fake, d)
                elif el.tag == "list":
                    for i, item in enumerate(el, 1):
                        parts.append((f"{i}." if el.get("type") == "ordered" else "•") + text(item))
                elif el.tag == "table":
                    self.tables_seen += 1
                    cap = el.find("caption")
                    caption = squeeze(text(cap)) if cap is not None else ""
                    if not re.match(r"^表\d", caption):
                        caption = f"表{self.tables_seen}" + caption
                    cells = [squeeze(text(c)) for tr in el.findall("tr") for c in tr if c.tag in ("td", "th")]
                    heads = [squeeze(text(c)) for tr in el.findall("tr") for c in tr if c.tag == "th"]
                    note = el.find("note")
                    self.floats.append({"kind": "table", "caption": caption, "cells": [c for c in cells if c],
                                        "header": [h for h in heads if h],
                                        # a <br/> in a note ends a line: no character of its own
                                        "note": squeeze(text(note)).replace(BR, "") if note is not None else ""})
                elif el.tag == "figure":
                    self.figures_seen += 1
                    cap = el.find("caption")
                    caption = squeeze(text(cap)) if cap is not None else ""
                    if not re.match(r"^图\d", caption):
                        caption = f"图{self.figures_seen}" + caption
                    self.floats.append({"kind": "figure", "caption": caption})
                elif el.tag == "quote":
                    ps = el.findall("p")
                    for p in ps or [el]:
                        parts.append(text(p))
                        self.narrow.add(len(parts) - 1)

        blocks(outcome.find("body"), 0)
        refs = outcome.find("references")
        if refs is not None:
            parts.append("参考文献")
            self.headings.add(len(parts) - 1)
            for i, r in enumerate(refs, 1):
                parts.append(f"[{i}]" + text(r))
        # Offsets (in the joined body) where a <br/> ends a line.
        self.forced_ends = set()
        squeezed, total = [], 0
        for x in parts:
            x = squeeze(x)
            while BR in x:
                k = x.index(BR)
                self.forced_ends.add(total + k)
                x = x[:k] + x[k + 1:]
            squeezed.append(x)
            total += len(x)
        self.parts = squeezed
        self.body = "".join(self.parts)
        self.notes = [squeeze(n) for n in self.notes]


FOLIO = re.compile(r"—\d+—")
BR = "\ue000"  # where a <br/> ends a line, in Expected's parts until squeezed


def outcome_text(pdf, expected):
    """The squeezed text of the PDF from the outcome's title on, with folios
    and the footnote texts taken out; also returns the notes not found."""
    # -raw: content-stream order, which is reading order in banshi's PDFs
    # (the default sorts by position and puts a raised footnote marker on
    # a page's first line before that line).
    text = squeeze(pdftotext(pdf, "-raw"))
    # The outcome's title, followed by what comes after it (a cover page may
    # print the same title as the project's name).
    anchor = expected.body[:len(expected.title) + 8]
    start = text.find(anchor)
    if start < 0:
        raise AssertionError(f"the outcome's start ({anchor}) is not in the PDF text")
    text = text[start:]
    missing = []
    for note in expected.notes:
        at = text.find(note)
        if at < 0:
            missing.append(note)
        else:
            text = text[:at] + text[at + len(note):]
    for f in expected.floats:
        text = _remove_float(text, f, missing)
    return FOLIO.sub("", text), missing


def _remove_float(text, f, missing):
    """Takes a table's or figure's text out of the PDF text; whatever is
    not found goes to `missing`."""
    at = text.find(f["caption"])
    if at < 0:
        missing.append(f["caption"])
        return text
    text = text[:at] + text[at + len(f["caption"]):]
    if f["kind"] == "figure":
        return text
    # Cells in reading order from the caption on; header cells repeated on
    # continuation pages are taken out up to the table's note.
    # Each cell's first occurrence after the caption (a merged cell prints
    # after the first row it spans, so the order is not the XML's).
    pos = at
    for cell in f["cells"]:
        k = text.find(cell, at)
        if k < 0:
            missing.append(cell)
            continue
        text = text[:k] + text[k + len(cell):]
        pos = max(pos, k)
    end = text.find(f["note"], at) if f["note"] else -1
    if f["note"]:
        if end < 0:
            missing.append(f["note"])
        else:
            text = text[:end] + text[end + len(f["note"]):]
    region_end = end if end >= 0 else pos
    # A continuation page's 续表N label (N as the caption has it).
    label = re.match(r"表[0-9０-９]+", f["caption"])
    for h in ([f"续{label.group(0)}"] if label else []) + f["header"]:
        while True:
            k = text.find(h, at, region_end)
            if k < 0:
                break
            text = text[:k] + text[k + len(h):]
            region_end -= len(h)
    return text
