"""PDF/A-1b (ISO 19005-1 = GB/Z 23283-2009): every sample, A4 and A3
booklet, is validated by an independent validator — PDFBox Preflight from
Debian's libpdfbox2-java, offline — in one JVM run (Preflight's "group"
mode), and files broken on purpose must fail it. Also: which renders are
PDF/A by default, the options, a missing colour profile, determinism, and
that the pages look the same as without PDF/A."""

import os
import re
import shutil
import subprocess
import time
import unittest
import xml.etree.ElementTree as ET

import fitz

from support import SAMPLES, out_path, render, run_banshi

JARS = ("preflight", "pdfbox2", "xmpbox", "javax.activation", "jaxb-api", "commons-logging")
CLASSPATH = ":".join(f"/usr/share/java/{j}.jar" for j in JARS)
# The sample with a transparent PNG: as PDF/A its alpha is flattened onto
# white by the image stage (a soft mask is not PDF/A-1).
TRANSPARENT_SAMPLE = "journal-article-outcome"


def preflight(paths):
    """Validates `paths` in one JVM; {basename: (valid, [(code, details)])}."""
    missing = [j for j in CLASSPATH.split(":") if not os.path.exists(j)]
    if missing or not shutil.which("java"):
        raise AssertionError("PDFBox Preflight is not installed (.ci/setup installs libpdfbox2-java, "
                             f"libactivation-java, libjaxb-api-java, default-jre-headless); missing {missing}")
    listing = out_path("pdfa-preflight-list.txt")
    report = listing + ".preflight.xml"
    if os.path.exists(report):
        os.remove(report)
    with open(listing, "w") as f:
        f.write("".join(os.path.abspath(p) + "\n" for p in paths))
    t0 = time.monotonic()
    p = subprocess.run(["java", "-cp", CLASSPATH, "org.apache.pdfbox.preflight.Validator_A1b", "xml", "group",
                        listing], capture_output=True, timeout=600)
    print(f"\nPreflight: {len(paths)} files in {time.monotonic() - t0:.1f} s")
    if not os.path.exists(report):
        raise AssertionError(f"Preflight wrote no report (exit {p.returncode}):\n{p.stderr.decode()}")
    results = {}
    for pf in ET.parse(report).getroot().iter("preflight"):
        valid = pf.find("isValid").text.strip() == "true"
        errors = [(e.findtext("code", ""), e.findtext("details", "")) for e in pf.iter("error")]
        results[pf.get("name")] = (valid, errors)
    return results


def read(path):
    with open(path, "rb") as f:
        return f.read()


def samples():
    return sorted(f[:-4] for f in os.listdir(SAMPLES) if f.endswith(".xml"))


def is_form(name):
    return name.endswith("-jiexiang")


def xmp(pdf):
    return fitz.open(pdf).get_xml_metadata()


def write_report(name, title, authors=("张三",)):
    path = out_path(name)
    who = "".join(f"<author>{a}</author>" for a in authors)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'<report template="outcome" version="1"><outcome><title>{title}</title>'
                f'<authors>{who}</authors><keywords><k>a&amp;b</k><k>&lt;x&gt;</k></keywords>'
                f'<body><p>正文。</p></body></outcome></report>')
    return path


def broken_copy(pdf, name, old, new):
    """A copy of `pdf` with the bytes `old` replaced by `new` of the same
    length (no offset moves, so only the meant defect is there)."""
    assert len(old) == len(new)
    data = read(pdf)
    assert data.count(old) >= 1, (pdf, old)
    path = out_path(name)
    with open(path, "wb") as f:
        f.write(data.replace(old, new, 1))
    return path


class Preflight(unittest.TestCase):
    """One Preflight run over everything, then one test per expectation."""

    @classmethod
    def setUpClass(cls):
        cls.good = []
        for name in samples():
            xml = os.path.join(SAMPLES, name + ".xml")
            pdf, _ = render(xml, f"pdfa-{name}.a4.pdf", "--impose", "none", "--pdfa")
            cls.good.append(pdf)
            if is_form(name):
                # The form's defaults: A3 booklet, PDF/A.
                pdf, _ = render(xml, f"pdfa-{name}.a3.pdf")
                cls.good.append(pdf)
        # Word documents come in through another reader (engine/docx) with
        # their own metadata and structure.
        docx_dir = os.path.join(os.path.dirname(SAMPLES), "tests", "data", "docx", "fixtures")
        cls.docx = sorted(f for f in os.listdir(docx_dir) if f.endswith(".docx"))
        for f in cls.docx:
            pdf, _ = render(os.path.join(docx_dir, f), f"pdfa-docx-{f[:-5]}.pdf", "--pdfa")
            cls.good.append(pdf)
        # Metadata a careless XMP writer breaks: & < > in every field, a
        # character outside the BMP, a title cut at 1,000 characters, dates.
        hostile = write_report("pdfa-hostile-meta.xml", "A &amp; B &lt;C&gt; \"q\" 'a' 𠀀 ⼀",
                               ("张三 &amp; 李四",))
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
        out = out_path("pdfa-hostile-meta.pdf")
        r = subprocess.run([os.environ.get("BANSHI", "build/banshi"), "render", hostile, "-o", out, "--pdfa", "-q"],
                           env=env, capture_output=True)
        assert r.returncode == 0, r.stderr.decode()
        cls.hostile = out
        cls.good.append(out)
        cls.long_title, _ = render(write_report("pdfa-long-title.xml", "长" * 1500), "pdfa-long-title.pdf", "--pdfa")
        cls.good.append(cls.long_title)

        form = os.path.join(SAMPLES, "bz25yb119-jiexiang.xml")
        base, _ = render(form, "pdfa-base.pdf", "--impose", "none")
        data = read(base)
        file_id = re.search(rb"/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]\n", data).group(0)
        cls.no_id = broken_copy(base, "pdfa-broken-no-id.pdf", file_id, b" " * (len(file_id) - 1) + b"\n")
        cls.title_mismatch = broken_copy(cls.hostile, "pdfa-broken-xmp-title.pdf", b">A &amp; B", b">X &amp; B")
        cls.plain, _ = render(form, "pdfa-broken-plain.pdf", "--impose", "none", "--no-pdfa")
        cls.results = preflight(cls.good + [cls.no_id, cls.title_mismatch, cls.plain])

    def result(self, pdf):
        return self.results[os.path.basename(pdf)]

    def test_every_sample_a4_and_a3_is_valid_pdfa_1b(self):
        names = samples()
        self.assertEqual(len(self.good), len(names) + sum(map(is_form, names)) + len(self.docx) + 2)
        self.assertGreater(len(self.docx), 0)
        for pdf in self.good:
            with self.subTest(pdf=os.path.basename(pdf)):
                valid, errors = self.result(pdf)
                self.assertTrue(valid, "\n".join(f"{c}: {d[:300]}" for c, d in errors))

    def test_file_without_its_id_fails(self):
        valid, errors = self.result(self.no_id)
        self.assertFalse(valid)
        self.assertIn("1.4.1", [c for c, _ in errors], errors)

    def test_xmp_that_does_not_match_info_fails(self):
        valid, errors = self.result(self.title_mismatch)
        self.assertFalse(valid)
        self.assertTrue(any(c.startswith("7.2") and "Title" in d for c, d in errors), errors)

    def test_plain_output_is_not_pdfa(self):
        valid, errors = self.result(self.plain)
        self.assertFalse(valid)
        self.assertTrue(any("Metadata" in d or "OutputIntent" in d or "Color" in d for _, d in errors), errors)

    def test_metadata_is_escaped_and_matches_info(self):
        doc = fitz.open(self.hostile)
        self.assertEqual(doc.metadata["title"], "A & B <C> \"q\" 'a' 𠀀 ⼀")
        self.assertEqual(doc.metadata["author"], "张三 & 李四")
        x = xmp(self.hostile)
        self.assertIn("A &amp; B &lt;C&gt; \"q\" 'a' 𠀀 ⼀", x)
        self.assertIn("<rdf:li>张三 &amp; 李四</rdf:li>", x)
        self.assertIn("<pdf:Keywords>a&amp;b; &lt;x&gt;</pdf:Keywords>", x)
        self.assertIn("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>", x)
        ET.fromstring(x[x.index("<x:xmpmeta"):x.index("<?xpacket end")])  # well-formed XML
        # The title cut where the Info dictionary cuts it, in both.
        title = fitz.open(self.long_title).metadata["title"]
        self.assertEqual(title, "长" * 999 + "…")
        self.assertIn(">" + title + "<", xmp(self.long_title))


class Defaults(unittest.TestCase):
    def test_the_form_is_pdfa_by_default_and_the_outcome_on_request(self):
        form = os.path.join(SAMPLES, "bz25yb119-jiexiang.xml")
        outcome = os.path.join(SAMPLES, "bazhong-xinzhi-outcome.xml")
        cases = [(form, (), True), (form, ("--no-pdfa",), False), (outcome, (), False), (outcome, ("--pdfa",), True)]
        for xml, extra, pdfa in cases:
            with self.subTest(xml=os.path.basename(xml), extra=extra):
                pdf, _ = render(xml, "pdfa-default.pdf", "--impose", "none", *extra)
                head = read(pdf)[:9]
                self.assertEqual(head, b"%PDF-1.4\n" if pdfa else b"%PDF-1.3\n")
                self.assertEqual("<pdfaid:part>1</pdfaid:part>" in xmp(pdf), pdfa)

    def test_batch_takes_the_options_too(self):
        d = out_path("pdfa-batch")
        shutil.rmtree(d, ignore_errors=True)
        form = os.path.join(SAMPLES, "bz25yb119-jiexiang.xml")
        code, _, err = run_banshi("batch", form, "-o", d, "--no-pdfa", "--impose", "none", "-q")
        self.assertEqual(code, 0, err)
        self.assertNotIn("pdfaid", xmp(os.path.join(d, "bz25yb119-jiexiang.pdf")))

    def test_contradicting_options_are_refused(self):
        code, _, err = run_banshi("render", os.path.join(SAMPLES, "bz25yb119-jiexiang.xml"), "-o",
                                  out_path("pdfa-never.pdf"), "--pdfa", "--no-pdfa")
        self.assertEqual(code, 2)
        self.assertIn("--pdfa and --no-pdfa", err)

    def test_pdfa_output_is_deterministic(self):
        form = os.path.join(SAMPLES, "bz25yb108-jiexiang.xml")
        a, _ = render(form, "pdfa-det-1.pdf")
        b, _ = render(form, "pdfa-det-2.pdf")
        self.assertEqual(read(a), read(b))


class Transparency(unittest.TestCase):
    def test_transparent_image_is_flattened_onto_white(self):
        """PDF/A-1 allows no soft mask: the image stage composites the
        figure's alpha onto white. Its samples are the plain PDF's image
        composited onto white, and the page looks the same but at the edges
        of what is drawn (where a viewer scaling colour and mask apart
        mixes in the colour of clear pixels)."""
        xml = os.path.join(SAMPLES, TRANSPARENT_SAMPLE + ".xml")
        a, _ = render(xml, "pdfa-transparent.pdf", "--impose", "none", "--pdfa")
        b, _ = render(xml, "pdfa-transparent-plain.pdf", "--impose", "none", "--no-pdfa")
        self.assertNotIn(b"/SMask", read(a))
        self.assertIn(b"/SMask", read(b))
        da, db = fitz.open(a), fitz.open(b)
        page = next(i for i in range(len(db)) if db[i].get_images())
        xa, xb = da[page].get_images()[0], db[page].get_images()[0]
        flat = fitz.Pixmap(da, xa[0])
        colour, alpha = fitz.Pixmap(db, xb[0]), fitz.Pixmap(db, xb[1])
        self.assertEqual((flat.width, flat.height, flat.n), (colour.width, colour.height, 3))
        want = bytearray(len(colour.samples))
        for i, c in enumerate(colour.samples):
            al = alpha.samples[i // 3]
            want[i] = (c * al + 255 * (255 - al) + 127) // 255
        self.assertLessEqual(max(abs(x - y) for x, y in zip(flat.samples, want)), 1)
        pa = da[page].get_pixmap(dpi=50, colorspace=fitz.csGRAY).samples
        pb = db[page].get_pixmap(dpi=50, colorspace=fitz.csGRAY).samples
        self.assertLess(sum(1 for x, y in zip(pa, pb) if abs(x - y) > 2), len(pa) // 50)


class MissingProfile(unittest.TestCase):
    def run_without_profile(self, *extra):
        out = out_path("pdfa-no-profile.pdf")
        with open(out, "wb") as f:
            f.write(b"the old file")
        env = dict(os.environ, BANSHI_SRGB_PROFILE="/nonexistent/sRGB.icc")
        r = subprocess.run([os.environ.get("BANSHI", "build/banshi"), "render",
                            os.path.join(SAMPLES, "bz25yb119-jiexiang.xml"), "-o", out, *extra],
                           env=env, capture_output=True)
        return r.returncode, r.stderr.decode(), read(out)

    def test_pdfa_without_the_profile_is_a_clear_error_and_writes_nothing(self):
        code, err, data = self.run_without_profile()
        self.assertEqual(code, 1, err)
        self.assertIn("sRGB", err)
        self.assertIn("/nonexistent/sRGB.icc", err)
        self.assertIn("icc-profiles-free", err)
        self.assertIn("--no-pdfa", err)
        self.assertEqual(data, b"the old file")

    def test_plain_output_needs_no_profile(self):
        code, err, data = self.run_without_profile("--no-pdfa")
        self.assertEqual(code, 0, err)
        self.assertTrue(data.startswith(b"%PDF-1.3"))


class LooksTheSame(unittest.TestCase):
    def test_pdfa_pages_render_like_plain_ones(self):
        """The archive parts change no mark on the page: every page of the
        A4 form and of the A3 booklet rasterises to the same pixels."""
        form = os.path.join(SAMPLES, "bz25yb119-jiexiang.xml")
        for impose in ("none", "a3-booklet"):
            with self.subTest(impose=impose):
                a, _ = render(form, f"pdfa-look-a-{impose}.pdf", "--impose", impose, "--pdfa")
                b, _ = render(form, f"pdfa-look-b-{impose}.pdf", "--impose", impose, "--no-pdfa")
                da, db = fitz.open(a), fitz.open(b)
                self.assertEqual(len(da), len(db))
                for i in range(len(da)):
                    pa = da[i].get_pixmap(dpi=50, colorspace=fitz.csGRAY).samples
                    pb = db[i].get_pixmap(dpi=50, colorspace=fitz.csGRAY).samples
                    self.assertEqual(pa, pb, f"page {i + 1} differs")


if __name__ == "__main__":
    unittest.main()
