"""Checks of Chinese composition made on the PDF itself (not on banshi's own
idea of what it did): the 22 × 28 grid, characters per line, the line-start
and line-end prohibitions, and flush right edges.

check(pdf) returns (problems, stats); each problem is a readable string
naming the page and line."""

import fitz

from support import raw_chars

MM = 72 / 25.4
TOP = 37 * MM
TEXT_W = 156 * MM
TEXT_H = 225 * MM
LINES, CHARS = 22, 28
PITCH = TEXT_H / LINES
CELL = TEXT_W / CHARS
BODY = 16.0

NO_START = set("，。、；：？！）》」』】〕〉”’…—·%‰,.;:?!)]}")
NO_END = set("（《「『【〔〈“‘([{")
# Full-width marks whose ink sits in the left half: at a line end only that
# half counts (they are set half-width there).
LEFT_INK = set("，。、；：？！）》」』】〕〉”’")
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))


def is_han(c):
    o = ord(c)
    return any(a <= o <= b for a, b in HAN_RANGES)


def block_left(pno):
    """Left edge of the text block: odd pages (pno even) bind on the left."""
    return (28 if pno % 2 == 0 else 26) * MM


def lines_of(pdf):
    """Body lines (16 pt text) of every page, in order: dicts with page,
    baseline, slot (grid line index), chars [(x, advance, c)], markers."""
    doc = fitz.open(pdf)
    out = []
    for pno, page in enumerate(doc):
        rows = {}
        small = []
        for s, ch in raw_chars(page):
            x, y = ch["origin"]
            adv = ch["bbox"][2] - ch["bbox"][0]
            if abs(s["size"] - BODY) < 0.05:
                rows.setdefault(round(y, 1), []).append((x, adv, ch["c"]))
            elif s["size"] < BODY:
                small.append((x, y, ch["c"], adv))
        for y in sorted(rows):
            chars = sorted(rows[y])
            slot = (y - TOP - 0.88 * BODY) / PITCH
            # Superscripts (footnote markers, m²) raised above this baseline
            # and subscripts (CO₂) lowered below it belong to the line.
            markers = [m for m in small if -6 < y - m[1] < 12 and m[1] != y]
            out.append({"page": pno, "y": y, "slot": slot, "chars": chars, "markers": markers,
                        "text": "".join(c for _, _, c in chars)})
    return out


def mark_paragraph_ends(lines, expected):
    """Marks each line that ends a paragraph (or heading) of the outcome,
    by walking the expected text (support.Expected) alongside the lines.
    Lines before the outcome (form pages) get last = None."""
    ends = {}
    starts = []  # (offset where a part starts, its index)
    total = 0
    title = len(expected.parts[0])
    for k, part in enumerate(expected.parts[1:], 1):  # the title is 22 pt, not a body line
        starts.append((total, k))
        total += len(part)
        ends[total] = k in expected.headings
    for f in getattr(expected, "forced_ends", ()):
        ends.setdefault(f - title, False)  # a line ending at <br/> is not justified
    start = expected.parts[1][:6] if len(expected.parts) > 1 else ""
    pos = None
    for l in lines:
        merged = sorted([(x, c) for x, _, c in l["chars"]] + [(m[0], m[2]) for m in l["markers"]])
        text = "".join(c for _, c in merged)
        if pos is None and "".join(text.split()).startswith(start):
            pos = 0
        if pos is None:
            l["last"] = None
            continue
        part = max((k for off, k in starts if off <= pos), default=0)
        l["right_indent"] = 2 * CELL if part in getattr(expected, "narrow", ()) else 0
        pos += len("".join(text.split()))
        l["last"] = pos in ends
        l["heading"] = ends.get(pos, False)


def check(pdf, expected=None):
    lines = lines_of(pdf)
    if expected is not None:
        mark_paragraph_ends(lines, expected)
    problems = []
    stats = {"lines": len(lines), "pages": {}, "full_han_lines": 0, "justified": 0}

    def where(l):
        return f"page {l['page'] + 1}, line at y={l['y']:.1f} ({l['text'][:12]}…)"

    for l in lines:
        # With the source known, only the outcome's lines are checked: form
        # pages (boxes, ruled tables) have their own layout.
        if expected is not None and l.get("last") is None:
            continue
        stats["pages"][l["page"]] = stats["pages"].get(l["page"], 0) + 1
        k = round(l["slot"])
        if abs(l["slot"] - k) > 0.01:
            problems.append(f"{where(l)}: baseline off the grid (slot {l['slot']:.3f})")
        if k >= LINES:
            problems.append(f"{where(l)}: below the 22nd grid line")
        first, last = l["text"][0], l["text"][-1]
        if first in NO_START:
            problems.append(f"{where(l)}: starts with {first}")
        if last in NO_END:
            problems.append(f"{where(l)}: ends with {last}")
        # A marker glued to its character never starts a line.
        if any(m[0] < l["chars"][0][0] and m[1] < l["y"] for m in l["markers"]):
            problems.append(f"{where(l)}: starts with a footnote marker")
    for n in stats["pages"].values():
        if n > LINES:
            problems.append(f"a page holds {n} body lines")

    # Keep and widow/orphan rules: no heading as a page's last line, no
    # paragraph's first line alone at a page's foot, no last line alone at
    # a page's top.
    if expected is not None:
        for k, l in enumerate(lines):
            if l.get("last") is None:
                continue
            first = k == 0 or lines[k - 1].get("last") in (True, None)
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            if nxt is None or nxt["page"] == l["page"]:
                continue
            # l ends its page, nxt starts the next one.
            if l["heading"]:
                problems.append(f"{where(l)}: a heading is the last line of the page")
            elif first and not l["last"]:
                problems.append(f"{where(l)}: a paragraph's first line alone at the foot of the page")
            if nxt.get("last") and not nxt.get("heading") and not l["last"]:
                problems.append(f"{where(nxt)}: a paragraph's last line alone at the top of the page")

    # Flush right edges and full lines: every line but a paragraph's last is
    # justified. Without the source text, a line followed by one starting at
    # the block's left edge counts as justified.
    for a, b in zip(lines, lines[1:]):
        left = block_left(a["page"])
        a_x = a["chars"][0][0] - left
        if expected is not None:
            if a.get("last") is not False:
                continue
        else:
            at_margin = abs(a_x) < 0.6 or abs(a_x - 2 * CELL) < 0.6
            continues = abs(b["chars"][0][0] - block_left(b["page"])) < 0.6
            if not (at_margin and continues):
                continue
        stats["justified"] += 1
        x, adv, c = a["chars"][-1]
        right = x + (BODY / 2 if c in LEFT_INK else adv)
        # Footnote markers glued to the last character end the line.
        right = max([right] + [m[0] + m[3] for m in a["markers"] if m[0] > x])
        margin = left + TEXT_W - a.get("right_indent", 0)
        if abs(right - margin) > 0.5:
            problems.append(f"{where(a)}: right edge {right - margin:+.2f} pt from the margin")
        # A full line of Han text holds 28 characters (26 after the indent),
        # unless one went down with a mark that may not start the next line.
        pushed = any(ch in NO_START for ch in b["text"][:3])
        if all(is_han(ch) for ch in a["text"]) and not pushed:
            stats["full_han_lines"] += 1
            want = CHARS - (2 if abs(a_x) > 0.6 else 0)
            if len(a["text"]) != want:
                problems.append(f"{where(a)}: {len(a['text'])} characters in a full line of Han text, not {want}")
            xs = [ch[0] for ch in a["chars"]]
            gaps = [q - p for p, q in zip(xs, xs[1:])]
            if gaps and max(abs(g - CELL) for g in gaps) > 0.05:
                problems.append(f"{where(a)}: characters off the {CELL:.2f} pt grid")
    return problems, stats


def check_folios(pdf):
    """Page numbers: `— N —` in 14 pt, its top 7 mm below the text block,
    odd pages at the right less one character, even pages at the left plus
    one; consecutive; none on blank pages. Returns (problems, numbers by
    page, None for an unnumbered page)."""
    import re
    doc = fitz.open(pdf)
    problems, numbers = [], []
    for pno, page in enumerate(doc):
        folio = None
        words = []
        for b in page.get_text("rawdict")["blocks"]:
            for l in b.get("lines", []):
                for s in l["spans"]:
                    text = "".join(ch["c"] for ch in s["chars"])
                    if text.strip():
                        words.append(text)
                    if abs(s["size"] - 14) < 0.05 and re.fullmatch(r"—\s*\d+\s*—", text.strip()):
                        xs = [ch["bbox"][0] for ch in s["chars"] if not ch["c"].isspace()]
                        x1 = max(ch["bbox"][2] for ch in s["chars"] if not ch["c"].isspace())
                        folio = (int(re.search(r"\d+", text).group()), min(xs), x1, s["chars"][0]["origin"][1])
        numbers.append(folio[0] if folio else None)
        if not words and folio:
            problems.append(f"page {pno + 1}: a blank page carries a number")
        if not folio:
            continue
        n, x0, x1, baseline = folio
        left = block_left(pno)
        if pno % 2 == 0 and abs(x1 - (left + TEXT_W - 14)) > 1.0:
            problems.append(f"page {pno + 1}: folio ends at {x1:.1f}, not one character inside the right edge")
        if pno % 2 == 1 and abs(x0 - (left + 14)) > 1.0:
            problems.append(f"page {pno + 1}: folio starts at {x0:.1f}, not one character inside the left edge")
        top = baseline - 0.88 * 14
        if abs(top - (TOP + TEXT_H + 7 * MM)) > 1.0:
            problems.append(f"page {pno + 1}: folio top at {top:.1f}, not 7 mm below the text block")
    seen = [n for n in numbers if n is not None]
    for a, b in zip(seen, seen[1:]):
        if b != a + 1:
            problems.append(f"page numbers jump from {a} to {b}")
    return problems, numbers
