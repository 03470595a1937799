"""The A3 saddle-stitched booklet (--impose a3-booklet): A4 pages two-up on
A3 landscape sheets in saddle-stitch order, read back from the PDF by the
page numbers printed on each half, against the A4 rendering of the same
report."""

import collections
import os
import re
import unittest

import fitz

from support import SAMPLES, render

A3_LANDSCAPE = (1190.55, 841.89)
FOLD_INSET = 5 * 72 / 25.4  # 5 mm in from the paper edge: printers lose the outer 4–5 mm
FOLD_MARK = 9.5 * 72 / 25.4  # to 9.5 mm, far outside the text block
FOLIO = re.compile(r"^—\s*(\d+)\s*—$")
SAMPLE_NAMES = ("bz25yb119-jiexiang", "bz25yb108-jiexiang")


def saddle_stitch(pages):
    """The spec's order: per side (sheet, back, left, right), pages 0-based,
    None for padding; P = 4S, sheet k front [P−2k | 2k+1], back
    [2k+2 | P−2k−1] in 1-based numbers."""
    p = (pages + 3) // 4 * 4
    page = lambda n: n - 1 if n <= pages else None
    sides = []
    for k in range(p // 4):
        sides.append((k, False, page(p - 2 * k), page(2 * k + 1)))
        sides.append((k, True, page(2 * k + 2), page(p - 2 * k - 1)))
    return sides


def a4_pages(pdf):
    """Per A4 page: (its printed number or None, the multiset of its
    characters)."""
    out = []
    for page in fitz.open(pdf):
        number, chars = None, collections.Counter()
        for block in page.get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    text = "".join(c["c"] for c in span["chars"])
                    m = FOLIO.match(text.strip())
                    if m and abs(span["size"] - 14) < 0.01:
                        number = int(m.group(1))
                    chars.update(c["c"] for c in span["chars"] if not c["c"].isspace())
        out.append((number, chars))
    return out


def sheet_halves(page):
    """What one A3 page shows on each half as the reader holds it: for each
    of "left" and "right", the printed numbers and the multiset of
    characters; also the set of text directions. A line drawn upside down
    (direction (-1, 0)) belongs to a side turned by 180°: its PDF left half
    is the reader's right half."""
    mid = page.rect.width / 2
    halves = {"left": ([], collections.Counter()), "right": ([], collections.Counter())}
    directions = set()
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            direction = (round(line["dir"][0]), round(line["dir"][1]))
            directions.add(direction)
            turned = direction == (-1, 0)
            for span in line["spans"]:
                text = "".join(c["c"] for c in span["chars"])
                x = (span["bbox"][0] + span["bbox"][2]) / 2
                pdf_half = "left" if x < mid else "right"
                half = {"left": "right", "right": "left"}[pdf_half] if turned else pdf_half
                m = FOLIO.match(text.strip())
                if m and abs(span["size"] - 14) < 0.01:
                    halves[half][0].append(int(m.group(1)))
                halves[half][1].update(c["c"] for c in span["chars"] if not c["c"].isspace())
    return halves, directions


class Booklet(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files = {}
        for name in SAMPLE_NAMES:
            xml = os.path.join(SAMPLES, name + ".xml")
            a4, _ = render(xml, name + ".a4.pdf", "--impose", "none")
            a3, _ = render(xml, name + ".a3.pdf", "--impose", "a3-booklet")
            a3_long, _ = render(xml, name + ".a3-long-edge.pdf", "--impose", "a3-booklet", "--long-edge")
            cls.files[name] = (a4, a3, a3_long)

    def test_sheets_are_a3_landscape_two_sides_each(self):
        for name, (a4, a3, a3_long) in self.files.items():
            pages = fitz.open(a4).page_count
            sheets = (pages + 3) // 4
            for pdf in (a3, a3_long):
                doc = fitz.open(pdf)
                self.assertEqual(doc.page_count, 2 * sheets, f"{pdf}: {pages} A4 pages")
                for page in doc:
                    self.assertAlmostEqual(page.rect.width, A3_LANDSCAPE[0], delta=0.05, msg=pdf)
                    self.assertAlmostEqual(page.rect.height, A3_LANDSCAPE[1], delta=0.05, msg=pdf)
                    self.assertEqual(page.rotation, 0, pdf)  # turned by content, not /Rotate

    def check_order(self, a4, a3, long_edge):
        """Every half of every side holds the A4 page the formula says: its
        printed number (none for blank and padding pages) and exactly its
        characters; sides are upright except long-edge backs."""
        logical = a4_pages(a4)
        by_number = {n: i for i, (n, _) in enumerate(logical) if n is not None}
        self.assertGreater(len(by_number), 5, f"{a4}: too few printed page numbers")
        doc = fitz.open(a3)
        sides = saddle_stitch(len(logical))
        self.assertEqual(doc.page_count, len(sides))
        for page, (sheet, back, left, right) in zip(doc, sides):
            where = f"{a3} sheet {sheet + 1} {'back' if back else 'front'}"
            halves, directions = sheet_halves(page)
            turned = back and long_edge
            if directions:
                self.assertEqual(directions, {(-1, 0)} if turned else {(1, 0)}, where)
            for half, index in (("left", left), ("right", right)):
                numbers, chars = halves[half]
                # The half's printed number names a logical page: the one
                # the formula puts here.
                self.assertLessEqual(len(numbers), 1, f"{where} {half}: {numbers}")
                shown = by_number[numbers[0]] if numbers else None
                if index is None or logical[index][0] is None:
                    self.assertIsNone(shown, f"{where} {half}: page {numbers} where the formula has "
                                             f"{'padding' if index is None else 'unnumbered page ' + str(index + 1)}")
                else:
                    self.assertEqual(shown, index, f"{where} {half}: printed — {numbers} — is A4 page "
                                                   f"{None if shown is None else shown + 1}, formula says {index + 1}")
                want = logical[index][1] if index is not None else collections.Counter()
                self.assertEqual(chars, want, f"{where} {half}: not the characters of A4 page "
                                              f"{None if index is None else index + 1}")

    def test_halves_follow_saddle_stitch_order_short_edge(self):
        for name, (a4, a3, _) in self.files.items():
            with self.subTest(name):
                self.check_order(a4, a3, long_edge=False)

    def test_halves_follow_saddle_stitch_order_long_edge(self):
        for name, (a4, _, a3_long) in self.files.items():
            with self.subTest(name):
                self.check_order(a4, a3_long, long_edge=True)

    def test_long_edge_turns_the_backs_only(self):
        for name, (_, a3, a3_long) in self.files.items():
            short_doc, long_doc = fitz.open(a3), fitz.open(a3_long)
            turned_somewhere = False
            for i, (s, l) in enumerate(zip(short_doc, long_doc)):
                ds, dl = sheet_halves(s)[1], sheet_halves(l)[1]
                if not ds:
                    continue  # nothing but blank pages on this side
                if i % 2 == 1:
                    self.assertNotEqual(ds, dl, f"{name} side {i + 1}: back not turned for long edge")
                    turned_somewhere = True
                else:
                    self.assertEqual(ds, dl, f"{name} side {i + 1}: a front side differs")
            self.assertTrue(turned_somewhere, name)

    def test_fold_marks_at_the_centre_of_top_and_bottom(self):
        for name, (_, a3, a3_long) in self.files.items():
            for pdf in (a3, a3_long):
                for pno, page in enumerate(fitz.open(pdf)):
                    w, h = page.rect.width, page.rect.height
                    marks = []
                    for d in page.get_drawings():
                        for item in d["items"]:
                            if item[0] != "l":
                                continue
                            p, q = item[1], item[2]
                            if abs(p.x - w / 2) < 0.05 and abs(q.x - w / 2) < 0.05:
                                marks.append((min(p.y, q.y), max(p.y, q.y), d.get("width")))
                    where = f"{pdf} page {pno + 1}: {marks}"
                    self.assertEqual(len(marks), 2, where)
                    top, bottom = sorted(marks)
                    self.assertAlmostEqual(top[0], FOLD_INSET, delta=0.05, msg=where)
                    self.assertAlmostEqual(top[1], FOLD_MARK, delta=0.1, msg=where)
                    self.assertAlmostEqual(bottom[0], h - FOLD_MARK, delta=0.1, msg=where)
                    self.assertAlmostEqual(bottom[1], h - FOLD_INSET, delta=0.05, msg=where)
                    for _, _, width in marks:
                        self.assertAlmostEqual(width, 0.3, delta=0.01, msg=where)

    def test_booklet_is_not_much_bigger_than_the_a4_file(self):
        for name, (a4, a3, a3_long) in self.files.items():
            a4_size = os.path.getsize(a4)
            for pdf in (a3, a3_long):
                size = os.path.getsize(pdf)
                print(f"{name}: A4 {a4_size} bytes, {os.path.basename(pdf)} {size} bytes ({size / a4_size:.3f}×)")
                self.assertLess(size, 1.3 * a4_size, pdf)

    def test_outline_and_info_carry_over(self):
        for name, (a4, a3, _) in self.files.items():
            a4_doc, a3_doc = fitz.open(a4), fitz.open(a3)
            self.assertEqual(a3_doc.metadata["title"], a4_doc.metadata["title"], name)
            self.assertEqual(a3_doc.metadata["author"], a4_doc.metadata["author"], name)
            self.assertEqual(a3_doc.metadata["subject"], a4_doc.metadata["subject"], name)
            a4_toc, a3_toc = a4_doc.get_toc(), a3_doc.get_toc()
            self.assertEqual([t[:2] for t in a3_toc], [t[:2] for t in a4_toc], name)
            # Each bookmark goes to the side holding its page.
            side_of = {}
            for i, (_, _, left, right) in enumerate(saddle_stitch(a4_doc.page_count)):
                for index in (left, right):
                    if index is not None:
                        side_of[index] = i
            for (_, title, a4_page), (_, _, a3_page) in zip(a4_toc, a3_toc):
                self.assertEqual(a3_page - 1, side_of[a4_page - 1], f"{name}: {title}")

    def test_deterministic(self):
        xml = os.path.join(SAMPLES, SAMPLE_NAMES[0] + ".xml")
        again, _ = render(xml, SAMPLE_NAMES[0] + ".a3-again.pdf", "--impose", "a3-booklet")
        with open(again, "rb") as f1, open(self.files[SAMPLE_NAMES[0]][1], "rb") as f2:
            self.assertTrue(f1.read() == f2.read(), "two renders of the booklet differ")


if __name__ == "__main__":
    unittest.main()
