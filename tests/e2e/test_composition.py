"""Composition checked on the PDFs: every sample and the punctuation stress
sample are set on the 22 × 28 grid with flush edges and no prohibited line
starts or ends — and the same checks reject a naively set page."""

import glob
import os
import unittest

import fitz

from composition import CELL, MM, TOP, PITCH, check, check_folios
from support import SAMPLES, Expected, out_path, render

FANDOL = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf"


class Composition(unittest.TestCase):
    def test_samples_are_composed_properly(self):
        files = sorted(glob.glob(os.path.join(SAMPLES, "*.xml")))
        self.assertTrue(any("stress" in f for f in files), "the stress sample is missing")
        for xml in files:
            pdf, _ = render(xml, "composition-" + os.path.basename(xml)[:-4] + ".pdf", "--impose", "none")
            expected = Expected(xml)
            problems, stats = check(pdf, expected)
            self.assertEqual(problems, [], f"{xml}: {len(problems)} problems")
            self.assertGreater(stats["justified"], 20, xml)
            folio_problems, numbers = check_folios(pdf)
            self.assertEqual(folio_problems, [], xml)
            self.assertIn(1, numbers, xml)
            # Full pages of text hold 22 lines: the longest page has exactly
            # 22 (documents with tables and figures may have none full).
            if len(stats["pages"]) > 4 and not expected.floats:
                self.assertEqual(max(stats["pages"].values()), 22, xml)

    def test_some_lines_are_full_han_lines(self):
        pdf, _ = render(os.path.join(SAMPLES, "bz25yb119-jiexiang.xml"), "composition-full.pdf", "--impose", "none")
        _, stats = check(pdf, Expected(os.path.join(SAMPLES, "bz25yb119-jiexiang.xml")))
        self.assertGreater(stats["full_han_lines"], 0)

    def test_checks_reject_a_naive_layout(self):
        """A page set the way a naive program would — 28 characters a line
        whatever they are, no justification — must fail the checks."""
        text = ("城乡融合发展是实现中国式现代化的必由之路，核心就是要打破城乡二元结构，促进城乡资源要素的合理流动与高效配置，"
                "让现代化发展成果更多更公平惠及人民群众。新质生产力本质上是先进生产力，以创新为核心主导作用（不同于传统经济增长方式）。")
        doc = fitz.open()
        page = doc.new_page(width=595.28, height=841.89)
        left = 28 * MM
        for i in range(0, len(text), 28):
            y = TOP + (i // 28) * PITCH + 0.88 * 16
            for k, ch in enumerate(text[i:i + 28]):
                page.insert_text((left + k * 16, y), ch, fontsize=16, fontfile=FANDOL, fontname="F0")
        bad = out_path("naive.pdf")
        doc.save(bad)
        problems, _ = check(bad)
        self.assertTrue(any("starts with" in p for p in problems), problems)
        self.assertTrue(any("right edge" in p for p in problems), problems)


if __name__ == "__main__":
    unittest.main()
