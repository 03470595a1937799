"""The filled 结项申请书 in Word (issue 12, item 3): the form's fields found
by their printed labels — spaced, in lines, cells or one cell, dates as
applicants type them, boxes ticked in the ways they tick them — checked case
by case from tests/data/docx/form-cases.txt; a missing field is reported
with its label at its paragraph, in English and Chinese; the fields print on
the form's pages of the PDF; each guess is a note at its paragraph and a
comment in the imported XML; the web page fills its form from a form .docx."""

import json
import os
import re
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

from support import SOURCE_DIR, pdftotext, render, run_banshi, squeeze

sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "docx"))
import make_fixtures as mf  # noqa: E402
import forms  # noqa: E402

FIXTURES = os.path.join(SOURCE_DIR, "tests", "data", "docx", "fixtures")
CASES = os.path.join(SOURCE_DIR, "tests", "data", "docx", "form-cases.txt")
NO = {"sensitive": "no", "secret": "no"}


def read_cases():
    """(line number, kind, arguments, expected) for each case."""
    with open(CASES, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split(" | ")]
            kind, _, first = parts[0].partition(" ")
            yield n, kind, [first] + parts[1:-1], parts[-1]


def make_case(sample, kind, args, path):
    opts = dict(cover="lines", ticks="symbol", declaration=dict(NO), with_outcome=False)
    if kind == "layout":
        opts["cover"] = args[0]
    elif kind == "label":
        opts["labels"] = {args[0]: args[1]}
    elif kind == "value":
        opts["values"] = {args[0]: None if args[1] == "-" else args[1]}
    elif kind == "tick":
        opts["ticks"] = (args[0], args[1] if len(args) > 1 else "")
    elif kind == "answer":
        opts["declaration"] = {"sensitive": args[0], "secret": args[0]}
    elif kind == "changed":
        opts["changed"] = args[0]
    elif kind == "report":
        # The sample's report in Word, its first paragraphs these lines.
        pkg = mf.word_numbered(sample)
        pkg.body[0:0] = [f"<w:p>{mf.run(line)}</w:p>" for line in args]
        mf.write_zip(path, pkg.parts())
        return
    else:
        raise ValueError(kind)
    mf.write_zip(path, forms.form_package(mf, sample, **opts).parts())


def find(root, path):
    """The text of PATH ("project/id") or attribute ("declaration/@secret")
    in the imported report; None when absent."""
    el_path, _, attr = path.partition("/@")
    if not el_path:
        return root.get(attr)
    el = root.find(el_path)
    if el is None:
        return None
    return el.get(attr) if attr else (el.text or "")


class Cases(unittest.TestCase):
    def test_form_cases(self):
        sample = mf.Sample("bz25yb108-jiexiang")
        cases = list(read_cases())
        self.assertGreaterEqual(len(cases), 40)
        with tempfile.TemporaryDirectory() as tmp:
            for n, kind, args, expected in cases:
                with self.subTest(line=n, case=f"{kind} {' | '.join(args)}"):
                    docx = os.path.join(tmp, f"case{n}.docx")
                    make_case(sample, kind, args, docx)
                    words = expected.split()
                    if words[0] in ("error", "warning"):
                        severity, code, path, where = words[0], words[1], words[2], " ".join(words[3:])
                        status, out, err = run_banshi("check", "--json", docx)
                        self.assertEqual(status, 2 if severity == "error" else 0, err)
                        found = [json.loads(x) for x in out.decode("utf-8").splitlines()]
                        hits = [f for f in found if f["code"] == code and f["path"] == path]
                        self.assertTrue(hits, f"no {code} about {path} in {found}")
                        f = hits[0]
                        self.assertEqual(f["severity"], severity)
                        self.assertTrue(f["label"], f)
                        if where == "¶1":
                            self.assertEqual(f["paragraph"], 1, f)
                        else:
                            self.assertTrue(f["excerpt"].startswith(where[1:]), f)
                        continue
                    status, out, err = run_banshi("import", docx, "-o", "-")
                    self.assertEqual(status, 0, err)
                    root = ET.fromstring(out)
                    path, _, value = expected.partition(" = ")
                    path = "/" + path if path.startswith("@") else path
                    if expected.endswith(" absent"):
                        self.assertIsNone(find(root, expected[:-len(" absent")]))
                    else:
                        self.assertEqual(find(root, path), value)


class Messages(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        sample = mf.Sample("bz25yb108-jiexiang")
        self.docx = os.path.join(self.tmp.name, "form.docx")
        pkg = forms.form_package(mf, sample, cover="lines", ticks="symbol", declaration=dict(NO),
                                 with_outcome=True, values={"项目类别": "", "填表日期": "2025.13.1"})
        mf.write_zip(self.docx, pkg.parts())

    def tearDown(self):
        self.tmp.cleanup()

    def test_missing_and_unreadable_fields_at_their_paragraphs_in_both_languages(self):
        out_pdf = os.path.join(self.tmp.name, "form.pdf")
        status, _, err = run_banshi("render", self.docx, "-o", out_pdf)
        self.assertEqual(status, 2, err)
        self.assertFalse(os.path.exists(out_pdf))
        # Every error at once, as the XML reader gives them.
        self.assertIn("form.docx:¶5 「项 目 类 别：」: error: <project>/<category> (项目类别) is missing", err)
        self.assertIn("form.docx:¶9 「填 表 日 期： 2025.13.…」: error: <project>/<filled> (填表日期) is "
                      "\"2025.13.1\", which is not a date that exists", err)
        status, _, err = run_banshi("check", self.docx, locale="zh_CN.UTF-8")
        self.assertEqual(status, 2, err)
        self.assertIn("form.docx:¶5 「项 目 类 别：」: 错误：项目类别（<project>/<category>）未填写", err)
        self.assertIn("填表日期（<project>/<filled>）填的是“2025.13.1”，不是有效日期", err)
        # As the XML reader says it of a report XML without <category>.
        xml = os.path.join(self.tmp.name, "report.xml")
        with open(os.path.join(SOURCE_DIR, "samples", "bz25yb108-jiexiang.xml"), encoding="utf-8") as f:
            text = f.read()
        with open(xml, "w", encoding="utf-8") as f:
            f.write(re.sub(r"<category>[^<]*</category>", "", text))
        status, _, err = run_banshi("check", xml)
        self.assertEqual(status, 2, err)
        self.assertIn(": error: <project>/<category> (项目类别) is missing", err)


class Import(unittest.TestCase):
    def test_guesses_are_notes_and_comments_at_their_paragraphs(self):
        status, out, err = run_banshi("import", os.path.join(FIXTURES, "form-table-cover.docx"), "-o", "-")
        self.assertEqual(status, 0, err)
        xml = out.decode("utf-8")
        # The cover in a table: the value's own cell is the paragraph.
        self.assertIn("¶5 「BZ25YB119」 note: <project>/<id> (立项编号) read after its printed label: 「BZ25YB119」",
                      xml)
        self.assertRegex(err, r"form-table-cover.docx:¶\d+ 「立项项目名称」: note: taken as the 项目变更情况数据表")
        self.assertRegex(err, r"¶\d+ 「[^」]*」: note: <changes>/@changed \(是否变更\) read from the ticked box: 否")
        self.assertRegex(err, r"¶1 「附件 2」: note: read as the filled 结项申请书: .* 「最终成果」 \(¶\d+\)")
        # Comments come before the element they concern.
        self.assertLess(xml.index("read after its printed label: 「BZ25YB119」"), xml.index("\n  <project>\n"))
        status, out, err = run_banshi("import", os.path.join(FIXTURES, "form-filled.docx"), "-o", "-")
        xml = out.decode("utf-8")
        self.assertLess(xml.index("read as a row of 原负责人"), xml.index('\n    <person role="original-leader">'))

    def test_a_form_without_its_report(self):
        status, out, err = run_banshi("import", os.path.join(FIXTURES, "form-only.docx"), "-o", "-")
        self.assertEqual(status, 0, err)
        self.assertIn("form-only.docx:¶1 「附件 2」: warning: read as the filled 结项申请书", err)
        root = ET.fromstring(out)
        self.assertEqual(root.get("template"), "jiexiang")
        self.assertEqual(root.find("project/id").text, "BZ25YB108")
        self.assertEqual(len(root.findall("changes/person")), 6)

    def test_a_report_alone_is_no_form(self):
        status, out, err = run_banshi("import", os.path.join(FIXTURES, "word-numbered.docx"), "-o", "-")
        self.assertEqual(status, 0, err)
        root = ET.fromstring(out)
        self.assertEqual(root.get("template"), "outcome")
        self.assertIsNone(root.find("project"))
        self.assertNotIn("结项申请书", err)


class Outcome(unittest.TestCase):
    """`render form.docx --outcome report.docx`: the form from one file, the
    report from another (either .docx or XML)."""

    def test_form_and_report_apart_print_as_one_document(self):
        with tempfile.TemporaryDirectory() as tmp:
            # form-filled's report alone, as XML without the form's fields.
            root = ET.parse(os.path.join(SOURCE_DIR, "tests", "data", "docx", "expected", "form-filled.xml")).getroot()
            for tag in ("project", "changes", "declaration"):
                root.remove(root.find(tag))
            root.set("template", "outcome")
            report = os.path.join(tmp, "report.xml")
            ET.ElementTree(root).write(report, encoding="utf-8", xml_declaration=True)
            apart = os.path.join(tmp, "apart.pdf")
            status, _, err = run_banshi("render", os.path.join(FIXTURES, "form-only.docx"), "--outcome", report,
                                        "-o", apart, "--impose", "none")
            self.assertEqual(status, 0, err)
            self.assertNotIn("docx.form-no-outcome", err)
            self.assertNotIn("give the report with --outcome", err)
            whole, _ = render(os.path.join(FIXTURES, "form-filled.docx"), "docx-form-whole.pdf", "--impose", "none")
            with open(apart, "rb") as a, open(whole, "rb") as b:
                self.assertEqual(a.read(), b.read(), "form + report apart differ from the form with its report")
            # A Word report with no form of its own: the form's fields print.
            status, _, err = run_banshi("render", os.path.join(FIXTURES, "form-only.docx"), "--outcome",
                                        os.path.join(FIXTURES, "word-numbered.docx"), "-o", apart, "--impose", "none")
            self.assertEqual(status, 0, err)
            text = squeeze(pdftotext(apart))
            self.assertIn("BZ25YB108", text)
            self.assertIn("新质生产力推动城乡融合发展的内在机理", text)
            status, _, err = run_banshi("check", os.path.join(FIXTURES, "form-only.docx"), "--outcome", report)
            self.assertEqual(status, 0, err)
            status, _, err = run_banshi("check", "a.docx", "b.docx", "--outcome", report)
            self.assertEqual(status, 2, err)
            self.assertIn("--outcome goes with one form", err)


class Pages(unittest.TestCase):
    """The fields print on the form's pages as the sample XML prints them."""

    def test_fields_on_the_cover_and_in_the_change_table(self):
        for name, sample in (("form-filled", "bz25yb108-jiexiang"), ("form-table-cover", "bz25yb119-jiexiang")):
            with self.subTest(fixture=name):
                pdf, _ = render(os.path.join(FIXTURES, name + ".docx"), f"docx-{name}-form.pdf", "--impose", "none")
                xml_pdf, _ = render(os.path.join(SOURCE_DIR, "samples", sample + ".xml"), f"docx-{name}-sample.pdf",
                                    "--impose", "none")
                pages = [squeeze(pdftotext(pdf, "-f", str(k), "-l", str(k))) for k in range(1, 5)]
                sample_pages = [squeeze(pdftotext(xml_pdf, "-f", str(k), "-l", str(k))) for k in range(1, 5)]
                root = ET.parse(os.path.join(FIXTURES, name + ".intended.xml")).getroot()
                p = root.find("project")
                cover = pages[0]
                self.assertIn("结项申请书", cover)
                for tag in ("id", "category", "leader", "organization"):
                    self.assertIn(squeeze(p.find(tag).text), cover, tag)
                y, m, d = (int(x) for x in p.find("filled").text.split("-"))
                self.assertIn(f"{y}年{m}月{d}日", cover)
                table = pages[3]
                self.assertIn("项目变更情况数据表", table)
                for person in root.iter("person"):
                    for field in person:
                        text = field.text
                        if field.tag == "born":
                            y, m = (int(x) for x in text.split("-")[:2])
                            text = f"{y}年{m}月"
                        self.assertIn(squeeze(text), table, f"{person.get('role')} {field.tag}")
                # The cover and the change table print as the sample's XML
                # prints them (the 声明 differs: the form's boxes are ticked).
                self.assertEqual(cover, sample_pages[0])
                self.assertEqual(table, sample_pages[3])
                self.assertIn("成果是否涉密：是☐否☒", pages[1])


if __name__ == "__main__":
    unittest.main()
