"""Reference page images: a few pages of the samples, rasterised, compared
pixel by pixel with the images kept in tests/data/reference/ (listed in
pages.txt there). The other tests check what is printed; these catch a
change in how it looks — a rule that moved or thinned, a mark displaced, a
glyph from the wrong font — that no text check sees.

Pages are rendered with MuPDF at 75 dpi in grey: enough to see every line
and rule, small enough to keep in the repository. Two images match when
no more than MAX_DIFFERING pixels differ by more than a quarter of the
grey range: anti-aliasing noise does not reach that, while a table frame
drawn 0.5 pt too thin, or emphasis dots set a point higher, does.

BANSHI_UPDATE_REFERENCES=1 writes the current pages as the references."""

import os
import shlex
import unittest

import fitz  # PyMuPDF, Debian's python3-fitz

from support import SAMPLES, SOURCE_DIR, out_path, render

REF_DIR = os.path.join(SOURCE_DIR, "tests", "data", "reference")
DPI = 75
THRESHOLD = 64            # grey levels (of 255) a pixel may differ by
MAX_DIFFERING = 40        # pixels allowed beyond the threshold
UPDATE = os.environ.get("BANSHI_UPDATE_REFERENCES") == "1"


def read_pages():
    """(name, sample, page number, options) per line of pages.txt."""
    entries = []
    with open(os.path.join(REF_DIR, "pages.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, sample, page, *options = shlex.split(line)
            entries.append((name, sample, int(page), options))
    return entries


def raster(pdf, page_no):
    """The page as a grey pixmap."""
    with fitz.open(pdf) as doc:
        return doc[page_no - 1].get_pixmap(dpi=DPI, colorspace=fitz.csGRAY, alpha=False)


def compare(actual, expected):
    """(number of pixels beyond the threshold, a diff pixmap) or a string
    saying why the images cannot be compared."""
    if (actual.width, actual.height) != (expected.width, expected.height):
        return f"size {actual.width}×{actual.height} px, the reference is {expected.width}×{expected.height}"
    a, e = actual.samples, expected.samples
    diff = bytearray(len(a))
    differing = 0
    for i, (x, y) in enumerate(zip(a, e)):
        d = abs(x - y)
        if d > THRESHOLD:
            differing += 1
            diff[i] = 255
    # The diff image: the reference faint, the differing pixels black.
    shown = bytes(0 if diff[i] else 160 + e[i] * 95 // 255 for i in range(len(e)))
    return differing, fitz.Pixmap(fitz.csGRAY, actual.width, actual.height, shown, False)


def grey_pixmap(path):
    pix = fitz.Pixmap(path)
    return pix if pix.n == 1 and not pix.alpha else fitz.Pixmap(fitz.csGRAY, pix)


class ReferenceImages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pdfs = {}

    def pdf_of(self, sample, options):
        key = (sample, tuple(options))
        if key not in self.pdfs:
            name = f"reference-{os.path.splitext(sample)[0]}{'-'.join([''] + [o.strip('-') for o in options])}.pdf"
            self.pdfs[key], _ = render(os.path.join(SAMPLES, sample), name, *options)
        return self.pdfs[key]

    def test_pages_match_their_references(self):
        entries = read_pages()
        self.assertGreaterEqual(len(entries), 5, "pages.txt lists too few reference pages")
        failures = []
        for name, sample, page, options in entries:
            with self.subTest(page=name):
                actual = raster(self.pdf_of(sample, options), page)
                ref = os.path.join(REF_DIR, f"{name}.png")
                actual.save(out_path(f"reference-{name}.actual.png"))
                if UPDATE:
                    actual.save(ref)
                    continue
                self.assertTrue(os.path.exists(ref), f"{name}: no reference image {ref} (BANSHI_UPDATE_REFERENCES=1 makes it)")
                result = compare(actual, grey_pixmap(ref))
                if isinstance(result, str):
                    failures.append(f"{name}: {result}")
                    continue
                differing, diff = result
                if differing > MAX_DIFFERING:
                    diff.save(out_path(f"reference-{name}.diff.png"))
                    failures.append(f"{name} ({sample} page {page}): {differing} pixels differ; see "
                                    f"{out_path(f'reference-{name}.actual.png')} and .diff.png")
        self.assertEqual(failures, [], "pages that no longer look like their reference images")

    def test_comparison_sees_a_changed_page(self):
        # The check itself: a page against a different page of the same
        # document, and against itself moved down by one pixel row, fails;
        # against itself it passes.
        pdf = self.pdf_of("bz25yb119-jiexiang.xml", ["--impose", "none"])
        a, b = raster(pdf, 8), raster(pdf, 9)
        self.assertEqual(compare(a, a)[0], 0)
        self.assertGreater(compare(a, b)[0], MAX_DIFFERING)
        row = a.width
        moved = fitz.Pixmap(fitz.csGRAY, a.width, a.height, bytes([255] * row) + a.samples[:-row], False)
        self.assertGreater(compare(a, moved)[0], MAX_DIFFERING, "a page moved by one pixel passes as unchanged")


if __name__ == "__main__":
    unittest.main()
