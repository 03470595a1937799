"""banshi audit on PDFs made by banshi and by other programs: every rule's
verdict on every corpus file as tests/data/audit/expected.txt says (a good
file passes, a file broken in one way fails exactly that rule), banshi's
own renders of every sample pass (A4 and A3), the outputs parse (JSON
lines, CSV), unreadable files exit 2 with a clear message, and the words
follow the locale."""

import csv
import html
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
import zipfile
import unittest

import fitz

from support import SAMPLES, SOURCE_DIR, out_path, render, run_banshi

DATA = os.path.join(SOURCE_DIR, "tests", "data", "audit")
CORPUS = os.path.join(DATA, "corpus")
OUTCOME_NA = ["booklet.order=n/a", "heading4.style=n/a", "form.pages=n/a", "form.cover=n/a"]
DOCX_NA = OUTCOME_NA + ["fonts.embedded=n/a", "fonts.type3=n/a", "text.extractable=n/a", "linebreak.start=n/a",
                        "linebreak.end=n/a"]
RULES = ["page.size", "booklet.order", "margins", "block.outside", "body.style", "title.style", "heading1.style",
         "heading2.style", "heading3.style", "heading4.style", "fonts.embedded", "fonts.type3", "text.extractable",
         "grid.lines", "grid.chars", "body.justified", "linebreak.start", "linebreak.end", "folio.format",
         "folio.position", "folio.sequence", "footnotes.page", "form.pages", "form.cover"]


def expectations():
    """{file: {rule: verdict}} or {file: ("unreadable", kind)}."""
    out = {}
    with open(os.path.join(DATA, "expected.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, *words = shlex.split(line)
            if words and words[0] == "unreadable":
                out[name] = ("unreadable", words[1])
                continue
            verdicts = {rule: "pass" for rule in RULES}
            for w in words:
                for item in {"@outcome": OUTCOME_NA, "@docx": DOCX_NA}.get(w, [w]):
                    rule, verdict = item.split("=")
                    assert rule in verdicts, f"expected.txt: unknown rule {rule}"
                    verdicts[rule] = verdict
            out[name] = verdicts
    return out


def audit_json(*args):
    code, out, err = run_banshi("audit", "--json", "-j", "2", *args)
    objects = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    return code, objects, err


class Corpus(unittest.TestCase):
    """One run over the whole corpus, each file's verdicts against expected.txt."""

    @classmethod
    def setUpClass(cls):
        cls.expected = expectations()
        cls.code, cls.objects, cls.err = audit_json(CORPUS)

    def test_every_corpus_file_is_expected(self):
        files = sorted(f for f in os.listdir(CORPUS) if f.endswith((".pdf", ".docx")))
        self.assertEqual(files, sorted(self.expected))

    def test_each_file_rule_by_rule(self):
        by_file = {}
        for o in self.objects:
            by_file.setdefault(os.path.basename(o["file"]), []).append(o)
        for name, want in self.expected.items():
            with self.subTest(file=name):
                got = by_file.get(name)
                self.assertTrue(got, f"no findings for {name}")
                if isinstance(want, tuple):
                    self.assertEqual([(o["verdict"], o["reason"]) for o in got], [("error", want[1])])
                    continue
                verdicts = {o["rule"]: o["verdict"] for o in got}
                self.assertEqual(list(verdicts), RULES, "one finding a rule, in order")
                wrong = {r: (verdicts[r], v) for r, v in want.items() if verdicts[r] != v}
                details = {o["rule"]: o["details"] for o in got if o["rule"] in wrong}
                self.assertEqual(wrong, {}, f"(got, expected); details: {details}")

    def test_findings_carry_what_a_clerk_needs(self):
        for o in self.objects:
            if o["verdict"] == "error":
                self.assertTrue(o["measured"])
                continue
            self.assertTrue(o["title"] and o["measured"] and o["source"], o)
            docx = o["kind"] == "docx"
            if o["verdict"] == "fail" and o["rule"] not in ("grid.chars", "grid.lines", "footnotes.page"):
                self.assertTrue(o["details"], o)
                if docx:
                    # Word files point at paragraphs: report.docx:¶12 「…」 (or the file).
                    self.assertEqual(len(o["places"]), len(o["details"]), o)
                    for place in o["places"]:
                        self.assertTrue(place.startswith(o["file"]), place)
                elif o["rule"] not in ("grid.chars", "grid.lines", "booklet.order", "fonts.type3"):
                    self.assertTrue(o["pages"], o)

    def test_a_pile_with_an_unreadable_file_exits_2(self):
        self.assertEqual(self.code, 2, self.err)


class Outputs(unittest.TestCase):
    def test_exit_status(self):
        good = os.path.join(CORPUS, "xelatex-good.pdf")
        bad = os.path.join(CORPUS, "banshi-ragged.pdf")
        self.assertEqual(run_banshi("audit", "-q", good)[0], 0)
        self.assertEqual(run_banshi("audit", "-q", good, bad)[0], 1)
        self.assertEqual(run_banshi("audit", "-q", good, os.path.join(CORPUS, "unreadable-empty.pdf"))[0], 2)

    def test_summary_csv(self):
        files = [os.path.join(CORPUS, f) for f in ("banshi-good.pdf", "banshi-folio-centred.pdf",
                                                  "unreadable-encrypted.pdf")]
        code, out, _ = run_banshi("audit", "--summary", "csv", *files)
        self.assertEqual(code, 2)
        rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"))))
        self.assertEqual([(os.path.basename(r["file"]), r["verdict"], r["failed_rules"]) for r in rows], [
            ("banshi-good.pdf", "pass", ""),
            ("banshi-folio-centred.pdf", "fail", "folio.format;folio.position"),
            ("unreadable-encrypted.pdf", "unreadable", ""),
        ])

    def test_text_report_cites_sources_and_pages(self):
        code, out, _ = run_banshi("audit", "--lang", "en", os.path.join(CORPUS, "banshi-margins-shifted.pdf"))
        text = out.decode("utf-8")
        self.assertEqual(code, 1)
        self.assertIn("FAIL   margins", text)
        self.assertRegex(text, r"page 1: left margin 3\d\.\d mm \(should be 28\.0 mm\)")
        self.assertIn("source: GB/T 9704—2012 5.2.2", text)
        self.assertIn("1 rule fails: margins", text)

    def test_chinese_under_a_chinese_locale(self):
        env_code, out, _ = run_banshi_env({"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, "audit",
                                          os.path.join(CORPUS, "banshi-body-song.pdf"))
        text = out.decode("utf-8")
        self.assertEqual(env_code, 1)
        self.assertIn("不符   body.style", text)
        self.assertIn("正文字号、字体", text)
        self.assertIn("宋体（应为 16.0 pt 仿宋）", text)
        self.assertIn("依据：填表说明三", text)

    def test_booklet_pages_name_their_sheet(self):
        code, objects, _ = audit_json(os.path.join(CORPUS, "banshi-jiexiang-a3.pdf"))
        self.assertEqual(code, 0)
        size = next(o for o in objects if o["rule"] == "page.size")
        self.assertRegex(size["measured"], r"A3 landscape sheets \(420\.0 × 297\.0 mm\), \d+ A4 pages")
        code, objects, _ = audit_json(os.path.join(CORPUS, "banshi-jiexiang-a3-reading-order.pdf"))
        order = next(o for o in objects if o["rule"] == "booklet.order")
        self.assertEqual(order["verdict"], "fail")
        self.assertIn("reading order", order["measured"])

    def test_a_directory_is_its_pdfs(self):
        d = out_path("audit-dir")
        os.makedirs(d, exist_ok=True)
        for f in ("banshi-good.pdf", "xelatex-good.pdf"):
            with open(os.path.join(CORPUS, f), "rb") as src, open(os.path.join(d, f), "wb") as dst:
                dst.write(src.read())
        with open(os.path.join(d, "notes.txt"), "w") as f:
            f.write("not audited: not a .pdf or .docx")
        code, out, err = run_banshi("audit", "--summary", "csv", d)
        self.assertEqual(code, 0, err)
        self.assertEqual(len(out.decode().splitlines()), 3)
        self.assertIn("2 files: 2 pass, 0 fail, 0 unreadable", err)


def write_docx(path, body_xml):
    """A minimal Word file: the paragraphs on A4 with the form's margins
    (37, 35, 28, 26 mm), no styles."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body_xml}'
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="2098" w:bottom="1985" w:left="1588" w:right="1474" w:header="851" w:footer="992" '
                'w:gutter="0"/></w:sectPr></w:body></w:document>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
                 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types '
             'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.wordprocessingml.document.main+xml"/></Types>')
    with zipfile.ZipFile(path, "w") as z:
        for part, data in (("[Content_Types].xml", types), ("_rels/.rels", root_rels),
                           ("word/document.xml", document)):
            z.writestr(part, data)
    return path


class WordFiles(unittest.TestCase):
    def test_findings_name_the_paragraph(self):
        code, out, _ = run_banshi("audit", "--lang", "zh", os.path.join(CORPUS, "docx-body-song.docx"))
        text = out.decode("utf-8")
        self.assertEqual(code, 1)
        self.assertIn("Word 文档，模板 outcome", text)
        self.assertRegex(text, r"字体为 AR PL SungtiL GB（应为 仿宋）  \[.*docx-body-song\.docx:¶\d+ 「")

    def test_fonts_and_sizes_through_styles(self):
        # Nothing but styles says the faces: 仿宋 3号 from the document
        # defaults, 黑体 from "heading 1", 楷体 from "heading 2". One body
        # paragraph is set in 15 pt by direct formatting, and one heading
        # style is given 宋体: exactly those fail, at their paragraphs.
        def docx(name, heading1_face):
            body = "巴中市乡村旅游发展迅速，带动了农民增收和乡村振兴，形成了一批特色鲜明的旅游村。" * 3
            paras = [
                ("Title", '<w:jc w:val="center"/>', '<w:b/><w:sz w:val="44"/>', "巴中市乡村旅游发展研究"),
                ("1", "", "", "一、总体情况"),
                ("2", "", "", "（一）基本情况"),
                (None, "", "", body),
                (None, "", '<w:sz w:val="30"/>', "这一段的字号是直接设置的。" + body),
                (None, "", "", body),
                ("1", "", "", "二、存在的问题"),
                (None, "", "", body),
            ]
            xml = ""
            for style, ppr, rpr, text in paras:
                ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
                xml += f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t>{text}</w:t></w:r></w:p>"
            w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{xml}'
                        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')

            def style(sid, name, rpr, based="a"):
                return (f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
                        f'<w:basedOn w:val="{based}"/><w:rPr>{rpr}</w:rPr></w:style>')
            styles = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles {w}><w:docDefaults><w:rPrDefault><w:rPr>'
                      '<w:rFonts w:eastAsia="FandolFang"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>'
                      '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
                      '<w:pPr><w:jc w:val="both"/></w:pPr></w:style>'
                      + style("Title", "Title", '<w:rFonts w:eastAsia="Noto Serif CJK SC"/>')
                      + style("1", "heading 1", f'<w:rFonts w:eastAsia="{heading1_face}"/>')
                      + style("2", "heading 2", '<w:rFonts w:eastAsia="FandolKai"/>') + "</w:styles>")
            rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
                    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                    'styles" Target="styles.xml"/></Relationships>')
            root_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
                         'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                         'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
            types = ('<?xml version="1.0" encoding="UTF-8"?><Types '
                     'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.wordprocessingml.styles+xml"/></Types>')
            path = out_path(name)
            with zipfile.ZipFile(path, "w") as z:
                for part, data in (("[Content_Types].xml", types), ("_rels/.rels", root_rels),
                                   ("word/document.xml", document), ("word/styles.xml", styles),
                                   ("word/_rels/document.xml.rels", rels)):
                    z.writestr(part, data)
            code, objects, err = audit_json(path)
            self.assertEqual(code, 1, err)
            return {o["rule"]: o for o in objects}

        found = docx("audit-styles.docx", "FandolHei")
        for rule in ("title.style", "heading1.style", "heading2.style"):
            self.assertEqual(found[rule]["verdict"], "pass", found[rule])
        self.assertIn("黑体", found["heading1.style"]["measured"])
        body = found["body.style"]
        self.assertEqual(body["verdict"], "fail", body)
        self.assertEqual(body["details"], ["15.0 pt (should be 16.0 pt)"])
        self.assertRegex(body["places"][0], r"audit-styles\.docx:¶5 「这一段的字号")

        found = docx("audit-styles-song.docx", "AR PL SungtiL GB")
        h1 = found["heading1.style"]
        self.assertEqual(h1["verdict"], "fail", h1)
        self.assertEqual(len(h1["places"]), 2, h1)
        self.assertRegex(h1["places"][0], r"¶2 「一、总体情况")
        self.assertRegex(h1["places"][1], r"¶7 「二、存在的问题")
        self.assertEqual(found["heading2.style"]["verdict"], "pass")

    def test_the_form_in_a_word_file(self):
        # The 结项申请书 as a Word user might retype it: every line of
        # banshi's own render of a sample as a paragraph, on A4 with the
        # form's margins. The 填表说明 mentions 最终成果 in passing (“并附最终
        # 成果打印稿”), which is not that page. Cut before 最终成果, it is
        # the form alone (its outcome a file of its own): the outcome's
        # rules are n/a, and every rule passes.
        pdf, _ = render(os.path.join(SAMPLES, "bz25yb108-jiexiang.xml"), "audit-form-source.pdf", "--impose", "none")
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, check=True).stdout.decode("utf-8")
        lines = [line.replace("\f", "").strip() for line in text.splitlines()]
        lines = [line for line in lines if line]
        # The divider is spaced out by a character each side: a line each here.
        spaced = next(i for i in range(len(lines)) if lines[i:i + 4] == ["最", "终", "成", "果"])
        lines[spaced:spaced + 4] = ["最 终 成 果"]
        divider = next(i for i, line in enumerate(lines) if line.replace(" ", "") == "最终成果")
        self.assertTrue(any("最终成果" in line for line in lines[:divider]))

        def word(name, paragraphs):
            return write_docx(out_path(name), "".join(
                f"<w:p><w:r><w:t xml:space=\"preserve\">{html.escape(p)}</w:t></w:r></w:p>" for p in paragraphs))

        code, objects, err = audit_json(word("audit-form-whole.docx", lines))
        found = {o["rule"]: o for o in objects}
        self.assertEqual(found["form.pages"]["verdict"], "pass", found["form.pages"])
        self.assertEqual(found["form.cover"]["verdict"], "pass", found["form.cover"])
        self.assertEqual(found["body.style"]["verdict"], "fail")  # no fonts declared at all

        code, objects, err = audit_json(word("audit-form-only.docx", lines[:divider]))
        self.assertEqual(code, 0, err)
        found = {o["rule"]: o for o in objects}
        self.assertEqual(found["form.pages"]["measured"], "all 6 form pages, in order")
        for rule in ("body.style", "title.style", "heading1.style", "grid.lines", "body.justified", "folio.format"):
            self.assertEqual(found[rule]["verdict"], "n/a", found[rule])
            self.assertIn("the form alone", found[rule]["measured"])

    def test_the_word_importers_form_fixtures(self):
        # Made for the Word importer (tests/data/docx/fixtures): the form
        # filled in, its cover as a table, and the form alone.
        fixtures = os.path.join(SOURCE_DIR, "tests", "data", "docx", "fixtures")
        for name in ("form-filled.docx", "form-table-cover.docx", "form-only.docx"):
            with self.subTest(name=name):
                code, objects, err = audit_json(os.path.join(fixtures, name))
                found = {o["rule"]: o for o in objects}
                self.assertEqual(found["form.pages"]["verdict"], "pass", found["form.pages"])
                self.assertEqual(found["form.cover"]["verdict"], "pass", found["form.cover"])
                if name == "form-only.docx":
                    self.assertEqual(code, 0, [o for o in objects if o["verdict"] == "fail"])

    def test_explain_says_how_each_paragraph_was_read(self):
        code, out, err = run_banshi("audit", "--explain", os.path.join(CORPUS, "docx-endnotes.docx"))
        text = out.decode("utf-8")
        self.assertEqual(code, 0, err)
        self.assertIn("template outcome; 1 section(s), mirrored margins", text)
        self.assertRegex(text, r"docx-endnotes\.docx:¶1 「巴中市乡村旅游.*」  title  22\.0 pt Noto Serif CJK SC bold")
        self.assertRegex(text, r":¶8 「（一）资源禀赋独特」  heading2  16\.0 pt FandolKai")
        code, _, err = run_banshi("audit", "--explain", "--lang", "en", os.path.join(CORPUS, "unreadable-empty.pdf"))
        self.assertEqual(code, 2)
        self.assertIn("unreadable-empty.pdf: cannot be audited: the file is empty", err)

    def test_a_word_file_that_is_not_one(self):
        path = out_path("audit-not-a-docx.docx")
        with open(path, "wb") as f:
            f.write(b"PK\x03\x04 not really a zip")
        code, _, err = run_banshi("audit", "--lang", "en", path)
        self.assertEqual(code, 2)
        self.assertIn("cannot be audited", err)

    def test_what_the_word_reader_refuses_it_says_why(self):
        # Under a Word name, a file that is no zip goes to the Word reader
        # too, which knows what it is and how to mend it.
        hostile = os.path.join(SOURCE_DIR, "tests", "data", "docx", "hostile")
        for name, reason, en, zh in (("encrypted.docx", "encrypted", "protected by a password", "密码"),
                                     ("doc-renamed.docx", "legacy-doc", "Word 97–2003", "Word 97–2003"),
                                     ("rtf-named.docx", "rtf", "RTF", "RTF"),
                                     ("truncated.docx", "not-a-zip", "damaged or truncated", "不完整")):
            with self.subTest(name=name):
                path = os.path.join(hostile, name)
                code, objects, err = audit_json(path)
                self.assertEqual(code, 2, err)
                self.assertEqual((objects[0]["verdict"], objects[0]["reason"]), ("error", reason))
                self.assertIn(en, err)
                code, _, err = run_banshi("audit", "--lang", "zh", path)
                self.assertEqual(code, 2)
                self.assertIn(zh, err)


class Command(unittest.TestCase):
    def test_help(self):
        code, out, _ = run_banshi("audit", "--help")
        text = out.decode("utf-8")
        self.assertEqual(code, 0)
        self.assertTrue(text.startswith("usage:\n  banshi audit FILES|DIRS..."), text)
        for words in ("--json", "--summary csv", "-j N", ".docx", "file.docx:¶12", "Exits 0"):
            self.assertIn(words, text)
        self.assertNotIn("banshi render", text)

    def test_usage_errors_exit_2_before_reading_a_file(self):
        good = os.path.join(CORPUS, "banshi-good.pdf")
        cases = [
            (["--template", "nope", good], '--template: "nope" is not an installed template; installed: jiexiang, outcome',
             "--template：没有“nope”这个模板；已安装的有：jiexiang, outcome"),
            (["--summary", "xml", good], '--summary takes csv, not "xml"', "--summary 只能是 csv"),
            (["-j", "0", good], '-j must be a number from 1 to 64, not "0"', "-j 须为 1 到 64 的整数"),
            (["--json", "--summary", "csv", good], "choose one", "只能选一种"),
            ([], "audit takes one or more PDF or .docx files", "audit 需要一个或多个"),
        ]
        for args, en, zh in cases:
            with self.subTest(args=args):
                code, out, err = run_banshi("audit", "--lang", "en", *args)
                self.assertEqual((code, out), (2, b""), err)
                self.assertIn(en, err)
                code, _, err = run_banshi("audit", "--lang", "zh", *args)
                self.assertEqual(code, 2, err)
                self.assertIn(zh, err)

    def test_the_rules_are_compiled_in(self):
        # A data directory with the templates and font tables only, as
        # installed: the rules' sources and tolerances come from the binary.
        data = out_path("audit-data-dir")
        shutil.rmtree(data, ignore_errors=True)
        for d in ("templates", "fonts"):
            shutil.copytree(os.path.join(SOURCE_DIR, d), os.path.join(data, d))
        code, out, err = run_banshi_env({"BANSHI_DATA_DIR": data}, "audit", "--lang", "en",
                                        os.path.join(CORPUS, "banshi-good.pdf"))
        self.assertEqual(code, 0, err)
        self.assertIn("source: GB/T 9704—2012 5.2.2", out.decode("utf-8"))


class Unreadable(unittest.TestCase):
    def check(self, name, message_en, message_zh):
        path = os.path.join(CORPUS, name)
        code, out, err = run_banshi("audit", "--lang", "en", path)
        self.assertEqual(code, 2)
        self.assertEqual(out, b"")
        self.assertIn(f"{path}: cannot be audited: {message_en}", err)
        code, _, err = run_banshi("audit", "--lang", "zh", path)
        self.assertEqual(code, 2)
        self.assertIn(message_zh, err)

    def test_damaged(self):
        self.check("unreadable-damaged.pdf", "the PDF is damaged: its cross-reference table is broken",
                   "PDF 文件已损坏")

    def test_encrypted(self):
        self.check("unreadable-encrypted.pdf", "the PDF is encrypted and needs a password", "PDF 已加密，需要密码才能打开")

    def test_not_a_pdf(self):
        self.check("unreadable-not-a-pdf.pdf", "not a PDF (nor a .docx)", "不是 PDF（也不是 .docx）文件")

    def test_empty(self):
        self.check("unreadable-empty.pdf", "the file is empty", "文件为空")

    def test_missing_file(self):
        code, _, err = run_banshi("audit", out_path("no-such-file.pdf"))
        self.assertEqual(code, 2)
        self.assertIn("cannot be audited", err)


def body_lines(page):
    """(bbox, baseline) of each line of 16 pt text on a PyMuPDF page, top to
    bottom (the pieces PyMuPDF reads on one baseline put together)."""
    out = []
    for b in page.get_text("dict")["blocks"]:
        for line in b.get("lines", []):
            spans = [s for s in line["spans"] if abs(s["size"] - 16) < 0.5 and s["text"].strip()]
            if not spans:
                continue
            y = spans[0]["origin"][1]
            same = [k for k, (_, base) in enumerate(out) if abs(base - y) < 1]
            if same:
                out[same[0]] = (out[same[0]][0] | fitz.Rect(line["bbox"]), out[same[0]][1])
            else:
                out.append((fitz.Rect(line["bbox"]), y))
    return sorted(out, key=lambda x: x[1])


def opening_marker(page):
    """(bbox, character) of the small raised figure on the page's first line."""
    first = body_lines(page)[0][1]
    for b in page.get_text("rawdict")["blocks"]:
        for line in b.get("lines", []):
            for s in line["spans"]:
                if s["size"] < 12 and abs(s["origin"][1] - first) < 12:
                    return fitz.Rect(s["chars"][0]["bbox"]), s["chars"][0]["c"]
    return None, None


def cut_page(src, dst, kind, n):
    """src with pdf page n altered, saved as dst: "line" removes its last
    line of text; "marker" the note marker from its first line (and the 。
    whose em box the marker sits in); "exponent" sets m² in the marker's
    place — m in 14 pt, ² raised in 8.4 pt: a raised small figure, but no
    note marker. Run in a child process (FullPages.cut): PyMuPDF 1.21 fails
    to open a fourth file after redactions in one process."""
    doc = fitz.open(src)
    p = doc[n - 1]
    base = body_lines(p)[0][1]
    rect = body_lines(p)[-1][0] if kind == "line" else opening_marker(p)[0]
    p.add_redact_annot(rect)
    p.apply_redactions(images=fitz.PDF_REDACT_IMAGE_NONE)
    if kind == "exponent":
        p.insert_text((rect.x0 - 7.7, base), "m", fontname="tiro", fontsize=14)
        p.insert_text((rect.x0 + 3.4, base - 6), "2", fontname="tiro", fontsize=8.4)
    doc.save(dst, garbage=4, deflate=True)


class FullPages(unittest.TestCase):
    """The margins rule's full page: a page the text runs off ends on the
    block's last grid line, or one line above it (its paragraph's last lines
    kept together overleaf), or one more when the next page opens with a
    line carrying a note marker — that line went over with its note, which
    with the separator did not fit. The 119 sample, A4, has such a page
    (its title page, pdf page 7, ends two grid lines short; page 8 opens with
    note 1's marker); the same render, cut with PyMuPDF, has pages short for
    no reason, which must still fail."""

    # (case, alteration for cut_page (kind, pdf page) or None, the page the
    # finding names, grid lines its text ends short of the block's last;
    # None: margins passes).
    CASES = [
        ("as rendered: the line with note 1 went over", None, None, None),
        ("title page a line shorter still", ("line", 7), 7, 3),
        ("page 8 opens with that line, its marker gone", ("marker", 8), 7, 2),
        ("page 8 opens with that line, an exponent for its marker", ("exponent", 8), 7, 2),
        ("page 9 two lines short, page 10 opens with no marker", ("line", 9), 9, 2),
    ]

    @classmethod
    def setUpClass(cls):
        cls.pdf, _ = render(os.path.join(SAMPLES, "bz25yb119-jiexiang.xml"), "audit-full-119.pdf", "--impose", "none")

    def cut(self, kind, n):
        dst = out_path(f"audit-full-119-{kind}-{n}.pdf")
        code = "import sys, test_audit; test_audit.cut_page(*sys.argv[1:4], int(sys.argv[4]))"
        subprocess.run([sys.executable, "-c", code, self.pdf, dst, kind, str(n)],
                       cwd=os.path.dirname(os.path.abspath(__file__)), check=True, capture_output=True)
        return dst

    def test_the_sample_has_the_page_the_exception_is_for(self):
        doc = fitz.open(self.pdf)
        grid = [y for _, y in body_lines(doc[7])]
        pitch = (grid[-1] - grid[0]) / (len(grid) - 1)
        line = lambda n: round((body_lines(doc[n - 1])[-1][1] - grid[0]) / pitch) + 1  # noqa: E731
        self.assertEqual((line(7), line(9)), (20, 21), "the title page two lines short, page 9 one (no widow)")
        self.assertEqual(opening_marker(doc[7])[1], "1")
        self.assertIsNone(opening_marker(doc[9])[0], "page 10 opens with no marker")

    def test_verdicts(self):
        pitch_mm = 225 / 22
        leading_mm = (225 / 22 * 72 / 25.4 - 16) * 25.4 / 72
        for case, alteration, page, short in self.CASES:
            with self.subTest(case=case):
                pdf = self.cut(*alteration) if alteration else self.pdf
                code, objects, err = audit_json("--lang", "en", pdf)
                margins = next(o for o in objects if o["rule"] == "margins")
                if page is None:
                    self.assertEqual((margins["verdict"], margins["details"]), ("pass", []), err)
                    continue
                self.assertEqual(code, 1, err)
                self.assertEqual((margins["verdict"], margins["pages"]), ("fail", [page]), margins)
                self.assertEqual(len(margins["details"]), 1, margins)
                # The last line's em box ends its leading and `short` grid
                # lines above the block's foot (35 mm above the paper's).
                value = 35 + leading_mm + short * pitch_mm
                self.assertRegex(margins["details"][0], rf"^page {page}: a full page ends {value:.1f} mm above the "
                                 r"bottom \(block ends 35\.0 mm above it\)$")


class OwnRenders(unittest.TestCase):
    """banshi's own output passes every rule: each sample, A4 and A3."""

    def test_every_sample_passes(self):
        pdfs = []
        for f in sorted(os.listdir(SAMPLES)):
            if not f.endswith(".xml"):
                continue
            stem = f[:-4]
            pdfs.append(render(os.path.join(SAMPLES, f), f"audit-{stem}.pdf", "--impose", "none")[0])
            if "jiexiang" in f:
                pdfs.append(render(os.path.join(SAMPLES, f), f"audit-{stem}.a3.pdf")[0])
        code, objects, err = audit_json(*pdfs)
        failed = [(os.path.basename(o["file"]), o["rule"], o["details"]) for o in objects if o["verdict"] == "fail"]
        self.assertEqual(failed, [])
        self.assertEqual(code, 0, err)
        # The jiexiang samples are recognised as the form, the rest as outcomes.
        templates = {os.path.basename(o["file"]): o["template"] for o in objects}
        for name, template in templates.items():
            self.assertEqual(template, "jiexiang" if "jiexiang" in name else "outcome", name)


def run_banshi_env(env, *args):
    import subprocess
    from support import BANSHI
    p = subprocess.run([BANSHI, *args], capture_output=True, timeout=300, env=dict(os.environ, **env))
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


if __name__ == "__main__":
    unittest.main()
