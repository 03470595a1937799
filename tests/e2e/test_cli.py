"""The command-line tool as scripts and applicants meet it: help, version,
exit codes, error messages with file:line:column and the form's label, and
output files that are either complete or not there at all."""

import os
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
        self.assertIn(b"banshi render REPORT.xml", out)
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

    def test_output_is_deterministic(self):
        sample = os.path.join(SAMPLES, sorted(os.listdir(SAMPLES))[0])
        a, b = out_path("det-a.pdf"), out_path("det-b.pdf")
        for p in (a, b):
            code, _, err = run_banshi("render", sample, "-o", p, "--impose", "none")
            self.assertEqual(code, 0, err)
        with open(a, "rb") as fa, open(b, "rb") as fb:
            self.assertEqual(fa.read(), fb.read())


if __name__ == "__main__":
    unittest.main()
