"""The report's fields as an applicant and a script meet them: every
mistake of a report in one run of check (and of a failing render), sorted by
position with a count at the end, in English and Chinese, as text and JSON;
and `banshi fields --json` says what check does — every field it lists is
checked as it says (required by the templates it names, its pattern, its
type, its choices)."""

import json
import os
import re
import shutil
import unittest
import xml.etree.ElementTree as ET

from support import SAMPLES, SOURCE_DIR, out_path, run_banshi

FOUR_MISTAKES = os.path.join(SOURCE_DIR, "tests", "data", "xml", "bad", "four-mistakes.xml")

# The four mistakes of issue 11 and the heading's warning, in the order of
# the file: (line, column, code).
EXPECTED = [
    (3, 3, "field.missing"),         # 项目类别
    (3, 3, "field.missing"),         # 所在单位
    (4, 5, "id.letter-for-digit"),   # BZ25YB1O9
    (7, 5, "element.instead-of"),    # <date> for <filled>
    (11, 20, "heading.own-number"),  # 一、 typed into a heading (a warning)
]


def findings_of(out):
    return [json.loads(line) for line in out.decode().splitlines() if line.strip()]


class EveryErrorAtOnce(unittest.TestCase):
    def setUp(self):
        self.report = out_path("four-mistakes.xml")
        shutil.copy(FOUR_MISTAKES, self.report)

    def check_text(self, err, summary, missing, letter):
        lines = err.strip().splitlines()
        # The count closes the report, after the file's name.
        self.assertTrue(lines[-1].startswith(self.report), err)
        self.assertTrue(lines[-1].endswith(summary), err)
        places = [tuple(int(n) for n in re.match(r".*?four-mistakes\.xml:(\d+):(\d+):", line).groups())
                  for line in lines[:-1]]
        self.assertEqual(places, [(line, column) for line, column, _ in EXPECTED], err)
        self.assertIn(missing[0], lines[0])
        self.assertIn(missing[1], lines[1])
        self.assertIn(letter, lines[2])
        self.assertIn("<filled>", lines[3])

    def test_check_gives_four_errors_in_english(self):
        code, _, err = run_banshi("check", self.report)
        self.assertEqual(code, 2)
        self.check_text(err, "4 errors, 1 warning",
                        ["<project>/<category> (项目类别) is missing", "<project>/<organization> (所在单位) is missing"],
                        "BZ25YB109")

    def test_check_gives_four_errors_in_chinese(self):
        for args, locale in ((["--lang", "zh"], "C.UTF-8"), ([], "zh_CN.UTF-8")):
            code, _, err = run_banshi(*args, "check", self.report, locale=locale)
            self.assertEqual(code, 2)
            self.check_text(err, "4 个错误，1 个警告",
                            ["错误：项目类别（<project>/<category>）未填写", "错误：所在单位（<project>/<organization>）未填写"],
                            "应为 BZ25YB109")

    def test_json_lists_them_all_with_stable_codes(self):
        for lang in ("en", "zh"):
            code, out, _ = run_banshi("--lang", lang, "check", "--json", self.report)
            self.assertEqual(code, 2)
            findings = findings_of(out)
            self.assertEqual([(f["line"], f["column"], f["code"]) for f in findings], EXPECTED)
            self.assertEqual([f["severity"] for f in findings], ["error"] * 4 + ["warning"])
            self.assertEqual(findings[0]["label"], "项目类别")
            self.assertEqual(findings[1]["path"], "<project>/<organization>")
            if lang == "zh":
                self.assertIn("未填写", findings[0]["message"])
            else:
                self.assertIn("is missing", findings[0]["message"])

    def test_a_failing_render_reports_them_all_and_writes_nothing(self):
        pdf = out_path("four-mistakes.pdf")
        if os.path.exists(pdf):
            os.remove(pdf)
        code, _, err = run_banshi("render", self.report, "-o", pdf)
        self.assertEqual(code, 2)
        for code_text in ("项目类别", "所在单位", "BZ25YB109", "<filled>"):
            self.assertIn(code_text, err)
        self.assertFalse(os.path.exists(pdf))

    def test_malformed_xml_stops_at_the_first(self):
        broken = out_path("four-mistakes-broken.xml")
        with open(FOUR_MISTAKES, encoding="utf-8") as f:
            text = f.read()
        with open(broken, "w", encoding="utf-8") as f:
            f.write(text.replace("<leader>胡明</leader>", "<leader>胡明</lead>"))
        code, out, _ = run_banshi("check", "--json", broken)
        self.assertEqual(code, 2)
        self.assertEqual([f["code"] for f in findings_of(out)], ["xml.mismatched-end-tag"])


# ---------------------------------------------------------------- fields --json

def plain_path(path):
    """<changes>/<person role="x">/<born> → <changes>/<person>/<born>."""
    return re.sub(r' [a-z-]+="[^"]*"', "", path)


def place(root, xml_path, value):
    """Sets the field at xml_path ("<changes>/<person>/<born>",
    "<declaration>/@sensitive") to value, making the elements on the way;
    None removes it."""
    parts = re.findall(r"<([a-z-]+)>|@([a-z-]+)", xml_path)
    node = root
    for element, attribute in parts[:-1]:
        child = node.find(element)
        if child is None:
            child = ET.Element(element)
            node.insert(0, child)
        node = child
    element, attribute = parts[-1]
    if attribute:
        if value is None:
            node.attrib.pop(attribute, None)
        else:
            node.set(attribute, value)
        return
    child = node.find(element)
    if value is None:
        if child is not None:
            node.remove(child)
        return
    if child is None:
        child = ET.SubElement(node, element)
    child.text = value


BAD_VALUE = {"id": "not-an-id", "phone": "call me", "date": "2025-02-30", "year-month": "1979-13",
             "choice": "maybe"}


class FieldsJsonRoundTrip(unittest.TestCase):
    """Every field `banshi fields --json` lists is checked as it says."""

    def test_every_field_is_checked_as_listed(self):
        code, out, _ = run_banshi("fields", "--json")
        self.assertEqual(code, 0)
        table = json.loads(out)
        fields = table["fields"]
        self.assertGreaterEqual(len(fields), 25)
        keys = {f["key"] for f in fields}
        for key in ("project.id", "project.filled", "declaration.sensitive", "declaration.secret",
                    "changes.changed", "person.role", "person.phone"):
            self.assertIn(key, keys)

        # A complete report with every group, to change one field at a time.
        base = ET.parse(os.path.join(SAMPLES, "bz25yb119-jiexiang.xml")).getroot()
        place(base, "<changes>/@changed", "yes")
        place(base, "<declaration>/@sensitive", "no")
        base.find("changes").append(ET.fromstring('<person role="current-leader"><name>胡明</name></person>'))
        # <outcome> stays last, after the groups made here.
        outcome = base.find("outcome")
        base.remove(outcome)
        base.append(outcome)

        cases = []  # (file, field, None when the report is accepted, "error" when the field is refused)

        def variant(name, field, value, expect):
            root = ET.fromstring(ET.tostring(base))
            where = field["xml-path"]
            if field["group"] == "person":
                # In the one person of the report: "<born>", "@role".
                place(root.find("changes").find("person"), where.split("<person>/")[1], value)
            else:
                place(root, where, value)
            path = out_path(f"field-{name}.xml")
            ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
            cases.append((path, field, expect))

        for f in fields:
            name = f["key"].replace(".", "-")
            if f["type"] in BAD_VALUE:
                variant(name + "-bad", f, BAD_VALUE[f["type"]], "error")
            if f["example"]:
                variant(name + "-example", f, f["example"], None)
            for option in f["options"]:
                if f["key"] != "person.role":
                    variant(name + "-" + option["value"], f, option["value"], None)
            if "jiexiang" in f["required-by"] or f["required-always"]:
                variant(name + "-missing", f, None, "error")

        code, out, err = run_banshi("check", "--json", *[c[0] for c in cases])
        findings = findings_of(out)
        for path, field, expect in cases:
            mine = [x for x in findings if x["file"] == path and x["severity"] == "error"]
            at_field = [x for x in mine if plain_path(x["path"]) == field["xml-path"]]
            if expect is None:
                self.assertEqual(mine, [], f"{path}: {field['key']} as listed should be accepted")
                continue
            self.assertEqual(len(at_field), 1, f"{path}: {field['key']}: {mine}")
            self.assertEqual(at_field[0]["label"].split(" ")[-1], field["label"], at_field[0])
            if path.endswith("-missing.xml"):
                # An element is missing; an attribute (a person's role) lacks its choice.
                self.assertIn(at_field[0]["code"], ("field.missing", "attribute.missing-choice"))
            if field["type"] == "choice" and path.endswith("-bad.xml"):
                for option in field["options"]:
                    self.assertIn(option["value"], at_field[0]["message"])


if __name__ == "__main__":
    unittest.main()
