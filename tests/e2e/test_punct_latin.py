"""Punctuation and Latin text on real renders (issue 15, items 6–8): each
mark drawn from a font that puts its ink where GB style does, spaces typed
beside full-width punctuation dropped, Latin letters and digits in the
Latin face, and the text given back as written by copy and search."""

import functools
import os
import re
import unittest

import fitz

from composition import CELL
from support import SAMPLES, SOURCE_DIR, pdffonts, pdftotext, render

FIXTURE = os.path.join(SOURCE_DIR, "tests", "data", "typesetter", "punct-and-latin.xml")
HEADING2 = 16.0  # 3号 楷体


@functools.cache
def fixture_pdf():
    """The fixture rendered once for every class here (read only)."""
    return render(FIXTURE, "punct-and-latin.pdf")[0]


def chars_of(page, size=None):
    """(char, origin, bbox, font) of every character, blanks included, in
    reading order."""
    out = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                if size is not None and abs(span["size"] - size) > 0.05:
                    continue
                for ch in span["chars"]:
                    out.append((ch["c"], ch["origin"], fitz.Rect(ch["bbox"]), span["font"]))
    return out


def ink_rows(page, rect, dpi=600):
    """(top, bottom) of the ink inside rect, in points; None if blank."""
    pix = page.get_pixmap(dpi=dpi, clip=rect, colorspace=fitz.csGRAY)
    rows = [y for y in range(pix.height) if any(pix.pixel(x, y)[0] < 128 for x in range(pix.width))]
    if not rows:
        return None
    scale = 72 / dpi
    return rect.y0 + rows[0] * scale, rect.y0 + (rows[-1] + 1) * scale


class PunctuationFromTheRightFont(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pdf = fixture_pdf()
        cls.doc = fitz.open(cls.pdf)

    def test_heading_colon_and_semicolon_sit_at_the_middle(self):
        """GB style: ：； in the left half about the middle of the em box, not
        low like Latin ones (AR PL KaitiM GB's sit 0.22 and 0.28 em below it
        and read "资源禀赋: 数量"); they come from the next 楷体 of the chain."""
        page = self.doc[0]
        baseline = next(o[1] for ch, o, _, _ in chars_of(page) if ch == "：")
        line = [c for c in chars_of(page) if c[1][1] == baseline]
        text = "".join(c[0] for c in line)
        self.assertIn("资源禀赋：数量多；分布广", text)
        han = [ink_rows(page, bbox) for ch, _, bbox, _ in line if ch in "资源禀赋数量多分布广"]
        middle = sum((a + b) / 2 for a, b in han) / len(han)
        # The semicolon's tail reaches down: its ink centres lower.
        for mark, limit in (("：", 0.15), ("；", 0.25)):
            ch, origin, bbox, font = next(c for c in line if c[0] == mark)
            top, bottom = ink_rows(page, bbox)
            below = ((top + bottom) / 2 - middle) / HEADING2
            self.assertLess(abs(below), limit, f"{mark} ({font}) ink centred {below:.2f} em below the middle")

    def test_spaces_beside_full_width_punctuation_are_dropped(self):
        """人才 “双向流失” 困境 ， 见 （附表 1） 。 prints as written without the
        spaces: copy gives none back, and the marks take one cell each like
        the characters, less only what the line's fitting compresses."""
        text = pdftotext(self.pdf)
        self.assertIn("人才“双向流失”困境，见（附表", text)
        # Poppler may end its line between the marks of a compressed pair
        # (their em boxes overlap: "（附表一）\n。据统计" on main as well),
        # so the pair is looked for across its line breaks; MuPDF keeps it.
        self.assertIn("1）。据统计", "".join(text.splitlines()))
        self.assertIn("1）。据统计", self.doc[0].get_text().replace(" ", ""))
        # In Latin text the curly quotes are Latin punctuation: spaces stay.
        self.assertIn("he said “yes” then left.", text)
        body = [c for c in chars_of(self.doc[0], 16.0) if c[0].strip()]
        seq = "".join(c[0] for c in body)
        start = seq.index("人才“双向流失”困境，见（附表")
        xs = [c[1][0] for c in body[start:start + 14]]
        steps = [b - a for a, b in zip(xs, xs[1:])]
        # A kept space would open a step by a quarter em (4 pt) or more;
        # compressing the marks' blanks to fit the line (1.2 pt here, since
        # Latin in the Latin face is narrower and 全 now fits) moves less.
        self.assertLess(max(steps) - min(steps), 2.0, f"{seq[start:start + 14]}: {steps}")
        self.assertAlmostEqual(max(steps), CELL, delta=1.0)


class LatinInTheLatinFace(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pdf = fixture_pdf()
        cls.doc = fitz.open(cls.pdf)

    def test_latin_and_digits_in_times_quotes_dashes_ellipses_in_fangsong(self):
        """公文 practice: Latin letters and digits of 仿宋 text in Times New
        Roman (its stand-in Liberation Serif, embedded as a subset); “” ——
        …… stay in the CJK face."""
        latin = [r for r in pdffonts(self.pdf) if "LiberationSerif" in r["name"] or "TimesNewRoman" in r["name"]]
        self.assertTrue(latin, pdffonts(self.pdf))
        self.assertEqual((latin[0]["emb"], latin[0]["sub"]), ("yes", "yes"))
        body = [c for c in chars_of(self.doc[0], 16.0) if c[0].strip()]
        font_of = {}
        for ch, _, _, font in body:
            font_of.setdefault(ch, set()).add(font.split("+")[-1])
        for ch in "0123456789GDPAILineBrk%.":
            if ch in font_of:
                self.assertTrue(all(f.startswith(("LiberationSerif", "TimesNewRoman")) for f in font_of[ch]),
                                f"{ch}: {font_of[ch]}")
        for ch in "“”—…":
            self.assertFalse(any(f.startswith(("LiberationSerif", "TimesNewRoman")) for f in font_of[ch]),
                             f"{ch}: {font_of[ch]}")


# Han, a space, then a Latin letter or digit, or the other way round.
HAN_SPACE_LATIN = r"[\u4e00-\u9fff] [A-Za-z0-9%]|[A-Za-z0-9%] [\u4e00-\u9fff]"
CLOSING = "，。、；：？！）》」』】〕”’"


class CopyGivesTheSource(unittest.TestCase):
    """Issue 15 item 8: the quarter em between Han and Latin and the
    compressed marks are made by positioning; a span's /ActualText gives the
    source back to readers that honour it (poppler: pdftotext, Evince), so
    search finds 96家 and no line of the extraction starts inside ）；. For
    readers that ignore /ActualText (MuPDF, pdf.js) the glyph before a
    quarter em is a copy whose advance carries it (pdf/glyph_copies.h)."""

    @classmethod
    def setUpClass(cls):
        cls.pdf = fixture_pdf()
        cls.stress, _ = render(os.path.join(SAMPLES, "stress-punctuation-outcome.xml"), "copy-stress.pdf")
        cls.jiexiang, _ = render(os.path.join(SAMPLES, "bz25yb119-jiexiang.xml"), "copy-119.pdf", "--impose", "none")

    def test_no_space_where_the_source_has_none(self):
        text = pdftotext(self.pdf).replace("\n", "")  # the lines joined, their spaces kept
        for phrase in ("据统计，2023年，", "高新技术企业96家，", "总量的0.56%（全省共", "17024家），GDP 增长较快",
                       "“AI”技术与 Line Breaking 规", "见第3章……"):
            self.assertIn(phrase, text)
        # The quarter em is still printed: 家 starts more than 6's own
        # advance (half an em in Liberation Serif) plus 0.2 em after 6. (6's
        # box, as MuPDF gives it, now spans the gap: its copy's advance
        # carries it.)
        doc = fitz.open(self.pdf)
        chars = [c for c in chars_of(doc[0], 16.0) if c[0].strip()]
        seq = "".join(c[0] for c in chars)
        at = seq.index("96家")
        six, jia = chars[at + 1], chars[at + 2]
        self.assertGreater(jia[1][0] - six[1][0], (0.5 + 0.2) * 16)

    def test_mupdf_sees_no_space_either(self):
        """MuPDF (1.21) reads no /ActualText and takes a gap of 0.15 em for
        a space: the glyph before the quarter em is a copy whose advance
        carries it, so there is no gap to see."""
        doc = fitz.open(self.pdf)
        mu = "".join(p.get_text() for p in doc).replace("\n", "")
        for phrase in ("据统计，2023年，", "高新技术企业96家，", "17024家），GDP 增长较快", "见第3章……"):
            self.assertIn(phrase, mu)
        for phrase in ("96家", "2023年"):  # (17024家 is broken across lines)
            self.assertTrue(any(p.search_for(phrase) for p in doc), phrase)
        sample, _ = render(os.path.join(SAMPLES, "bazhong-xinzhi-outcome.xml"), "copy-bazhong.pdf")
        sample_doc = fitz.open(sample)
        for phrase in ("96家", "2023年"):
            self.assertTrue(any(p.search_for(phrase) for p in sample_doc), phrase)
        # The sample's source has no space between Han and Latin or digits;
        # MuPDF gave 11 before the copies.
        mu = "".join(p.get_text() for p in sample_doc)
        self.assertEqual(re.findall(HAN_SPACE_LATIN, mu), [])

    def test_compressed_marks_keep_their_line(self):
        """A compressed mark's box, as wide as its advance in the font,
        overlaps the next mark: poppler set ）； of 76.5%）； on lines of
        their own (10 such breaks in the stress sample, 12 in the journal
        article, 9 in the 119 sample before)."""
        for pdf in (self.stress, self.jiexiang):
            for line in pdftotext(pdf).splitlines():
                self.assertNotIn(line[:1] or " ", CLOSING, f"{pdf}: a line starts with a closing mark: {line}")
        text = pdftotext(self.stress)
        self.assertIn("占比达 76.5%）；农产品网络", text)
        self.assertIn("绿色生产力”7，巴中市", pdftotext(self.jiexiang))
        # MuPDF (1.21 reads no /ActualText) takes a backward step as no space.
        mu = "".join(p.get_text() for p in fitz.open(self.stress))
        self.assertIn("76.5%）；农产品", mu)


if __name__ == "__main__":
    unittest.main()
