"""The content of a report as it comes out in the PDF: footnotes on the page
of their markers, citations and the reference list, a table broken across
pages with its header repeated, images, links, bookmarks, lists, emphasis
dots, superscripts and subscripts.

The main subject is samples/journal-article-outcome.xml, which uses every
element of the report XML; the footnote checks also run on every sample and
on documents written here. The checks read the PDF (PyMuPDF, poppler), never
banshi's own idea of what it did, and are written against the specification
(report-xml.md, layout-rules.md §3–§5), not against the current code."""

import glob
import os
import re
import subprocess
import unittest
import xml.etree.ElementTree as ET

import fitz

from support import SAMPLES, cite_label, heading_number, out_path, raw_chars, pdftotext, render, run_banshi, squeeze

MM = 72 / 25.4
PAGE_H = 841.89
TOP = 37 * MM                 # top of the text block
TEXT_W = 156 * MM
TEXT_H = 225 * MM
PITCH = TEXT_H / 22           # one grid line
BODY = 16.0                   # 3号 body text
FOLIO = re.compile(r"^—\d+—$")

JOURNAL = os.path.join(SAMPLES, "journal-article-outcome.xml")


def block_left(pno):
    """Left edge of the text block: odd pages (pno even) bind on the left."""
    return (28 if pno % 2 == 0 else 26) * MM


def write_xml(name, text):
    path = out_path(name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def outcome_doc(body, title="测试文档", references=""):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<report template="outcome" version="1">\n'
            f"  <outcome>\n    <title>{title}</title>\n    <body>\n{body}\n    </body>\n"
            f"{references}  </outcome>\n</report>\n")


# ------------------------------------------------------------ what the XML says

class Source:
    """A report XML read the way the outcome prints it: footnotes numbered
    through the document, citations numbered in order of first citation."""

    def __init__(self, xml_path):
        self.path = xml_path
        self.root = ET.parse(xml_path).getroot()
        self.outcome = self.root.find("outcome")
        self.cite_numbers = {}
        self.cite_labels = []      # the markers in the order they print
        self.notes = []            # squeezed footnote texts, note n at index n - 1
        self._walk(self.outcome, in_note=False)

    def _walk(self, el, in_note):
        """Numbers citations and notes in document order (the references
        list itself cites nothing)."""
        for child in el:
            if child.tag == "cite":
                ids = child.get("ref", "").split()
                for i in ids:
                    self.cite_numbers.setdefault(i, len(self.cite_numbers) + 1)
                if not in_note:
                    self.cite_labels.append(cite_label(self.cite_numbers[i] for i in ids))
            elif child.tag == "fn":
                self.notes.append(None)
                k = len(self.notes) - 1
                self._walk(child, True)
                self.notes[k] = squeeze(self.text(child))
            elif child.tag != "references":
                self._walk(child, in_note)

    def text(self, el):
        """The printed text of an inline element (citations as their labels)."""
        out = el.text or ""
        for child in el:
            if child.tag == "cite":
                out += cite_label(self.cite_numbers.get(i, 0) for i in child.get("ref", "").split())
            elif child.tag != "br":
                out += self.text(child)
            out += child.tail or ""
        return out

    def references_in_print_order(self):
        refs = self.outcome.find("references")
        if refs is None:
            return []
        entries = list(refs)
        return sorted(entries, key=lambda r: self.cite_numbers.get(r.get("id"), 10 ** 6))

    def headings(self):
        """(bookmark level, printed heading) in order: the title at level 1,
        a section of depth d at level d + 1 with its number."""
        out = [(1, squeeze(self.text(self.outcome.find("title"))))]
        counters = [0] * 6

        def walk(parent, depth):
            for s in parent.findall("section"):
                d = depth + 1
                number = ""
                if s.get("numbered", "yes") != "no":
                    counters[d] += 1
                    for k in range(d + 1, 6):
                        counters[k] = 0
                    number = heading_number(d, counters[d])
                out.append((d + 1, squeeze(number + self.text(s.find("h")))))
                walk(s, d)

        walk(self.outcome.find("body"), 0)
        return out


# ------------------------------------------------------------ what the PDF shows

def page_chars(page):
    """Every non-blank character of the page: dicts with c, size, x0, y0, x1,
    y1 (box) and base (baseline y), in the order of the page's text lines."""
    out = []
    for s, ch in raw_chars(page):
        x0, y0, x1, y1 = ch["bbox"]
        out.append({"c": ch["c"], "size": s["size"], "x0": x0, "y0": y0, "x1": x1, "y1": y1,
                    "base": ch["origin"][1], "x": ch["origin"][0]})
    return out


def page_spans(page):
    out = []
    for b in page.get_text("dict")["blocks"]:
        for l in b.get("lines", []):
            for s in l["spans"]:
                if s["text"].strip():
                    out.append({"text": s["text"], "size": s["size"], "bbox": fitz.Rect(s["bbox"]),
                                "base": s["origin"][1]})
    return out


def body_lines(page):
    """Lines of body-size (16 pt) text: lists of chars sorted by x, by
    baseline top to bottom."""
    rows = {}
    for ch in page_chars(page):
        if abs(ch["size"] - BODY) < 0.3:
            rows.setdefault(round(ch["base"] * 2) / 2, []).append(ch)
    return [sorted(rows[y], key=lambda c: c["x0"]) for y in sorted(rows)]


def find_chars(chars, text):
    """Runs of `chars` (a list of char dicts) spelling `text` (squeezed)."""
    s = "".join(c["c"] for c in chars)
    hits, at = [], s.find(text)
    while at >= 0 and text:
        hits.append(chars[at:at + len(text)])
        at = s.find(text, at + 1)
    return hits


def text_tops(page, text):
    """The top y of every occurrence of `text` on the page."""
    t = squeeze(text)
    tops = [min(c["y0"] for c in run) for run in find_chars(page_chars(page), t)]
    if not tops:
        tops = [r.y0 for r in page.search_for(t)]
    return sorted(tops)


def text_top(page, text):
    """The smallest top y of `text` on the page (None if it is not there)."""
    tops = text_tops(page, text)
    return tops[0] if tops else None


def filled_shapes(page):
    """Boxes of the filled subpaths drawn on the page (a path holding many
    dots gives one box per dot)."""
    boxes = []
    for d in page.get_drawings():
        if d.get("fill") is None:
            continue
        group, last = [], None
        for item in d["items"]:
            kind = item[0]
            if kind == "re":
                pts = [item[1].tl, item[1].br]
            elif kind == "qu":
                q = item[1]
                pts = [q.ul, q.ur, q.ll, q.lr]
            else:
                pts = list(item[1:])
            if group and (kind in ("re", "qu") or last is None or abs(pts[0].x - last.x) + abs(pts[0].y - last.y) > 0.01):
                boxes.append(fitz.Rect(min(p.x for p in group), min(p.y for p in group),
                                       max(p.x for p in group), max(p.y for p in group)))
                group = []
            group += pts
            last = pts[-1] if kind not in ("re", "qu") else None
        if group:
            boxes.append(fitz.Rect(min(p.x for p in group), min(p.y for p in group),
                                   max(p.x for p in group), max(p.y for p in group)))
    return boxes


def folio_top(page):
    for s in page_spans(page):
        if FOLIO.match(squeeze(s["text"])):
            return s["bbox"].y0
    return PAGE_H


def horizontal_rules(page):
    """Horizontal rules drawn on the page: (y, x0, x1)."""
    rules = []
    for d in page.get_drawings():
        for item in d["items"]:
            if item[0] == "l":
                p, q = item[1], item[2]
                if abs(p.y - q.y) < 0.5 and abs(p.x - q.x) > 10:
                    rules.append((p.y, min(p.x, q.x), max(p.x, q.x)))
            elif item[0] == "re":
                r = item[1]
                if r.height < 1.5 and r.width > 10:
                    rules.append(((r.y0 + r.y1) / 2, r.x0, r.x1))
    return rules


def footnote_separator(page, pno):
    """The y of the rule that separates the footnotes from the text: the
    lowest horizontal rule starting at the text block's left edge in the
    lower part of the page with only smaller-than-body text between it and
    the folio. None when the page has no footnotes."""
    spans = page_spans(page)
    bottom = folio_top(page)
    for y, x0, x1 in sorted(horizontal_rules(page), reverse=True):
        if y < TOP + PITCH or y > bottom or abs(x0 - block_left(pno)) > 3 or x1 - x0 > TEXT_W + 2:
            continue
        below = [s for s in spans if s["bbox"].y0 >= y - 0.5 and s["bbox"].y1 <= bottom + 0.5]
        if below and all(s["size"] < BODY - 1 for s in below):
            return y
        if not below:
            continue
        return None
    return None


def foot_text(page, pno):
    """The squeezed text at the foot of the page (below the separator, above
    the folio), line by line in reading order; '' without a separator."""
    sep = footnote_separator(page, pno)
    if sep is None:
        return "", None
    bottom = folio_top(page)
    spans = [s for s in page_spans(page)
             if s["bbox"].y0 >= sep - 0.5 and s["bbox"].y1 <= bottom + 0.5 and not FOLIO.match(squeeze(s["text"]))]
    lines = []
    for s in sorted(spans, key=lambda s: (s["bbox"].y0 + s["bbox"].y1) / 2):
        for line in lines:
            top, bot = line["top"], line["bot"]
            overlap = min(bot, s["bbox"].y1) - max(top, s["bbox"].y0)
            if overlap > 0.3 * min(bot - top, s["bbox"].height):
                line["spans"].append(s)
                line["top"], line["bot"] = min(top, s["bbox"].y0), max(bot, s["bbox"].y1)
                break
        else:
            lines.append({"top": s["bbox"].y0, "bot": s["bbox"].y1, "spans": [s]})
    lines.sort(key=lambda l: l["top"])
    text = "".join(squeeze("".join(s["text"] for s in sorted(l["spans"], key=lambda s: s["bbox"].x0))) for l in lines)
    return text, sep


def markers(page, sep):
    """Footnote markers in the body of the page: small digit-only spans
    raised above the baseline of a body-size line. Returns their numbers."""
    spans = page_spans(page)
    limit = sep if sep is not None else folio_top(page)
    body = [s for s in spans if abs(s["size"] - BODY) < 0.3 and s["bbox"].y1 <= limit + 0.5]
    out = []
    for s in spans:
        t = s["text"].strip()
        if not t.isdigit() or s["size"] >= BODY * 0.9 or s["bbox"].y1 > limit + 0.5:
            continue
        for b in body:
            overlap = min(b["bbox"].y1, s["bbox"].y1) - max(b["bbox"].y0, s["bbox"].y0)
            if overlap > 0 and b["base"] > s["base"] + 0.5:
                out.append(int(t))
                break
    return out


def small_raised_runs(page, limit):
    """Text of runs of adjacent small raised spans (superscripts) above
    `limit`, in reading order."""
    spans = page_spans(page)
    body = [s for s in spans if abs(s["size"] - BODY) < 0.3 and s["bbox"].y1 <= limit + 0.5]
    small = []
    for s in spans:
        if s["size"] >= BODY * 0.9 or s["bbox"].y1 > limit + 0.5:
            continue
        line = next((b for b in body if min(b["bbox"].y1, s["bbox"].y1) - max(b["bbox"].y0, s["bbox"].y0) > 0
                     and b["base"] > s["base"] + 0.5), None)
        if line is not None:
            small.append((round(line["base"], 1), s["bbox"].x0, s))
    small.sort(key=lambda t: (t[0], t[1]))
    runs = []
    for base, x0, s in small:
        if runs and runs[-1][0] == base and abs(x0 - runs[-1][1]) < 2:
            runs[-1][2] += s["text"].strip()
            runs[-1][1] = s["bbox"].x1
        else:
            runs.append([base, s["bbox"].x1, s["text"].strip()])
    return [r[2] for r in runs]


CONTINUED = re.compile(r"^[（(]?续[)）]?[:：]?")


def note_start(n, text):
    """The start of note n at the foot: its number (perhaps followed by a
    full stop or bracket), then the first characters of its text; the
    match ends where the text begins."""
    return re.compile(r"(?<!\d)" + re.escape(str(n)) + r"[.．:：)）]?(?=" + re.escape(text) + ")")


def footnote_problems(pdf, notes):
    """Checks every footnote of `notes` (squeezed texts, numbered from 1)
    against the PDF: its marker in the body and the start of its text at
    the foot of the same page, the rest (if any) at the foot of the
    following pages; the notes below all text and above the folio.
    Returns (problems, {number: (marker pages, note page)})."""
    doc = fitz.open(pdf)
    feet, marks = [], []
    problems = []
    for pno, page in enumerate(doc):
        text, sep = foot_text(page, pno)
        feet.append(text)
        marks.append(markers(page, sep))
        if sep is not None:
            body_bottom = max((s["bbox"].y1 for s in page_spans(page)
                               if abs(s["size"] - BODY) < 0.3 and s["bbox"].y0 < sep), default=0)
            if body_bottom > sep + 0.5:
                problems.append(f"page {pno + 1}: body text reaches y={body_bottom:.1f}, below the footnote rule at {sep:.1f}")
    where = {}
    for n, note in enumerate(notes, 1):
        marker_pages = [p for p, ms in enumerate(marks) if n in ms]
        start = None
        for length in (20, 12, 6, 2):
            hits = [(p, m.end()) for p, f in enumerate(feet) for m in note_start(n, note[:length]).finditer(f)]
            if hits:
                start = hits[0]
                break
        where[n] = (marker_pages, start[0] if start else None)
        if not marker_pages:
            problems.append(f"note {n}: no superscript marker {n} in the body of any page")
        if start is None:
            elsewhere = [q + 1 for q, page in enumerate(doc) if note[:12] in squeeze(page.get_text())]
            problems.append(f"note {n} ({note[:20]}…): its text is not at the foot of any page (below a "
                            f"footnote rule, above the folio)"
                            + (f"; it is printed on page(s) {elsewhere}, overlapping the text or without a rule"
                               if elsewhere else "; it is not printed at all"))
            continue
        p, at = start   # `at`: where the note's text begins on page p
        if marker_pages and p not in marker_pages:
            problems.append(f"note {n} ({note[:20]}…): text starts at the foot of page {p + 1}, "
                            f"its marker is on page(s) {[q + 1 for q in marker_pages]}")
        # The note's text on this page runs to the next note's number or the end.
        rest = feet[p][at:]
        if rest.startswith(note):
            continue
        if n < len(notes):
            nxt = note_start(n + 1, notes[n][:8]).search(rest)
            if nxt:
                rest = rest[:nxt.start()]
        if not rest or not note.startswith(rest):
            problems.append(f"note {n}: the foot of page {p + 1} prints {rest[:40]!r}…, expected {note[:40]!r}…")
            continue
        remaining = note[len(rest):]
        q = p
        while remaining:
            q += 1
            if q >= len(feet) or not feet[q]:
                problems.append(f"note {n}: {len(remaining)} characters of its text are missing "
                                f"(not continued at the foot of page {q + 1}): {remaining[:30]!r}…")
                break
            cont = feet[q]
            if not (cont.startswith(remaining) or remaining.startswith(cont)):
                cont = CONTINUED.sub("", cont)   # a 续 label before the continued text is fine
            if cont.startswith(remaining):
                remaining = ""
            elif remaining.startswith(cont):
                remaining = remaining[len(cont):]
            else:
                problems.append(f"note {n}: the foot of page {q + 1} should continue with {remaining[:30]!r}…, "
                                f"it starts with {cont[:30]!r}")
                break
    return problems, where


# ------------------------------------------------------------ the tests

class JournalSample(unittest.TestCase):
    """samples/journal-article-outcome.xml rendered once."""

    @classmethod
    def setUpClass(cls):
        cls.src = Source(JOURNAL)
        cls.pdf, cls.err = render(JOURNAL, "content-journal-article.pdf", "--impose", "none")
        cls.doc = fitz.open(cls.pdf)
        cls.raw = squeeze(pdftotext(cls.pdf, "-raw"))
        cls.plain = squeeze(pdftotext(cls.pdf))

    def test_sample_length(self):
        self.assertTrue(6 <= self.doc.page_count <= 10,
                        f"the journal sample should print 6–10 pages, it prints {self.doc.page_count}")

    # -------------------------------------------------- citations

    def test_citation_markers_in_order_of_first_citation(self):
        expected = self.src.cite_labels
        self.assertIn("[2-4]", expected)
        self.assertIn("[2,5]", expected)
        printed = []
        for pno, page in enumerate(self.doc):
            sep = footnote_separator(page, pno)
            for run in small_raised_runs(page, sep if sep is not None else folio_top(page)):
                run = run.replace("–", "-").replace("，", ",")
                printed += re.findall(r"\[\d+(?:[-,]\d+)*\]", run)
        self.assertEqual(printed, expected,
                         "the superscript citation markers in the PDF differ from the <cite>s of the XML "
                         "(numbered by first citation, r2 r3 r4 as [2-4], r2 r5 as [2,5])")

    def test_reference_list_in_order_of_first_citation(self):
        refs = self.src.references_in_print_order()
        self.assertGreaterEqual(len(refs), 6)
        self.assertTrue(all(r.get("id") in self.src.cite_numbers for r in refs), "every reference is cited")
        start = self.raw.rfind("参考文献")
        self.assertGreaterEqual(start, 0, "no 参考文献 heading in the PDF text")
        at = start
        for i, r in enumerate(refs, 1):
            entry = f"[{i}]" + squeeze(self.src.text(r))
            found = self.raw.find(entry[:16], at)
            self.assertGreaterEqual(found, 0, f"reference list: entry {entry[:30]}… not found after the previous one")
            self.assertIn(entry, self.raw, f"reference list: entry {i} is not printed in full: {entry}")
            at = found + 1

    # -------------------------------------------------- table

    def long_table(self):
        tables = [t for t in self.src.outcome.iter("table") if len(t.findall("tr")) > 20]
        self.assertTrue(tables, "the sample has no long table")
        return tables[0]

    def test_table_cells_all_printed(self):
        t = self.long_table()
        cells = [c for c in t.iter() if c.tag in ("th", "td", "caption", "note")]
        missing = [squeeze(self.src.text(c)) for c in cells
                   if squeeze(self.src.text(c)) not in self.raw and squeeze(self.src.text(c)) not in self.plain]
        self.assertEqual(missing, [], "table cell texts missing from the PDF text")

    def test_table_caption_once_above_the_table(self):
        t = self.long_table()
        caption = squeeze(self.src.text(t.find("caption")))
        self.assertTrue(caption.startswith("表1"))
        self.assertEqual(self.raw.count(caption), 1, f"the caption {caption} should print exactly once")
        header = [squeeze(self.src.text(c)) for c in t.find("tr")]
        pages = [p for p, page in enumerate(self.doc) if caption in squeeze(page.get_text())]
        self.assertEqual(len(pages), 1, f"the caption {caption} is on pages {pages}")
        page = self.doc[pages[0]]
        cap_top = text_top(page, caption[:8])
        self.assertIsNotNone(cap_top, "caption not located on its page")
        for h in header:
            tops = text_tops(page, h)
            self.assertTrue(tops, f"header cell {h} is not on the caption's page {pages[0] + 1}")
            self.assertTrue(any(top > cap_top for top in tops), f"the caption is not above the header cell {h}")

    def test_table_breaks_and_repeats_its_header(self):
        t = self.long_table()
        rows = t.findall("tr")
        head_rows = [r for r in rows if all(c.tag == "th" for c in r)]
        body_rows = rows[len(head_rows):]
        self.assertGreaterEqual(len(head_rows), 1, "the long table has no header row of <th>")
        header = [squeeze(self.src.text(c)) for r in head_rows for c in r]
        caption = squeeze(self.src.text(t.find("caption")))
        # A key per body row: its first cell text found nowhere else in the table.
        texts = [squeeze(self.src.text(c)) for c in t.iter() if c.tag in ("th", "td")]
        keys = []
        for r in body_rows:
            cands = [squeeze(self.src.text(c)) for c in r if not c.get("rowspan")]
            keys.append(next(k for k in cands if texts.count(k) == 1))

        def locate(page, text):
            """Top of a cell's text (a wrapped cell by its first characters)."""
            top = text_top(page, text)
            return top if top is not None else text_top(page, text[:4])

        def key_tops(page):
            return [(locate(page, k), k) for k in keys if locate(page, k) is not None]

        first = next((p for p, page in enumerate(self.doc) if caption in squeeze(page.get_text())), None)
        self.assertIsNotNone(first, "table caption not found")
        last = next((p for p in range(len(self.doc) - 1, -1, -1) if locate(self.doc[p], keys[-1]) is not None), None)
        self.assertIsNotNone(last, f"the table's last row ({keys[-1]}) is not in the PDF")
        self.assertGreater(last, first, "the long table does not continue onto another page")
        for p in range(first + 1, last + 1):
            page = self.doc[p]
            tops = key_tops(page)
            self.assertTrue(tops, f"page {p + 1}: no row of the table")
            first_row = min(tops)
            for h in header:
                top = locate(page, h)
                self.assertIsNotNone(top, f"page {p + 1}: the table continues here but its header ({h}) is not repeated")
                self.assertLess(top, first_row[0], f"page {p + 1}: the repeated header {h} is not above the first row ({first_row[1]})")
                self.assertLess(top, TOP + 3 * PITCH, f"page {p + 1}: the repeated header {h} is not at the top of the page")
            # 续表N over the repeated header, N the number the caption printed.
            number = re.search(r"(表\d+)" + re.escape(re.sub(r"^表\d+", "", caption)), squeeze(self.doc[first].get_text()))
            self.assertIsNotNone(number, "the caption is not printed as 表N …")
            label = f"续{number.group(1)}"
            label_top = text_top(page, label)
            self.assertIsNotNone(label_top, f"page {p + 1}: the table continues here without {label}")
            self.assertLess(label_top, min(locate(page, h) for h in header), f"page {p + 1}: {label} is not above the header")

    def test_table_frame_closes_each_page(self):
        # layout-rules §8: a ruled table has a 1 pt outer frame; a table
        # broken across pages is framed on each page (top and bottom), with
        # 0.5 pt lines inside.
        t = self.long_table()
        caption = squeeze(self.src.text(t.find("caption")))
        texts = [squeeze(self.src.text(c)) for c in t.iter() if c.tag in ("th", "td")]
        last_cell = next(k for k in (squeeze(self.src.text(c)) for c in t.findall("tr")[-1]) if texts.count(k) == 1)
        first = next(p for p, page in enumerate(self.doc) if caption in squeeze(page.get_text()))
        last = next(p for p in range(len(self.doc) - 1, -1, -1) if last_cell in squeeze(self.doc[p].get_text()))
        self.assertGreater(last, first, "the long table does not continue onto another page")
        for p in range(first, last + 1):
            page = self.doc[p]
            # (A page whose footnotes continue has a full-width rule above
            # them too; the sample's table pages have none.)
            rules = sorted((it[1].y, d["width"]) for d in page.get_drawings() for it in d["items"]
                           if it[0] == "l" and abs(it[1].y - it[2].y) < 0.5
                           and abs(it[1].x - it[2].x) > 0.9 * TEXT_W)
            self.assertGreaterEqual(len(rules), 3, f"page {p + 1}: the table's rules are missing")
            top, bottom = rules[0][0], rules[-1][0]
            heaviest = lambda y: max(w for yy, w in rules if abs(yy - y) < 0.3)
            self.assertAlmostEqual(heaviest(top), 1.0, delta=0.1, msg=f"page {p + 1}: the table's top is not the 1 pt frame")
            self.assertAlmostEqual(heaviest(bottom), 1.0, delta=0.1,
                                   msg=f"page {p + 1}: the table's part on this page is not closed by the 1 pt frame")
            inner = [w for y, w in rules if top + 0.3 < y < bottom - 0.3]
            self.assertTrue(inner and max(inner) < 0.75, f"page {p + 1}: inner rules should be 0.5 pt, got {inner}")

    # -------------------------------------------------- images

    def test_images_embedded(self):
        out = subprocess.run(["pdfimages", "-list", self.pdf], capture_output=True, check=True).stdout.decode()
        rows = [l.split() for l in out.splitlines()[2:] if l.strip()]
        # page num type width height color comp bpc enc interp object ID ...
        listing = "\n" + out
        png = [r for r in rows if r[2] == "image" and (r[3], r[4]) == ("750", "459")]
        smask = [r for r in rows if r[2] == "smask" and (r[3], r[4]) == ("750", "459")]
        jpeg = [r for r in rows if r[2] == "image" and r[8] == "jpeg" and (r[3], r[4]) == ("467", "289")]
        self.assertTrue(png, "the PNG figure (750×459) is not in the PDF" + listing)
        self.assertTrue(smask, "the PNG figure's alpha channel is not an smask" + listing)
        self.assertTrue(jpeg, "the JPEG figure (467×289) is not embedded as a JPEG (DCT) image" + listing)

    def test_figure_width(self):
        infos = [(p, i) for p, page in enumerate(self.doc) for i in page.get_image_info()]
        png = [(p, i) for p, i in infos if (i["width"], i["height"]) == (750, 459)]
        self.assertTrue(png, "the PNG figure is not placed on any page")
        w = fitz.Rect(png[0][1]["bbox"]).width
        self.assertAlmostEqual(w, 120 * MM, delta=1.5 * MM, msg="figure width=\"120mm\" not honoured")
        for p, i in infos:
            self.assertLessEqual(fitz.Rect(i["bbox"]).width, TEXT_W + 1, f"page {p + 1}: an image wider than the text block")

    # -------------------------------------------------- links and bookmarks

    def test_links(self):
        hrefs = {a.get("href") for a in self.src.outcome.iter("a")}
        self.assertGreaterEqual(len(hrefs), 2)
        uris = {l.get("uri") for page in self.doc for l in page.get_links() if l.get("kind") == fitz.LINK_URI}
        self.assertEqual(sorted(hrefs - uris), [], "<a href> without a URI link in the PDF")

    def test_bookmarks(self):
        toc = [(level, squeeze(title)) for level, title, _ in self.doc.get_toc()]
        toc = [e for e in toc if e[1] != "参考文献"]
        self.assertEqual(toc, self.src.headings(),
                         "bookmarks should hold the title (level 1) and every heading with its printed number, "
                         "a section of depth d at level d + 1")
        for level, title, page in self.doc.get_toc():
            text = squeeze(self.doc[page - 1].get_text())
            self.assertIn(squeeze(title), text, f"bookmark {title} points at page {page}, which does not show it")

    # -------------------------------------------------- lists, emphasis, sup/sub

    def all_lines(self):
        out = []
        for pno, page in enumerate(self.doc):
            out += [(pno, l) for l in body_lines(page)]
        return out

    def check_list(self, lst, ordered):
        lines = self.all_lines()
        for i, item in enumerate(lst.findall("item"), 1):
            text = squeeze(self.src.text(item))
            self.assertGreater(len(text), 30, "list items must be long enough to wrap")
            hit = None
            for k, (pno, line) in enumerate(lines):
                s = "".join(c["c"] for c in line)
                at = s.find(text[:6])
                if at >= 0 and at <= 3:
                    hit = (k, pno, line, s, at)
                    break
            self.assertIsNotNone(hit, f"list item {i} ({text[:10]}…) is not at the start of a line")
            k, pno, line, s, at = hit
            label = s[:at]
            if ordered:
                self.assertEqual(label, f"{i}.", f"ordered list item {i}: label {label!r}, expected '{i}.'")
            else:
                self.assertTrue(label, f"bullet list item {i}: no bullet before the text")
            x_text = line[at]["x0"]
            self.assertLess(k + 1, len(lines))
            _, nxt = lines[k + 1]
            self.assertTrue("".join(c["c"] for c in nxt) in text, f"list item {i} does not wrap onto a second line")
            self.assertAlmostEqual(nxt[0]["x0"], x_text, delta=0.5,
                                   msg=f"list item {i}: the wrapped line starts at x={nxt[0]['x0']:.1f}, "
                                       f"not under the item text after the label (x={x_text:.1f})")

    def test_ordered_list(self):
        lst = next(l for l in self.src.outcome.iter("list") if l.get("type") == "ordered")
        self.check_list(lst, True)

    def test_bullet_list(self):
        lst = next(l for l in self.src.outcome.iter("list") if l.get("type") == "bullet")
        self.check_list(lst, False)

    def test_emphasis_dots(self):
        em = next(self.src.outcome.iter("em"))
        text = squeeze(self.src.text(em))
        for page in self.doc:
            runs = find_chars(page_chars(page), text)
            if runs:
                break
        else:
            self.fail(f"the emphasised text {text} is not in the PDF")
        dots = [((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2) for r in filled_shapes(page)
                if r.width < 0.4 * BODY and r.height < 0.4 * BODY]
        for ch in runs[0]:
            if not ("\u4e00" <= ch["c"] <= "\u9fff"):
                continue
            under = [d for d in dots if ch["x0"] <= d[0] <= ch["x1"] and ch["base"] < d[1] < ch["base"] + 0.75 * BODY]
            self.assertEqual(len(under), 1, f"<em>: no emphasis dot (filled shape) under {ch['c']} of {text}")
        # Dots, not squares: the shapes under the text are drawn with curves.
        small = [d for d in page.get_drawings() if d.get("fill") is not None
                 and d["rect"].width < 0.4 * BODY and d["rect"].height < 0.4 * BODY
                 and runs[0][0]["x0"] <= d["rect"].x0 and d["rect"].x1 <= runs[0][-1]["x1"]]
        self.assertTrue(small, "<em>: no emphasis dots found")
        for d in small:
            kinds = {item[0] for item in d["items"]}
            self.assertEqual(kinds, {"c"}, f"<em>: an emphasis dot drawn with {kinds}, not as a round dot")

    def find_script(self, before, digit):
        """(char before, the script digit) for `before` followed by a smaller `digit`."""
        for page in self.doc:
            chars = page_chars(page)
            for i, ch in enumerate(chars):
                if ch["c"] != before[-1] or "".join(c["c"] for c in chars[max(0, i - len(before) + 1):i + 1]) != before:
                    continue
                for d in chars:
                    if d["c"] == digit and d["size"] < ch["size"] * 0.85 and -0.5 <= d["x0"] - ch["x1"] < 4 \
                            and min(d["y1"], ch["y1"]) > max(d["y0"], ch["y0"]):
                        return ch, d
        return None

    def test_subscript(self):
        hit = self.find_script("CO", "2")
        self.assertIsNotNone(hit, "CO<sub>2</sub>: no smaller 2 right after CO")
        o, two = hit
        self.assertGreater(two["base"], o["base"] + 0.5, "CO<sub>2</sub>: the 2 is not below the baseline")

    def test_superscript(self):
        hit = self.find_script("m", "2")
        self.assertIsNotNone(hit, "m<sup>2</sup>: no smaller 2 right after m")
        m, two = hit
        self.assertLess(two["base"], m["base"] - 1, "m<sup>2</sup>: the 2 is not raised above the baseline")


class Footnotes(unittest.TestCase):
    def assert_notes(self, xml, pdf_name):
        pdf, _ = render(xml, pdf_name, "--impose", "none")
        notes = Source(xml).notes
        problems, where = footnote_problems(pdf, notes)
        self.assertEqual(problems, [], f"{os.path.basename(xml)}: footnote problems")
        return pdf, notes, where

    def test_samples(self):
        files = sorted(glob.glob(os.path.join(SAMPLES, "*.xml")))
        self.assertIn(JOURNAL, files)
        self.assertGreaterEqual(len(Source(JOURNAL).notes), 15)
        for xml in files:
            with self.subTest(sample=os.path.basename(xml)):
                self.assert_notes(xml, "content-notes-" + os.path.basename(xml)[:-4] + ".pdf")

    LONG_NOTE = "".join(f"第{k}组样本共发放问卷{30 + k}份，回收率为{80 + k % 17}.{k % 10}%，其中入户访谈{k % 7 + 2}次。"
                        for k in range(1, 61))

    def long_note_pdf(self):
        """A note of about 2,000 characters on the first paragraph, ten
        paragraphs after it and a short note at the end."""
        paras = "\n".join(f"      <p>第{k}段正文。巴中市各县（区）在推进乡村振兴的过程中，注重发挥红色文化资源的带动作用，"
                          f"逐步形成了各具特色的发展模式，本段用于填充页面。</p>" for k in range(2, 12))
        xml = write_xml("content-long-note.xml", outcome_doc(
            f"      <p>第1段正文，这里有一个很长的脚注。<fn>{self.LONG_NOTE}</fn>脚注之后的正文继续排列。</p>\n"
            f"{paras}\n      <p>最后一段正文，这里还有一个短脚注。<fn>短脚注的内容。</fn></p>"))
        return self.assert_notes(xml, "content-long-note.pdf")

    def test_note_longer_than_a_page(self):
        pdf, notes, where = self.long_note_pdf()
        page_of_1 = where[1][1]
        doc = fitz.open(pdf)
        text, _ = foot_text(doc[page_of_1], page_of_1)
        self.assertNotIn(squeeze(self.LONG_NOTE), text, "the long note was expected to continue on the next page")
        nxt, _ = foot_text(doc[page_of_1 + 1], page_of_1 + 1)
        nxt = CONTINUED.sub("", nxt)
        self.assertTrue(nxt and squeeze(self.LONG_NOTE).find(nxt[:10]) > 0,
                        f"the foot of page {page_of_1 + 2} does not continue the long note")

    def test_long_note_does_not_push_its_paragraph_off_a_roomy_page(self):
        """Page 1 holds only the title above the paragraph with the long
        note: the paragraph and the start of its note belong on page 1, not
        on page 2 with page 1 left empty."""
        _, _, where = self.long_note_pdf()
        self.assertEqual(where[1][1], 0, f"the paragraph with the long note (and the note's start) is on page "
                                         f"{where[1][1] + 1}; page 1 holds nothing but the title")

    def test_ten_notes_on_one_page(self):
        notes = [f"注释{k}：访谈记录编号BZ-{k:02d}。" for k in range(1, 11)]
        body = (f"      <p>第一段。巴中红色文化资源丰富，{''.join(f'资源点{k}<fn>{notes[k - 1]}</fn>、' for k in range(1, 4))}各有特色。</p>\n"
                f"      <p>第二段。调查涉及多个乡镇，{''.join(f'乡镇{k}<fn>{notes[k - 1]}</fn>、' for k in range(4, 8))}情况各异。</p>\n"
                f"      <p>第三段。受访者来自不同行业，{''.join(f'行业{k}<fn>{notes[k - 1]}</fn>、' for k in range(8, 11))}意见不一。</p>")
        xml = write_xml("content-ten-notes.xml", outcome_doc(body))
        pdf, _, where = self.assert_notes(xml, "content-ten-notes.pdf")
        pages = {n: w[1] for n, w in where.items()}
        self.assertEqual(set(pages.values()), {0}, f"the ten notes should all be on page 1: {pages}")


FANDOL = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf"


def hand_made(name, pages):
    """A PDF set by hand the way the footnote checks expect a page: `pages`
    is a list of (body, foot); body is a list of (text, marker number or
    None), foot a list of (note number or None for a continuation, text)."""
    doc = fitz.open()
    for pno, (body, foot) in enumerate(pages):
        page = doc.new_page(width=595.28, height=PAGE_H)
        left = block_left(pno)
        for k, (text, mark) in enumerate(body):
            y = TOP + k * PITCH + 0.88 * BODY
            page.insert_text((left, y), text, fontsize=BODY, fontfile=FANDOL, fontname="F0")
            if mark is not None:
                page.insert_text((left + len(text) * BODY, y - 6), str(mark), fontsize=9.6, fontfile=FANDOL, fontname="F0")
        y = TOP + TEXT_H - len(foot) * 18 - 6
        if foot:
            page.draw_line((left, y), (left + TEXT_W / 4, y), width=0.5)
        for k, (n, text) in enumerate(foot):
            base = y + 4 + (k + 1) * 18 - 4
            if n is not None:
                page.insert_text((left, base - 4), str(n), fontsize=7.2, fontfile=FANDOL, fontname="F0")
            page.insert_text((left + 18, base), text, fontsize=12, fontfile=FANDOL, fontname="F0")
        page.insert_text((left + TEXT_W / 2 - 20, TOP + TEXT_H + 7 * MM + 12), f"— {pno + 1} —", fontsize=14,
                         fontfile=FANDOL, fontname="F0")
    path = out_path(name)
    doc.save(path)
    return path


class FootnoteChecks(unittest.TestCase):
    """The footnote checks themselves, on pages set by hand: they accept a
    correct page and name what is wrong on a bad one."""

    NOTES = ["第一条注释的文字，相当长，要接着排到下一页去。", "第二条注释。"]

    def test_accepts_a_note_continued_on_the_next_page(self):
        pdf = hand_made("content-hand-good.pdf", [
            ([("正文第一行，脚注在此", 1)], [(1, "第一条注释的文字，相当长，")]),
            ([("正文第二行，另一脚注", 2)], [(None, "要接着排到下一页去。"), (2, "第二条注释。")]),
        ])
        problems, where = footnote_problems(pdf, self.NOTES)
        self.assertEqual(problems, [])
        self.assertEqual(where, {1: ([0], 0), 2: ([1], 1)})

    def test_rejects_a_note_away_from_its_marker(self):
        pdf = hand_made("content-hand-bad.pdf", [
            ([("正文第一行，脚注在此", 1)], [(1, "第一条注释的文字，相当长，"), (2, "第二条注释。")]),
            ([("正文第二行，另一脚注", 2)], [(None, "要接着排到下一页去。")]),
        ])
        problems, _ = footnote_problems(pdf, self.NOTES)
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("note 2", problems[0])
        self.assertIn("marker is on page(s) [2]", problems[0])

    def test_rejects_a_lost_continuation(self):
        pdf = hand_made("content-hand-lost.pdf", [
            ([("正文第一行，脚注在此", 1)], [(1, "第一条注释的文字，相当长，")]),
            ([("正文第二行，另一脚注", 2)], [(2, "第二条注释。")]),
        ])
        problems, _ = footnote_problems(pdf, self.NOTES)
        self.assertTrue(any("note 1" in p for p in problems), problems)


class Errors(unittest.TestCase):
    def test_unknown_cite_is_refused(self):
        xml = write_xml("content-unknown-cite.xml", outcome_doc(
            '      <p>已有研究<cite ref="r1"/>表明，城乡融合<cite ref="r1 r9"/>。</p>',
            references='    <references>\n      <ref id="r1">孙虹. 城乡融合发展水平测度[J]. 统计与决策,2025.</ref>\n'
                       '    </references>\n'))
        code, _, err = run_banshi("check", xml)
        self.assertEqual(code, 2, err)
        self.assertIn("r9", err, "the message should name the unknown reference")

    def test_missing_image_is_refused(self):
        xml = write_xml("content-missing-image.xml", outcome_doc(
            '      <p>正文。</p>\n      <figure src="figures/no-such-image.png"><caption>图1 不存在的图</caption></figure>'))
        code, _, err = run_banshi("check", xml)
        self.assertEqual(code, 2, err)
        self.assertIn("figures/no-such-image.png", err, "the message should name the missing image")
        pdf = out_path("content-missing-image.pdf")
        if os.path.exists(pdf):
            os.remove(pdf)
        code, _, err = run_banshi("render", xml, "-o", pdf)
        self.assertEqual(code, 2, err)
        self.assertFalse(os.path.exists(pdf), "a failed render must not leave a PDF")


class ReferenceOrder(unittest.TestCase):
    def test_numbered_by_first_citation_not_by_list_order(self):
        refs = ('    <references>\n'
                '      <ref id="rb">乙作者. 第二篇被引文献[J]. 学报,2021(2):1-9.</ref>\n'
                '      <ref id="rc">丙作者. 第三篇被引文献[M]. 成都:出版社,2022.</ref>\n'
                '      <ref id="ra">甲作者. 第一篇被引文献[J]. 学报,2020(1):1-9.</ref>\n'
                '    </references>\n')
        xml = write_xml("content-ref-order.xml", outcome_doc(
            '      <p>甲文献的观点<cite ref="ra"/>，丙文献的观点<cite ref="rc"/>，乙文献的观点<cite ref="rb"/>，'
            '三者合观<cite ref="ra rc rb"/>。</p>', references=refs))
        pdf, _ = render(xml, "content-ref-order.pdf", "--impose", "none")
        raw = squeeze(pdftotext(pdf, "-raw"))
        doc = fitz.open(pdf)
        printed = []
        for pno, page in enumerate(doc):
            sep = footnote_separator(page, pno)
            printed += re.findall(r"\[\d+(?:[-–,]\d+)*\]", "".join(small_raised_runs(page, sep or folio_top(page))))
        self.assertEqual([p.replace("–", "-") for p in printed], ["[1]", "[2]", "[3]", "[1-3]"])
        start = raw.rfind("参考文献")
        self.assertGreaterEqual(start, 0, "no 参考文献 heading")
        order = [raw.find(e, start) for e in ("[1]甲作者", "[2]丙作者", "[3]乙作者")]
        self.assertTrue(all(o > 0 for o in order) and order == sorted(order),
                        f"reference list not numbered by first citation: {raw[start:start + 120]}")


if __name__ == "__main__":
    unittest.main()
