"""What a professional typesetter checks on the printout (issue 15), measured
on real renders with PyMuPDF: titles broken by meaning, stacked footnote
markers kept apart, opening marks half-width at a line's start, captions
numbered 表1　/ 图1　with room after a figure's caption, table rows cut where a
page ends (续表1 over the rest) without running past the text block."""

import glob
import os
import re
import statistics
import unittest

import fitz

from composition import CELL, TEXT_W, block_left, is_han
from support import SAMPLES, SOURCE_DIR, out_path, page_label, pdftotext, raw_chars, render, run_banshi

TYPESETTER = os.path.join(SOURCE_DIR, "tests", "data", "typesetter")
OPENING = set("“‘（《〈「『【〔")


def lines_by_size(page, size, tol=0.05):
    """Lines of one type size on a page: [(baseline, [(x, char), …])] in
    order, the characters left to right (blank ones included)."""
    rows = {}
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                if abs(span["size"] - size) > tol:
                    continue
                for ch in span["chars"]:
                    rows.setdefault(round(ch["origin"][1], 1), []).append((ch["origin"][0], ch["c"]))
    return [(y, sorted(rows[y])) for y in sorted(rows)]


def text_of(chars):
    """A line's characters, without the spaces a reader infers from gaps."""
    return "".join(c for _, c in chars if c != " ")


class Typesetter(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pdf, _ = render(os.path.join(TYPESETTER, "notes-and-captions.xml"), "typesetter-notes.pdf")
        cls.sample, _ = render(os.path.join(SAMPLES, "bz25yb119-jiexiang.xml"), "typesetter-119.pdf", "--impose", "none")
        cls.journal, _ = render(os.path.join(SAMPLES, "journal-article-outcome.xml"), "typesetter-journal.pdf",
                                "--impose", "none")

    def test_title_breaks_after_a_phrase(self):
        """GB/T 9704 7.3.1 词意完整: 新质生产力驱动 / 巴中城乡融合发展的实践进路研究,
        never inside the term 城乡融合 (the balanced 11/11 break)."""
        doc = fitz.open(self.sample)
        for page in doc:
            titles = [text_of(c) for _, c in lines_by_size(page, 22) if "新质" in text_of(c) or "进路" in text_of(c)]
            if len(titles) == 2:
                break
        self.assertEqual(titles, ["新质生产力驱动", "巴中城乡融合发展的实践进路研究"])
        journal = fitz.open(self.journal)
        titles = [text_of(c) for _, c in lines_by_size(journal[0], 22)]
        self.assertEqual(titles, ["红色文化资源赋能巴中乡村振兴的", "协同机制与实践路径研究"])

    def test_stacked_note_markers_are_separated(self):
        """Four notes in a row print ¹⁻⁴, two print ¹,² — never "1234"."""
        doc = fitz.open(self.pdf)
        page = doc[0]
        small = [(ch["origin"], ch["c"]) for s, ch in raw_chars(page) if abs(s["size"] - 9.6) < 0.05]
        body = "".join(c for _, c in sorted(small, key=lambda o: (round(o[0][1]), o[0][0])))
        self.assertEqual(body, "1-45,6")
        notes = page.get_text()
        for n, word in enumerate("甲乙丙丁戊己", 1):
            self.assertIn(word + "文", notes, f"note {n} is not at the foot")

    def test_opening_marks_at_line_start_are_half_width(self):
        """CLREQ 行首: “ or （ starting a line (or a paragraph's first line,
        after its 2-em indent) loses its blank half em, so its ink sits where
        a character's would; it no longer looks indented 2.5 em."""
        doc = fitz.open(self.pdf)
        page = doc[0]
        left = block_left(0)
        starts = 0
        for _, chars in lines_by_size(page, 16):
            x, c = chars[0]
            if c not in OPENING:
                continue
            # The first line of a paragraph, indented two cells, its mark
            # drawn half an em to the left of where the cell starts.
            self.assertAlmostEqual(x, left + 2 * CELL - 8, delta=0.6, msg=text_of(chars))
            starts += 1
        self.assertEqual(starts, 2)

    def test_table_caption_number_then_a_full_width_space(self):
        doc = fitz.open(self.pdf)
        page = doc[0]
        captions = [text_of(c) for _, c in lines_by_size(page, 14) if text_of(c).startswith("表")]
        self.assertEqual(captions, ["表1\u3000巴中市城乡居民收入"])

    def test_figure_caption_has_room_after_it(self):
        """图1　… (the writer's ASCII space becomes a full-width one), and a
        blank grid line between the caption and the text after it."""
        doc = fitz.open(self.journal)
        found = False
        for page in doc:
            for y, chars in lines_by_size(page, 14):
                if not text_of(chars).startswith("图1"):
                    continue
                found = True
                self.assertTrue(text_of(chars).startswith("图1\u30002019"), text_of(chars))
                below = [b for b, c in lines_by_size(page, 16) if b > y]
                self.assertTrue(below, "no text after the figure")
                # The next line of text sits more than one grid line below.
                self.assertGreater(min(below) - y, 1.5 * 28.95)
        self.assertTrue(found, "图1 not found")


class ThickBooklet(unittest.TestCase):
    """Issue 15 item 12: a saddle-stitched booklet beyond 15 sheets (60
    pages) cannot be stapled: the render says so and how to print it."""

    def test_a_long_report_as_a_booklet_is_warned(self):
        para = "城乡融合发展是实现中国式现代化的必由之路，核心就是要打破城乡二元结构，促进城乡资源要素的合理流动与高效配置。" * 6
        body = "".join(f"<p>{para}</p>" for _ in range(150))
        xml = out_path("thick-booklet.xml")
        with open(xml, "w", encoding="utf-8") as f:
            f.write(f'<report template="outcome" version="1"><outcome><title>长报告</title><body>{body}</body></outcome></report>')
        code, _, err = run_banshi("render", xml, "-o", out_path("thick-booklet.pdf"), "--impose", "a3-booklet")
        self.assertEqual(code, 0, err)
        self.assertIn("pages make a saddle-stitched booklet of", err)
        self.assertIn("more than the 60 pages", err)
        code, _, err = run_banshi("render", xml, "-o", out_path("thick-booklet.pdf"), "--impose", "a3-booklet",
                                  "--lang", "zh")
        self.assertIn("骑马订", err)
        # A4 pages are not a booklet; a short booklet is no news.
        code, _, err = run_banshi("render", xml, "-o", out_path("thick-a4.pdf"), "--impose", "none")
        self.assertNotIn("saddle-stitched", err)
        code, _, err = run_banshi("render", os.path.join(SAMPLES, "bz25yb119-jiexiang.xml"), "-o",
                                  out_path("thin-booklet.pdf"))
        self.assertNotIn("saddle-stitched", err)

    def test_split_booklets(self):
        """--split-booklets: several booklets of at most 60 pages, of about
        equal size, each a whole number of sheets but the last, each starting
        on its own sheet; no warning."""
        para = "城乡融合发展是实现中国式现代化的必由之路，核心就是要打破城乡二元结构，促进城乡资源要素的合理流动与高效配置。" * 6
        body = "".join(f"<p>{para}</p>" for _ in range(150))
        xml = out_path("split-booklets.xml")
        with open(xml, "w", encoding="utf-8") as f:
            f.write(f'<report template="outcome" version="1"><outcome><title>长报告</title><body>{body}</body></outcome></report>')
        a4, booklets = out_path("split-booklets-a4.pdf"), out_path("split-booklets.pdf")
        code, _, err = run_banshi("render", xml, "-o", a4, "--impose", "none")
        self.assertEqual(code, 0, err)
        code, _, err = run_banshi("render", xml, "-o", booklets, "--impose", "a3-booklet", "--split-booklets")
        self.assertEqual(code, 0, err)
        self.assertNotIn("saddle-stitched", err)
        pages = fitz.open(a4).page_count
        self.assertGreater(pages, 60)
        n = -(-pages // 60)
        per = -(-(-(-pages // n)) // 4) * 4  # ceil(pages / n) rounded up to whole sheets
        doc = fitz.open(booklets)
        sides = [2 * (-(-min(per, pages - first) // 4)) for first in range(0, pages, per)]
        self.assertEqual(len(sides), n)
        self.assertEqual(doc.page_count, sum(sides))
        # Each booklet's first sheet carries its first page on the right half
        # of the front, labelled as the booklet's first sheet.
        first_side = 0
        for b, count in enumerate(sides):
            side = doc[first_side]
            self.assertEqual(page_label(side), f"第{b + 1}册第1张正面")
            w = side.rect.width
            right = side.get_text(clip=fitz.Rect(w / 2, 0, w, side.rect.height))
            folios = re.findall(r"—\s*(\d+)\s*—", right)
            self.assertEqual(folios, [str(b * per + 1)], f"booklet {b + 1} does not start with page {b * per + 1}")
            first_side += count


class NoLooseLines(unittest.TestCase):
    """Issue 15 item 4: no full line's Han pitch more than 10 % over the em
    (references stretched to +14 %, a note to +20 %), and no address left
    as a dangling "https://" at a line end."""

    def test_samples(self):
        for xml in sorted(glob.glob(os.path.join(SAMPLES, "*.xml"))):
            pdf, _ = render(xml, "loose-" + os.path.basename(xml)[:-4] + ".pdf", "--impose", "none")
            doc = fitz.open(pdf)
            worst = (0, None)
            for pno, page in enumerate(doc):
                rows = {}
                for s, ch in raw_chars(page):
                    rows.setdefault((round(ch["origin"][1], 1), round(s["size"], 2)), []).append(
                        (ch["origin"][0], ch["bbox"][2], ch["c"]))
                right = block_left(pno) + TEXT_W
                for (_, size), chars in rows.items():
                    chars.sort()
                    # Full lines of the text (9 pt and up) reaching the right edge.
                    if size < 9 or chars[-1][1] < right - 0.6 * size:
                        continue
                    diffs = [b[0] - a[0] for a, b in zip(chars, chars[1:]) if is_han(a[2]) and is_han(b[2])]
                    if len(diffs) >= 3:
                        pitch = statistics.median(diffs) / size
                        # The form's letter-spaced headers (姓 名) are set so on purpose.
                        if pitch < 1.5 and pitch > worst[0]:
                            worst = (pitch, f"page {pno + 1}: " + "".join(c for _, _, c in chars))
            self.assertLessEqual(worst[0], 1.10, f"{xml}: {worst[1]}")
            for line in pdftotext(pdf).splitlines():
                self.assertFalse(line.rstrip().endswith(("https://", "http://", "https:")), f"{xml}: {line}")


def tall_row_report(lead_paragraphs, sentences=70):
    """An outcome whose table has a row with one very tall cell, after
    `lead_paragraphs` paragraphs of text (which move it down the page)."""
    para = "<p>" + "巴中市推进城乡融合发展，着力破解要素流动不畅、公共服务不均等问题。" * 4 + "</p>\n"
    tall = "".join(f"第{n}句说明文字，记录资源点的保护与利用情况。" for n in range(1, sentences + 1))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<report template="outcome" version="1">
  <outcome>
    <title>表格跨页测试</title>
    <body>
{para * lead_paragraphs}      <table>
        <caption>资源点说明</caption>
        <tr><th>项目</th><th>说明</th></tr>
        <tr><td>甲</td><td>开头一行</td></tr>
        <tr><td>乙</td><td>{tall}</td></tr>
        <tr><td>丙</td><td>结尾一行</td></tr>
      </table>
      <p>表后的正文。</p>
    </body>
  </outcome>
</report>
"""


class TablesAcrossPages(unittest.TestCase):
    """Issue 15 item 11: a table row taller than the room left on the page
    is cut across the page (续表1 and the header on the next), not moved
    whole leaving the page half empty; no cut part runs past the text block
    (one case printed its last line over the folio)."""

    # GB/T 9704 (templates/outcome): the text block from 37 mm, 225 mm tall.
    TOP = 37 / 25.4 * 72
    BOTTOM = (37 + 225) / 25.4 * 72
    HEIGHT = 225 / 25.4 * 72

    def pages_of(self, lead):
        src = out_path(f"tall-row-{lead}.xml")
        with open(src, "w", encoding="utf-8") as f:
            f.write(tall_row_report(lead))
        pdf, _ = render(src, f"tall-row-{lead}.pdf")
        return fitz.open(pdf)

    def body_lines(self, page):
        """(top, bottom, text) of every text line but the folio."""
        out = []
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                text = "".join(s["text"] for s in line["spans"]).strip()
                if not text or re.fullmatch(r"—\s*\d+\s*—", text):
                    continue
                out.append((line["bbox"][1], line["bbox"][3], text))
        return out

    def test_a_tall_row_is_cut_where_the_page_ends(self):
        # From near the top of a page to its foot: the row starts at every
        # height (the last lead puts it a few lines above the folio).
        for lead in range(0, 9):
            with self.subTest(lead=lead):
                doc = self.pages_of(lead)
                first = last = None
                for k, page in enumerate(doc):
                    for top, bottom, text in self.body_lines(page):
                        self.assertLessEqual(bottom, self.BOTTOM + 1.0,
                                             f"page {k + 1}: {text!r} runs past the text block ({bottom:.1f})")
                    words = "".join(page.get_text().split())
                    if "第1句" in words and first is None:
                        first = k
                    if "第70句" in words:
                        last = k
                self.assertIsNotNone(first)
                self.assertGreater(last, first, "the tall row was not cut across pages")
                # The page the row starts on is filled: its table part ends
                # within a third of the text block's foot.
                page = doc[first]
                rules = [d["rect"].y1 for d in page.get_drawings() if d["rect"].y1 <= self.BOTTOM + 2]
                self.assertGreater(max(rules), self.BOTTOM - self.HEIGHT / 3,
                                   f"page {first + 1} left more than a third empty before the cut row")
                # So is the page the table starts on, when the row moved
                # to the next one.
                start = next(k for k, p in enumerate(doc) if "资源点说明" in "".join(p.get_text().split()))
                if start < first:
                    lowest = max(d["rect"].y1 for d in doc[start].get_drawings() if d["rect"].y1 <= self.BOTTOM + 2)
                    self.assertGreater(lowest, self.BOTTOM - self.HEIGHT / 3,
                                       f"page {start + 1} left more than a third empty before the moved row")
                # Each following page of the row starts 续表1 over the header.
                for k in range(first + 1, last + 1):
                    text = "".join(doc[k].get_text().split())
                    self.assertTrue(text.startswith("续表1项目说明"), f"page {k + 1} starts {text[:20]!r}")
                # Every sentence of the cell printed once (a line may end
                # inside 第16句 where the page ends: the folio and the
                # repeated header between the pieces taken out).
                all_text = "".join(re.sub(r"—\d+—$", "", "".join(p.get_text().split())).replace("续表1项目说明", "")
                                   for p in doc)
                for n in range(1, 71):
                    self.assertEqual(all_text.count(f"第{n}句"), 1, f"第{n}句")


if __name__ == "__main__":
    unittest.main()
