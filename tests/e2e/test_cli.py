"""The command-line tool as scripts and applicants meet it: help, version,
exit codes, error messages with file:line:column and the form's label, and
output files that are either complete or not there at all."""

import os
import re
import shutil
import unittest

from support import SAMPLES, out_path, run_banshi


def write(name, text, encoding="utf-8"):
    path = out_path(name)
    with open(path, "wb") as f:
        f.write(text.encode(encoding))
    return path


GOOD = """<?xml version="1.0" encoding="UTF-8"?>
<report template="outcome" version="1">
  <outcome>
    <title>测试报告</title>
    <body><p>正文第一段。</p></body>
  </outcome>
</report>
"""


class Cli(unittest.TestCase):
    def test_help_and_version(self):
        code, out, _ = run_banshi("--help")
        self.assertEqual(code, 0)
        self.assertIn(b"banshi render REPORT", out)
        self.assertIn(b"banshi import REPORT.docx", out)
        code, out, _ = run_banshi("--version")
        self.assertEqual(code, 0)
        self.assertRegex(out.decode(), r"^banshi \d+\.\d+\.\d+\n$")

    def test_unknown_command_is_a_usage_error(self):
        code, _, err = run_banshi("frobnicate")
        self.assertEqual(code, 2)
        self.assertIn("unknown command frobnicate", err)

    def test_fonts_lists_every_role(self):
        code, out, _ = run_banshi("fonts")
        self.assertEqual(code, 0)
        text = out.decode()
        for face in ("xiaobiaosong", "hei", "kai", "fangsong"):
            self.assertIn(face, text)
        self.assertIn("FandolFang", text)
        self.assertIn("stand-in", text)

    def test_templates_lists_both(self):
        code, out, _ = run_banshi("templates")
        self.assertEqual(code, 0)
        names = [line.split("\t")[0] for line in out.decode().splitlines()]
        self.assertIn("jiexiang", names)
        self.assertIn("outcome", names)

    def test_render_good_file(self):
        xml = write("good.xml", GOOD)
        pdf = out_path("good.pdf")
        code, _, err = run_banshi("render", xml, "-o", pdf)
        self.assertEqual(code, 0, err)
        with open(pdf, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")

    def test_missing_field_names_the_form_label(self):
        xml = write("missing-id.xml", """<?xml version="1.0" encoding="UTF-8"?>
<report template="jiexiang" version="1">
  <project>
    <category>一般课题</category>
    <title>题目</title>
    <leader>张三</leader>
    <organization>单位</organization>
    <filled>2025-10-15</filled>
  </project>
  <outcome><title>题目</title><body><p>正文。</p></body></outcome>
</report>
""")
        code, _, err = run_banshi("check", xml)
        self.assertEqual(code, 2)
        self.assertIn(f"{xml}:3:3: error: <project>/<id> (立项编号) is missing", err)

    def test_bad_input_exits_2_and_leaves_no_file(self):
        xml = write("bad.xml", GOOD.replace("<body>", "<bdy>").replace("</body>", "</bdy>"))
        pdf = out_path("bad.pdf")
        if os.path.exists(pdf):
            os.remove(pdf)
        code, _, err = run_banshi("render", xml, "-o", pdf)
        self.assertEqual(code, 2)
        self.assertRegex(err, r"bad\.xml:5:5: error: <outcome>/<bdy> .*not allowed")
        self.assertFalse(os.path.exists(pdf))
        leftovers = [f for f in os.listdir(os.path.dirname(pdf)) if f.startswith(".bad.pdf")]
        self.assertEqual(leftovers, [])

    def test_failed_render_keeps_the_earlier_pdf(self):
        good = write("keep.xml", GOOD)
        pdf = out_path("keep.pdf")
        code, _, _ = run_banshi("render", good, "-o", pdf)
        self.assertEqual(code, 0)
        with open(pdf, "rb") as f:
            before = f.read()
        bad = write("keep-bad.xml", GOOD.replace("</report>", ""))
        code, _, err = run_banshi("render", bad, "-o", pdf)
        self.assertEqual(code, 2, err)
        with open(pdf, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_gb18030_file_is_converted_not_mojibake(self):
        xml = write("gbk.xml", GOOD.replace('encoding="UTF-8"', 'encoding="GB18030"'), encoding="gb18030")
        pdf = out_path("gbk.pdf")
        code, _, err = run_banshi("render", xml, "-o", pdf)
        self.assertEqual(code, 0, err)
        from support import pdftotext, squeeze
        self.assertIn("正文第一段。", squeeze(pdftotext(pdf)))

    def test_render_from_stdin_to_stdout(self):
        code, out, err = run_banshi("render", "-", "-o", "-", stdin=GOOD.encode())
        self.assertEqual(code, 0, err)
        self.assertTrue(out.startswith(b"%PDF-"))

    def test_timings_parts_fit_in_their_stage(self):
        # One timer for every stage, on the rendering thread: a part is never
        # longer than its stage, threads or not (the form pages' thread once
        # made prepare longer than the layout that contains it).
        out = out_path("timings.pdf")
        for threads in ("0", "2"):
            code, _, err = run_banshi("render", os.path.join(SAMPLES, "bz25yb119-jiexiang.xml"), "-o", out,
                                      "--timings", "--threads", threads, "-q")
            self.assertEqual(code, 0, err)
            line = err.split("timings (ms): ")[1].splitlines()[0]
            stages = re.findall(r"(\w+) ([\d.]+)(?: \(([^)]*)\))?", line)
            self.assertEqual([s[0] for s in stages], ["fonts", "parse", "image", "layout", "pdf"], line)
            for name, ms, parts in stages:
                for part, part_ms in re.findall(r"(\w+) ([\d.]+)", parts):
                    self.assertLessEqual(float(part_ms), float(ms) + 0.1, f"{part} > {name}: {line}")
            self.assertIn("layout", line)
            self.assertRegex(line, r"layout [\d.]+ \(prepare [\d.]+, break [\d.]+, paginate [\d.]+\)")
            self.assertRegex(line, r"pdf [\d.]+ \(subset [\d.]+, write [\d.]+\)")

    def test_output_is_deterministic(self):
        sample = os.path.join(SAMPLES, sorted(os.listdir(SAMPLES))[0])
        a, b = out_path("det-a.pdf"), out_path("det-b.pdf")
        for p in (a, b):
            code, _, err = run_banshi("render", sample, "-o", p, "--impose", "none")
            self.assertEqual(code, 0, err)
        with open(a, "rb") as fa, open(b, "rb") as fb:
            self.assertEqual(fa.read(), fb.read())

    def test_output_is_the_same_whatever_the_threads(self):
        # Paragraphs are composed on the render's threads while the layout
        # walks on, form pages beside the outcome, fonts subset and pages'
        # contents made in parallel: none of it may change a byte, nor a
        # warning, on A4 pages or on the booklet's sheets.
        for name, impose in [(n, i) for n in sorted(os.listdir(SAMPLES)) if n.endswith(".xml")
                             for i in ("none", "a3-booklet")]:
            sample = os.path.join(SAMPLES, name)
            pdfs, warnings = {}, {}
            for threads in ("0", "1", "3"):
                out = out_path(f"threads-{threads}.pdf")
                code, _, err = run_banshi("render", sample, "-o", out, "--impose", impose, "--threads", threads)
                self.assertEqual(code, 0, err)
                with open(out, "rb") as f:
                    pdfs[threads] = f.read()
                warnings[threads] = err.replace(out, "OUT")
            self.assertEqual(pdfs["1"], pdfs["0"], name)
            self.assertEqual(pdfs["3"], pdfs["0"], name)
            self.assertEqual(warnings["1"], warnings["0"], name)
            self.assertEqual(warnings["3"], warnings["0"], name)


if __name__ == "__main__":
    unittest.main()


class CheckAndBatch(unittest.TestCase):
    """check's findings and exit codes, batch's report and exit codes, as a
    script reads them."""

    def test_check_json_gives_one_object_per_finding(self):
        bad = write("check-bad.xml", GOOD.replace("<title>测试报告</title>", "<title>一、测试报告</title>")
                    .replace("<body>", "<body><section><h>一、已有编号的标题</h><p>正文。</p></section>"))
        code, out, _ = run_banshi("check", "--json", bad)
        self.assertEqual(code, 0)  # warnings only
        import json
        findings = [json.loads(line) for line in out.decode().splitlines() if line.strip()]
        self.assertTrue(findings)
        for f in findings:
            self.assertEqual(set(f), {"file", "line", "column", "path", "label", "severity", "code", "message",
                                      "args"})
        heading = [f for f in findings if "number" in f["message"] or "编号" in f["message"]]
        self.assertTrue(heading, findings)
        self.assertEqual(heading[0]["severity"], "warning")
        self.assertGreater(heading[0]["line"], 0)
        code, _, _ = run_banshi("check", "--strict", bad)
        self.assertEqual(code, 1, "--strict makes warnings fail")

    def test_check_errors_exit_2_with_json_errors(self):
        bad = write("check-error.xml", GOOD.replace("<body>", "<body><p><cite ref=\"r9\"/>引用。</p>"))
        code, out, _ = run_banshi("check", "--json", bad)
        self.assertEqual(code, 2)
        import json
        findings = [json.loads(line) for line in out.decode().splitlines() if line.strip()]
        errors = [f for f in findings if f["severity"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertIn("r9", errors[0]["message"])

    def test_check_refuses_a_malformed_project_id(self):
        xml = write("check-id.xml", GOOD.replace('template="outcome"', 'template="jiexiang"').replace(
            "<outcome>", "<project><id>BZ-25-119</id><category>一般课题</category><title>题</title>"
                         "<leader>张三</leader><organization>单位</organization><filled>2025-10-15</filled>"
                         "</project><outcome>"))
        code, _, err = run_banshi("check", xml)
        self.assertEqual(code, 2)
        self.assertIn("<project>/<id> (立项编号)", err)
        self.assertIn("BZ25YB119", err)

    def test_batch_goes_on_past_failures_and_reports_each_file(self):
        import json
        import shutil
        src = out_path("batch-in")
        dst = out_path("batch-out")
        shutil.rmtree(src, ignore_errors=True)
        shutil.rmtree(dst, ignore_errors=True)
        os.makedirs(src)
        for name, text in (("a-good.xml", GOOD), ("b-bad.xml", GOOD.replace("</report>", "")),
                           ("c-good.xml", GOOD.replace("测试报告", "第二份报告"))):
            with open(os.path.join(src, name), "w", encoding="utf-8") as f:
                f.write(text)
        code, _, err = run_banshi("batch", src, "-o", dst, "-j", "2")
        self.assertEqual(code, 2, err)
        self.assertIn("3 files: 2 ok, 1 failed", err)
        with open(os.path.join(dst, "report.jsonl"), encoding="utf-8") as f:
            # A line as each job ends: in the order they finished.
            rows = sorted((json.loads(line) for line in f), key=lambda r: r["file"])
        self.assertEqual([os.path.basename(r["file"]) for r in rows], ["a-good.xml", "b-bad.xml", "c-good.xml"])
        self.assertEqual([r["status"] for r in rows], ["ok", "invalid", "ok"])
        for r in rows:
            self.assertEqual(set(r) - {"error"}, {"file", "status", "pages", "ms", "warnings", "output"})
        self.assertTrue(os.path.exists(rows[0]["output"]))
        self.assertIsNone(rows[1]["output"])
        self.assertIn("b-bad.xml:", rows[1]["error"])
        self.assertFalse(os.path.exists(os.path.join(dst, "b-bad.pdf")))
        self.assertGreater(rows[2]["pages"], 0)

    def test_batch_reads_the_file_list_from_stdin(self):
        import json
        a = write("stdin-a.xml", GOOD)
        b = write("stdin-b.xml", GOOD.replace("测试报告", "另一份"))
        dst = out_path("batch-stdin")
        code, out, err = run_banshi("batch", "-o", dst, "--report", "-", stdin=f"{a}\n{b}\n".encode())
        self.assertEqual(code, 0, err)
        rows = sorted((json.loads(line) for line in out.decode().splitlines()), key=lambda r: r["file"])
        self.assertEqual([r["file"] for r in rows], [a, b])
        self.assertEqual([r["status"] for r in rows], ["ok", "ok"])
        self.assertTrue(all(os.path.exists(r["output"]) for r in rows))

    def test_batch_without_output_dir_is_a_usage_error(self):
        code, _, err = run_banshi("batch", "x.xml")
        self.assertEqual(code, 2)
        self.assertIn("-o", err)
