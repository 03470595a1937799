"""Word documents in (issue 12): the fixtures that tests/docx/make_fixtures.py
makes from the samples import as intended and render like the samples;
guesses are notes at their paragraphs; hostile packages are refused fast
with nothing written; legacy .doc goes through LibreOffice or says how to
save as .docx."""

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

import fitz

from support import (BANSHI, SOURCE_DIR, SAMPLES, Expected, out_path, outcome_text, pdffonts, render, run_banshi,
                     spans, squeeze)
import test_content as content

DOCX = os.path.join(SOURCE_DIR, "tests", "data", "docx")
FIXTURES = os.path.join(DOCX, "fixtures")
EXPECTED = os.path.join(DOCX, "expected")
HOSTILE = os.path.join(DOCX, "hostile")
FAKE_SOFFICE = os.path.join(SOURCE_DIR, "tests", "docx", "fake-soffice")
NAMES = ["word-numbered", "wps-typed", "python-docx", "libreoffice", "edge-cases", "plain", "form-filled", "form-table-cover"]
# BANSHI_UPDATE_DOCX=1 rewrites tests/data/docx/expected/ from today's import
# (look at the diff before committing it).
UPDATE = os.environ.get("BANSHI_UPDATE_DOCX")


def fixture(name, ext=".docx"):
    return os.path.join(FIXTURES, name + ext)


def banshi(*args, cwd=None, env=None, stdin=None, timeout=120):
    p = subprocess.run([BANSHI, *args], capture_output=True, cwd=cwd, env=env, input=stdin, timeout=timeout)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def import_xml(name):
    """`banshi import NAME.docx -o -` run in the fixtures' directory, so the
    messages and comments name the file as NAME.docx."""
    code, out, err = banshi("import", name + ".docx", "-o", "-", cwd=FIXTURES)
    return code, out.decode("utf-8"), err


def canonical(xml_text):
    """An XML report as lines of (element, attributes, text) with comments
    left out and white space runs as one space: what the reader makes of it."""
    root = ET.fromstring(xml_text)
    lines = []

    def ws(s):
        return re.sub(r"\s+", " ", s or "").strip()

    def walk(el, depth):
        attrs = " ".join(f'{k}="{v}"' for k, v in sorted(el.attrib.items()))
        lines.append("  " * depth + f"<{el.tag}{' ' + attrs if attrs else ''}> {ws(el.text)}")
        for c in el:
            walk(c, depth + 1)
            if ws(c.tail):
                lines.append("  " * (depth + 1) + "~ " + ws(c.tail))
    walk(root, 0)
    return lines


def role_fonts():
    """The PostScript name of the font each role prints in, from
    `banshi fonts --json` (so the tests hold with the official fonts too)."""
    code, out, _ = banshi("fonts", "--json")
    assert code == 0
    names = {}
    for face in json.loads(out):
        f = face["font"]
        scan = subprocess.run(["fc-scan", "--format", "%{index} %{postscriptname}\n", f["file"]],
                              capture_output=True, text=True, check=True).stdout
        for line in scan.splitlines():
            idx, _, ps = line.partition(" ")
            if int(idx) == f["index"]:
                names[face["id"]] = ps
    return names


class Import(unittest.TestCase):
    def test_fixtures_import_as_intended(self):
        for name in NAMES:
            with self.subTest(fixture=name):
                code, xml, err = import_xml(name)
                self.assertEqual(code, 0, err)
                with open(fixture(name, ".intended.xml"), encoding="utf-8") as f:
                    intended = f.read()
                a, b = canonical(intended), canonical(xml)
                if a != b:
                    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
                    self.fail(f"{name}: the import differs from {name}.intended.xml at line {i}:\n"
                              f"  intended: {a[i] if i < len(a) else '(end)'}\n"
                              f"  imported: {b[i] if i < len(b) else '(end)'}")

    def test_import_matches_the_checked_in_xml(self):
        os.makedirs(EXPECTED, exist_ok=True)
        for name in NAMES:
            with self.subTest(fixture=name):
                code, xml, err = import_xml(name)
                self.assertEqual(code, 0, err)
                path = os.path.join(EXPECTED, name + ".xml")
                if UPDATE:
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(xml)
                with open(path, encoding="utf-8") as f:
                    self.assertEqual(xml, f.read(), f"{name}: the import changed (BANSHI_UPDATE_DOCX=1 refreshes)")

    def test_guesses_are_notes_at_their_paragraphs(self):
        code, xml, err = import_xml("wps-typed")
        self.assertEqual(code, 0, err)
        self.assertIn("wps-typed.docx:¶7 「一、巴中发展基本情况」: note: taken as a heading: it starts with the typed "
                      "number 一、 and is set in 黑体", err)
        self.assertIn("wps-typed.docx:¶1 「提升城市品质打造巴中独…」: note: taken as the title", err)
        # The same guesses as comments in the XML, before what they made.
        self.assertRegex(xml, r"<!-- ¶7 「一、巴中发展基本情况」 note: taken as a heading[^\n]*-->\n\s*<section>")
        self.assertIn("<!-- ¶2 「课题负责人：胡明」 note: taken as an author line -->", xml)

    def test_problems_are_warnings_at_their_paragraphs(self):
        code, _, err = import_xml("edge-cases")
        self.assertEqual(code, 0, err)
        self.assertIn("edge-cases.docx:¶9 「跳级的标题」: warning: the headings jump from level 1 to level 3", err)
        self.assertIn("edge-cases.docx:¶12 「1.派生样式的标题」: warning: the typed number 1. is a level-3 number", err)
        self.assertIn("edge-cases.docx:¶16 「尾注在此，公式x+y=1。」: warning: an equation is printed as plain text", err)

    def test_check_json_locates_paragraphs(self):
        code, out, err = banshi("check", "--json", "wps-typed.docx", cwd=FIXTURES)
        self.assertEqual(code, 0, err)
        found = [json.loads(line) for line in out.decode().splitlines()]
        heading = [d for d in found if d.get("paragraph") == 7]
        self.assertTrue(heading, found)
        self.assertEqual(heading[0]["severity"], "note")
        self.assertEqual(heading[0]["excerpt"], "一、巴中发展基本情况")
        self.assertEqual(heading[0]["file"], "wps-typed.docx")

    def test_no_structure_still_renders_with_a_warning(self):
        code, _, err = banshi("check", "--strict", "plain.docx", cwd=FIXTURES)
        self.assertEqual(code, 1, err)
        self.assertIn("no headings were recognised", err)
        pdf = out_path("docx-plain-strict.pdf")
        code, _, err = banshi("render", fixture("plain"), "-o", pdf)
        self.assertEqual(code, 0, err)
        text = squeeze(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout)
        self.assertTrue(text.startswith("无结构的文档这是一份没有任何格式的文档"), text[:60])

    def test_default_output_never_replaces_a_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(fixture("plain"), tmp)
            code, _, err = banshi("import", "plain.docx", cwd=tmp)
            self.assertEqual(code, 0, err)
            with open(os.path.join(tmp, "plain.xml"), "w") as f:
                f.write("mine")
            code, _, err = banshi("import", "plain.docx", cwd=tmp)
            self.assertEqual(code, 2)
            self.assertIn("plain.xml exists already", err)
            with open(os.path.join(tmp, "plain.xml")) as f:
                self.assertEqual(f.read(), "mine")
            code, _, err = banshi("import", "plain.docx", "-o", "plain.xml", cwd=tmp)
            self.assertEqual(code, 0, err)

    def test_import_takes_word_documents_only(self):
        code, _, err = banshi("import", os.path.join(SAMPLES, "bazhong-xinzhi-outcome.xml"), "-o", "-")
        self.assertEqual(code, 2)
        self.assertIn("report XML already", err)


class Render(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pdfs = {}
        for name in NAMES:
            cls.pdfs[name], _ = render(fixture(name), f"docx-{name}.pdf", "--impose", "none")
        cls.fonts = role_fonts()

    def expected(self, name):
        return os.path.join(EXPECTED, name + ".xml")

    def test_same_pdf_as_its_imported_xml(self):
        # One way in: the .docx and the XML it imports as give the same PDF.
        for name in NAMES:
            with self.subTest(fixture=name):
                pdf, _ = render(self.expected(name), f"docx-{name}-from-xml.pdf", "--impose", "none")
                with open(pdf, "rb") as a, open(self.pdfs[name], "rb") as b:
                    self.assertTrue(a.read() == b.read(), f"{name}: the PDFs differ")

    def test_text_is_complete(self):
        for name in NAMES:
            with self.subTest(fixture=name):
                expected = Expected(self.expected(name))
                text, missing = outcome_text(self.pdfs[name], expected)
                self.assertEqual(missing, [])
                if text != expected.body:
                    i = next((k for k in range(min(len(text), len(expected.body))) if text[k] != expected.body[k]),
                             min(len(text), len(expected.body)))
                    self.fail(f"{name}: PDF text differs at {i}:\n  pdf: …{text[max(0, i - 30):i + 40]}\n"
                              f"  xml: …{expected.body[max(0, i - 30):i + 40]}")

    def test_footnotes_on_their_page(self):
        for name in NAMES:
            with self.subTest(fixture=name):
                notes = content.Source(self.expected(name)).notes
                problems, _ = content.footnote_problems(self.pdfs[name], notes)
                self.assertEqual(problems, [])
        self.assertGreaterEqual(len(content.Source(self.expected("libreoffice")).notes), 15)
        self.assertGreaterEqual(len(content.Source(self.expected("word-numbered")).notes), 7)

    def test_roles_in_their_fonts(self):
        for name in NAMES:
            with self.subTest(fixture=name):
                root = ET.parse(self.expected(name)).getroot()
                outcome = root.find("outcome")
                want, seen = {}, set()

                def expect(text, role):
                    # A face may draw a mark from another font of its chain
                    # (KaitiM's low ：；), which ends PyMuPDF's span there.
                    start = re.split("[：；]", squeeze(text))[0][:12]
                    if start in seen:  # the same words twice: neither tells
                        want.pop(start, None)
                    else:
                        want[start] = role
                    seen.add(start)
                # A filled form prints its fields first (the 项目名称 on the cover is
                # often the title): words it holds tell nothing.
                for group in ("project", "changes"):
                    for el in root.iter(group):
                        for field in el.iter():
                            if field.text and field.text.strip():
                                expect(field.text, None)
                expect("".join(outcome.find("title").itertext()), "xiaobiaosong")
                for sec in outcome.iter("section"):
                    depth = 1 + sum(1 for _ in ancestors(outcome, sec))
                    if sec.get("run-in") != "yes":
                        expect("".join(sec.find("h").itertext()), {1: "hei", 2: "kai"}.get(depth, "fangsong"))
                self.assertGreater(len(want), 0 if name == "plain" else 3)
                found = {}
                for _, text, _, font, _ in spans(self.pdfs[name]):
                    s = squeeze(text)
                    for start in want:
                        # The heading's own words, after the number the template prints.
                        if 0 <= s.find(start) <= 4:
                            found.setdefault(start, font.split("+")[-1])
                for start, role in want.items():
                    if role is None:
                        continue
                    self.assertEqual(found.get(start), self.fonts[role], f"{name}: 「{start}」 should be in {role}")
                body = {}
                for _, text, size, font, _ in spans(self.pdfs[name]):
                    if abs(size - 16) < 0.1:
                        body[font.split("+")[-1]] = body.get(font.split("+")[-1], 0) + len(text)
                self.assertEqual(max(body, key=body.get), self.fonts["fangsong"], name)

    def test_fonts_embedded(self):
        for name in NAMES:
            for row in pdffonts(self.pdfs[name]):
                self.assertEqual((row["emb"], row["sub"], row["uni"]), ("yes", "yes", "yes"), f"{name}: {row}")

    def test_from_standard_input(self):
        with open(fixture("wps-typed"), "rb") as f:
            code, out, err = banshi("render", "-", "-o", "-", "--impose", "none", stdin=f.read())
        self.assertEqual(code, 0, err)
        with open(self.pdfs["wps-typed"], "rb") as f:
            self.assertTrue(out == f.read(), "the PDF from standard input differs")


def ancestors(root, el):
    parents = {c: p for p in root.iter() for c in p}
    p = parents.get(el)
    while p is not None and p.tag == "section":
        yield p
        p = parents.get(p)


class Batch(unittest.TestCase):
    def test_mixed_xml_and_docx(self):
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "in")
            os.makedirs(src)
            shutil.copy(os.path.join(SAMPLES, "stress-punctuation-outcome.xml"), src)
            for name in ("wps-typed", "edge-cases"):
                shutil.copy(fixture(name), src)
            out = os.path.join(tmp, "out")
            code, _, err = banshi("batch", src, "-o", out, "-j", "2", "-q")
            self.assertEqual(code, 0, err)
            with open(os.path.join(out, "report.jsonl")) as f:
                rows = [json.loads(line) for line in f]
            self.assertEqual(sorted(os.path.basename(r["file"]) for r in rows),
                             ["edge-cases.docx", "stress-punctuation-outcome.xml", "wps-typed.docx"])
            self.assertTrue(all(r["status"] == "ok" for r in rows), rows)
            for r in rows:
                self.assertTrue(os.path.getsize(r["output"]) > 1000)


def hostile_cases():
    with open(os.path.join(HOSTILE, "cases.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, _, expect = line.partition("|")
                yield name.strip(), expect.strip()


class Hostile(unittest.TestCase):
    def test_refused_fast_with_nothing_written(self):
        cases = list(hostile_cases())
        self.assertGreaterEqual(len(cases), 15)
        with tempfile.TemporaryDirectory() as tmp:
            for name, expect in cases:
                for command, target in (("render", "out.pdf"), ("import", "out.xml"), ("check", None)):
                    with self.subTest(file=name, command=command):
                        out = os.path.join(tmp, target) if target else None
                        start = time.monotonic()
                        code, _, err = banshi(command, os.path.join(HOSTILE, name), *(["-o", out] if out else []))
                        elapsed = time.monotonic() - start
                        self.assertEqual(code, 2, err)
                        self.assertIn(expect, err)
                        self.assertLess(elapsed, 3.0, f"{name}: {elapsed:.1f} s")
                        if out:
                            self.assertFalse(os.path.exists(out), f"{name}: {target} was written")


class Legacy(unittest.TestCase):
    def env(self, **extra):
        env = dict(os.environ)
        env.update(extra)
        return env

    def test_without_libreoffice_the_message_says_how_to_save_as_docx(self):
        out = out_path("docx-legacy-none.pdf")
        if os.path.exists(out):
            os.remove(out)
        code, _, err = banshi("render", fixture("libreoffice", ".doc"), "-o", out,
                              env=self.env(BANSHI_SOFFICE="/nonexistent/soffice"))
        self.assertEqual(code, 2)
        self.assertIn("LibreOffice (soffice)", err)
        self.assertIn("文件 → 另存为 → Word 文档 *.docx", err)
        self.assertIn("请在 Word 或 WPS 中另存为 .docx 后再试", err)
        self.assertFalse(os.path.exists(out))

    def test_stand_in_converter_in_a_private_profile(self):
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "log")
            env = self.env(BANSHI_SOFFICE=FAKE_SOFFICE, FAKE_SOFFICE_LOG=log, FAKE_SOFFICE_DOCX=fixture("wps-typed"))
            outs = [os.path.join(tmp, f"{k}.pdf") for k in range(2)]
            procs = [subprocess.Popen([BANSHI, "render", fixture("libreoffice", ".doc"), "-o", o, "-q"], env=env,
                                      stderr=subprocess.PIPE) for o in outs]
            for p in procs:
                _, err = p.communicate(timeout=120)
                self.assertEqual(p.returncode, 0, err.decode())
            with open(log) as f:
                runs = [line.split() for line in f]
            self.assertEqual(len(runs), 2)
            profiles = {r[0] for r in runs}
            self.assertEqual(len(profiles), 2, "parallel conversions share a profile")
            for profile, source, outdir in runs:
                self.assertTrue(source.endswith("libreoffice.doc"))
                self.assertFalse(os.path.exists(profile), "the private profile was left behind")
                self.assertFalse(os.path.exists(outdir), "the conversion's directory was left behind")
            text = squeeze(subprocess.run(["pdftotext", outs[0], "-"], capture_output=True, text=True).stdout)
            self.assertIn("提升城市品质打造巴中独特IP研究", text)

    def test_converter_failure_and_time_limit(self):
        env = self.env(BANSHI_SOFFICE=FAKE_SOFFICE, FAKE_SOFFICE_DOCX=fixture("plain"), FAKE_SOFFICE_FAIL="1")
        code, _, err = banshi("render", fixture("libreoffice", ".doc"), "-o", out_path("docx-fail.pdf"), env=env)
        self.assertEqual(code, 2)
        self.assertIn("could not be converted to .docx by LibreOffice (Error: source file could not be loaded)", err)
        env = self.env(BANSHI_SOFFICE=FAKE_SOFFICE, FAKE_SOFFICE_DOCX=fixture("plain"), FAKE_SOFFICE_SLEEP="30",
                       BANSHI_CONVERT_TIMEOUT="1")
        start = time.monotonic()
        code, _, err = banshi("render", fixture("libreoffice", ".doc"), "-o", out_path("docx-slow.pdf"), env=env)
        self.assertEqual(code, 2)
        self.assertIn("did not convert the file within 1 s", err)
        self.assertLess(time.monotonic() - start, 10)

    @unittest.skipUnless(shutil.which("soffice"), "LibreOffice is not installed")
    def test_real_libreoffice_converts_a_doc(self):
        code, out, err = banshi("import", "libreoffice.doc", "-o", "-", cwd=FIXTURES, timeout=300)
        self.assertEqual(code, 0, err)
        code2, docx_xml, _ = import_xml("libreoffice")
        # The same text as the .docx it was saved from (the formatting a
        # round trip through Word 97 keeps may differ).
        def text(x):
            return squeeze("".join(ET.fromstring(x).find("outcome").find("body").itertext()))
        self.assertEqual(text(out.decode()), text(docx_xml))


if __name__ == "__main__":
    unittest.main()
