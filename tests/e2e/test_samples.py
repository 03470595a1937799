"""Every sample renders, and the PDF holds what the report says, in the
fonts and sizes the federation asks for."""

import glob
import os
import unittest

from support import (A4, SAMPLES, Expected, outcome_text, pdffonts, render, spans, squeeze)

import fitz


def sample_files():
    return sorted(glob.glob(os.path.join(SAMPLES, "*.xml")))


class SamplesRender(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pdfs = {}
        for xml in sample_files():
            name = os.path.basename(xml)[:-4]
            pdf, err = render(xml, name + ".pdf", "--impose", "none")
            cls.pdfs[xml] = (pdf, err)

    def test_there_are_three_samples(self):
        self.assertGreaterEqual(len(self.pdfs), 3)

    def test_pages_are_a4(self):
        for xml, (pdf, _) in self.pdfs.items():
            doc = fitz.open(pdf)
            self.assertGreater(doc.page_count, 1, xml)
            for page in doc:
                self.assertAlmostEqual(page.rect.width, A4[0], delta=0.5, msg=xml)
                self.assertAlmostEqual(page.rect.height, A4[1], delta=0.5, msg=xml)

    def test_fonts_are_embedded_subset_cid_fonts(self):
        for xml, (pdf, _) in self.pdfs.items():
            rows = pdffonts(pdf)
            self.assertGreaterEqual(len(rows), 3, xml)
            for row in rows:
                self.assertEqual(row["emb"], "yes", f"{xml}: {row}")
                self.assertEqual(row["sub"], "yes", f"{xml}: {row}")
                self.assertEqual(row["uni"], "yes", f"{xml}: {row}")
                self.assertIn(row["type"], ("CID TrueType", "CID Type 0C"), f"{xml}: {row}")
                self.assertRegex(row["name"], r"^[A-Z]{6}\+", f"{xml}: {row}")

    def test_full_text_is_recovered(self):
        for xml, (pdf, _) in self.pdfs.items():
            expected = Expected(xml)
            text, missing_notes = outcome_text(pdf, expected)
            self.assertEqual(missing_notes, [], f"{xml}: footnote texts not found in the PDF")
            if text != expected.body:
                # Point at the first difference rather than dumping pages.
                i = next((k for k in range(min(len(text), len(expected.body))) if text[k] != expected.body[k]),
                         min(len(text), len(expected.body)))
                self.fail(f"{xml}: PDF text differs at {i}:\n  pdf: …{text[max(0, i - 30):i + 40]}\n"
                          f"  xml: …{expected.body[max(0, i - 30):i + 40]}")

    def test_title_is_2hao_and_body_3hao(self):
        for xml, (pdf, _) in self.pdfs.items():
            expected = Expected(xml)
            title_sizes = set()
            body_sizes = {}
            for _, text, size, _, _ in spans(pdf):
                if squeeze(text) and squeeze(text) in expected.title:
                    title_sizes.add(size)
                body_sizes[size] = body_sizes.get(size, 0) + len(text)
            self.assertIn(22.0, title_sizes, xml)
            # Most text is 3号 (16 pt) body.
            self.assertEqual(max(body_sizes, key=body_sizes.get), 16.0, xml)


if __name__ == "__main__":
    unittest.main()
