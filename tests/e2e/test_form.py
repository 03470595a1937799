"""The form pages of the 结项申请书 as printed (templates/jiexiang, spec
layout-rules.md §8), read back from the PDF with PyMuPDF: the cover's six
values on their underlines beside evenly spread labels, the change table's
values inside the cells right of their labels (cells rebuilt from the
ruling lines), repeated member rows, 声明's boxes, the review boxes, the
最终成果 divider on a recto page with the outcome's numbering, long values
wrapped inside their fields, and the finishing (document info, page labels,
dates, determinism, gray-only colour)."""

import os
import re
import subprocess
import unittest
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import fitz

from support import SAMPLES, out_path, page_label, raw_chars, render, run_banshi, squeeze

S108 = os.path.join(SAMPLES, "bz25yb108-jiexiang.xml")
S119 = os.path.join(SAMPLES, "bz25yb119-jiexiang.xml")

BASELINE = 0.88  # the em box's ascent, as the engine sets type
TOL = 0.5        # pt
FOLIO = re.compile(r"—\s*(\d+)\s*—")
FORBIDDEN_COLOUR_OPS = {b"rg", b"RG", b"k", b"K", b"cs", b"CS", b"sc", b"SC", b"scn", b"SCN"}

# The form's pages by the names the template gives them (bookmarks, labels).
FORM_PAGES = ["封面", "声明", "填表说明", "项目变更情况数据表", "审核意见", "鉴定意见"]
COVER_LABELS = ["立项编号", "项目类别", "项目名称", "项目负责人", "所在单位", "填表日期"]
PROJECT_KEYS = ["id", "category", "title", "leader", "organization", "filled"]


# ---------------------------------------------------------------- reading pages

class Char:
    """One printed character with its em box (from the baseline, not the
    font's ascender, so boxes are comparable across fonts)."""

    def __init__(self, c, bbox, origin, size):
        self.c = c
        self.x0, self.x1 = bbox[0], bbox[2]
        self.base = origin[1]
        self.size = size
        self.top = self.base - BASELINE * size
        self.bottom = self.top + size
        self.cx = (self.x0 + self.x1) / 2
        self.cy = (self.top + self.bottom) / 2

    def __repr__(self):
        return f"{self.c}@({self.x0:.1f},{self.top:.1f},{self.x1:.1f},{self.bottom:.1f})"


def page_chars(page):
    """Every non-blank character of the page."""
    return [Char(ch["c"], ch["bbox"], ch["origin"], span["size"]) for span, ch in raw_chars(page)]


def text_lines(chars):
    """Characters grouped by baseline, each line sorted left to right."""
    lines = {}
    for ch in chars:
        key = round(ch.base * 2) / 2
        lines.setdefault(key, []).append(ch)
    return [sorted(v, key=lambda c: c.x0) for _, v in sorted(lines.items())]


def joined(chars):
    """Text of characters in reading order (by baseline, then x)."""
    return "".join(c.c for line in text_lines(chars) for c in line)


def find_on_line(chars, text, after=None):
    """The characters spelling `text` (blanks ignored) on one line, first
    match in reading order; None if absent. `after`: only lines at or below
    that y."""
    text = squeeze(text)
    for line in text_lines(chars):
        if after is not None and line[0].base < after:
            continue
        s = "".join(c.c for c in line)
        k = s.find(text)
        if k >= 0:
            return line[k:k + len(text)]
    return None


class Rulings:
    """The page's ruling lines: stroked lines, thin filled rectangles and
    the edges of stroked rectangles larger than a check box, as horizontal
    and vertical segments."""

    def __init__(self, page):
        self.h, self.v = [], []  # (position, start, end, thickness)
        self.underlines = []     # thin horizontal rules not part of a frame: (x0, y, x1)
        for d in page.get_drawings():
            w = d.get("width") or 0
            for item in d["items"]:
                if item[0] == "l":
                    p, q = item[1], item[2]
                    if abs(p.y - q.y) < 0.1:
                        self.h.append((p.y, min(p.x, q.x), max(p.x, q.x), w))
                    elif abs(p.x - q.x) < 0.1:
                        self.v.append((p.x, min(p.y, q.y), max(p.y, q.y), w))
                elif item[0] == "re":
                    r = item[1]
                    if r.height <= 2 and r.width > 2:
                        self.h.append(((r.y0 + r.y1) / 2, r.x0, r.x1, r.height))
                    elif r.width <= 2 and r.height > 2:
                        self.v.append(((r.x0 + r.x1) / 2, r.y0, r.y1, r.width))
                    elif r.width < 16 and r.height < 16:
                        continue  # a check box drawn in a line of text, not a cell
                    else:
                        self.h += [(r.y0, r.x0, r.x1, w), (r.y1, r.x0, r.x1, w)]
                        self.v += [(r.x0, r.y0, r.y1, w), (r.x1, r.y0, r.y1, w)]

    def cell_at(self, x, y):
        """The smallest ruled rectangle around (x, y): the nearest rules on
        each side that pass the point; None when it is not enclosed."""
        left = [p for p, a, b, _ in self.v if p <= x and a - TOL <= y <= b + TOL]
        right = [p for p, a, b, _ in self.v if p >= x and a - TOL <= y <= b + TOL]
        top = [p for p, a, b, _ in self.h if p <= y and a - TOL <= x <= b + TOL]
        bottom = [p for p, a, b, _ in self.h if p >= y and a - TOL <= x <= b + TOL]
        if not (left and right and top and bottom):
            return None
        return Cell(max(left), max(top), min(right), min(bottom))


class Cell:
    def __init__(self, x0, y0, x1, y1):
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1

    def key(self):
        return tuple(round(v, 1) for v in (self.x0, self.y0, self.x1, self.y1))

    def __eq__(self, other):
        return other is not None and all(abs(a - b) < 0.2 for a, b in zip(self.key(), other.key()))

    def __hash__(self):
        return hash(tuple(round(v) for v in self.key()))

    def __repr__(self):
        return "Cell(%.1f, %.1f, %.1f, %.1f)" % self.key()

    def holds(self, ch):
        return self.x0 <= ch.cx <= self.x1 and self.y0 <= ch.cy <= self.y1

    def encloses(self, ch, tol=0.3):
        return (ch.x0 >= self.x0 - tol and ch.x1 <= self.x1 + tol and ch.top >= self.y0 - tol
                and ch.bottom <= self.y1 + tol)


class Table:
    """A ruled table on a page: cells found from the ruling lines, text
    of a cell = the characters whose centre lies in it."""

    def __init__(self, page):
        self.page = page
        self.rulings = Rulings(page)
        self.chars = page_chars(page)
        if self.rulings.h:
            self.top = min(p for p, *_ in self.rulings.h)
            self.bottom = max(p for p, *_ in self.rulings.h)
        else:
            self.top = self.bottom = 0

    def cell_at(self, x, y):
        return self.rulings.cell_at(x, y)

    def text(self, cell):
        return joined([c for c in self.chars if cell.holds(c)])

    def cells_with(self, text, y0=None, y1=None, x0=None):
        """Cells whose whole text is `text` (blanks ignored), optionally
        with their centre within [y0, y1] and right of x0."""
        text = squeeze(text)
        seen, out = set(), []
        for ch in self.chars:
            cell = self.cell_at(ch.cx, ch.cy)
            if cell is None or cell.key() in seen:
                continue
            seen.add(cell.key())
            cy = (cell.y0 + cell.y1) / 2
            if y0 is not None and not (y0 <= cy <= y1):
                continue
            if x0 is not None and cell.x0 < x0 - TOL:
                continue
            if self.text(cell) == text:
                out.append(cell)
        return sorted(out, key=lambda c: (c.y0, c.x0))

    def right_of(self, cell):
        """The cell immediately to the right of `cell`, at its middle."""
        return self.cell_at(cell.x1 + 1.0, (cell.y0 + cell.y1) / 2)

    def below(self, cell):
        return self.cell_at((cell.x0 + cell.x1) / 2, cell.y1 + 1.0)

    def crossing(self):
        """Characters inside the table's area that are not wholly inside
        one cell (they cross a rule), or are in no cell at all."""
        bad = []
        for ch in self.chars:
            if ch.cy < self.top or ch.cy > self.bottom:
                continue
            cell = self.cell_at(ch.cx, ch.cy)
            if cell is None or not cell.encloses(ch):
                bad.append((ch, cell))
        return bad


def content_operators(data):
    """The operators of a PDF content stream (strings, names, numbers and
    comments skipped)."""
    ops, i, n = [], 0, len(data)
    delims = b"()<>[]{}/%"
    while i < n:
        c = data[i:i + 1]
        if c.isspace():
            i += 1
        elif c == b"%":
            while i < n and data[i:i + 1] not in (b"\n", b"\r"):
                i += 1
        elif c == b"(":
            depth, i = 1, i + 1
            while i < n and depth:
                b = data[i:i + 1]
                if b == b"\\":
                    i += 2
                    continue
                depth += 1 if b == b"(" else -1 if b == b")" else 0
                i += 1
        elif data[i:i + 2] in (b"<<", b">>"):
            i += 2
        elif c == b"<":
            i = data.index(b">", i) + 1
        elif c in (b"[", b"]", b"{", b"}", b">", b")"):
            i += 1
        else:
            j = i + 1 if c == b"/" else i
            while j < n and not data[j:j + 1].isspace() and data[j:j + 1] not in delims:
                j += 1
            tok = data[i:j]
            i = max(j, i + 1)
            if c != b"/" and not re.fullmatch(rb"[-+]?(\d+\.?\d*|\.\d+)", tok):
                ops.append(tok)
    return ops


# ---------------------------------------------------------------- test reports

OUTCOME = """  <outcome>
    <title>{title}</title>
    <keywords><k>城乡融合</k><k>表格测试</k></keywords>
    <body>
      <p>党的二十届三中全会对完善城乡融合发展体制机制作出重要战略部署，这是一段用来检验表页之后正文排版的文字。</p>
      <section><h>问题的提出</h><p>城乡融合发展是实现中国式现代化的必由之路。</p></section>
    </body>
  </outcome>
"""


def person_xml(role, **fields):
    order = ["name", "gender", "ethnicity", "born", "organization", "post", "rank", "address", "phone"]
    inner = "".join(f"<{k}>{escape(fields[k])}</{k}>" for k in order if k in fields)
    return f'    <person role="{role}">{inner}</person>\n'


def report_xml(project, changes=None, declaration=None, outcome_title="表页测试成果"):
    """A jiexiang report: project dict (PROJECT_KEYS), changes dict
    (changed, fields, persons=[(role, dict)]), declaration dict."""
    out = '<?xml version="1.0" encoding="UTF-8"?>\n<report template="jiexiang" version="1">\n  <project>\n'
    for k in PROJECT_KEYS:
        out += f"    <{k}>{escape(project[k])}</{k}>\n"
    out += "  </project>\n"
    if declaration is not None:
        attrs = "".join(f' {k}="{v}"' for k, v in declaration.items())
        out += f"  <declaration{attrs}/>\n"
    if changes is not None:
        out += f'  <changes changed="{changes["changed"]}">\n'
        for k in ["project-title", "result-title", "what-changed", "planned-form", "actual-form",
                  "planned-date", "actual-date"]:
            if k in changes:
                out += f"    <{k}>{escape(changes[k])}</{k}>\n"
        for role, fields in changes.get("persons", []):
            out += person_xml(role, **fields)
        out += "  </changes>\n"
    out += OUTCOME.format(title=escape(outcome_title)) + "</report>\n"
    return out


def write_report(name, text):
    path = out_path(name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


LONG_TITLE = "新质生产力驱动巴中革命老区城乡融合发展与乡村全面振兴协同推进的实践进路及政策研究"
LONG_UNIT = "中共巴中市委党校巴中行政学院经济学教研部城乡融合发展研究一室"

LONG_PROJECT = {"id": "BZ25ZD001", "category": "重点课题", "title": LONG_TITLE, "leader": "欧阳明月",
                "organization": LONG_UNIT, "filled": "2025-11-03"}
LONG_CHANGES = {
    "changed": "no",
    "result-title": LONG_TITLE,
    "planned-form": "研究报告", "actual-form": "研究报告",
    "planned-date": "2025-10-31", "actual-date": "2025-11-03",
    "persons": [
        ("original-leader", {"name": "欧阳明月", "gender": "女", "ethnicity": "土家", "born": "1983-04",
                             "organization": LONG_UNIT, "post": "副主任", "rank": "副教授",
                             "address": LONG_UNIT + "办公楼三楼", "phone": "0827-5266666"}),
        ("original-member", {"name": "司马相如", "organization": LONG_UNIT, "rank": "讲师",
                             "phone": "13800000001"}),
    ],
}

MEMBERS = [("张盛江", "巴州区政协办公室", "讲师", "13981670233"),
           ("付俊", "巴州区政协办公室", "助理研究员", "18108214401"),
           ("李清照", "巴中职业技术学院", "教授", "13900000003"),
           ("王羲之", "巴中市图书馆", "馆员", "13900000004"),
           ("杜甫", "南江县文化馆", "副研究馆员", "13900000005")]

FIVE_CHANGES = {
    "changed": "yes",
    "project-title": "提升城市品质打造巴中独特 IP 研究",
    "result-title": "提升城市品质打造巴中独特 IP 路径研究",
    "what-changed": "成果名称",
    "planned-form": "论文", "actual-form": "研究报告",
    "planned-date": "2025-06-30", "actual-date": "2025-06-13",
    "persons": [
        ("original-leader", {"name": "胡明", "gender": "男", "ethnicity": "汉", "born": "1979-12",
                             "organization": "巴州区政协办公室", "post": "研究室主任", "rank": "高级经济师",
                             "address": "巴中市巴州区政协办公室", "phone": "18382888666"}),
        ("current-leader", {"name": "付俊", "gender": "女", "ethnicity": "回", "born": "1988-03",
                            "organization": "巴州区政协办公室", "post": "科长", "rank": "经济师",
                            "address": "巴中市巴州区江北大道", "phone": "18108214401"}),
    ] + [("original-member", {"name": n, "organization": o, "rank": r, "phone": p}) for n, o, r, p in MEMBERS]
      + [("current-member", {"name": "张盛江", "organization": "巴州区政协办公室", "rank": "讲师",
                             "phone": "13981670233"})],
}
LONG_CHANGE = ("因研究需要，成果形式由论文调整为研究报告，并增加巴中市各县（区）城市品质提升典型案例的实地调研内容；"
               "原参与人员张盛江因工作调动退出课题组，新增两名熟悉城市规划与文化旅游的研究人员参与课题研究，完成时间相应提前。")

FIVE_PROJECT = {"id": "BZ25YB108", "category": "经济学", "title": "提升城市品质打造巴中独特 IP 研究",
                "leader": "胡明", "organization": "政协巴中市巴州区委员会办公室", "filled": "2025-06-13"}


# ---------------------------------------------------------------- expectations from the XML

def printed_date(iso, day=True):
    """2025-06-30 → 2025年6月30日 (squeezed); missing → the blank form."""
    if not iso:
        return "年月日" if day else "年月"
    parts = [int(p) for p in iso.split("-")]
    return "".join(f"{v}{u}" for v, u in zip(parts, "年月日"))


class Form:
    """What a report's form pages should print, from its XML."""

    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.root = root
        proj = root.find("project")
        self.project = {k: squeeze(proj.findtext(k) or "") for k in PROJECT_KEYS}
        ch = root.find("changes")
        self.changed = ch.get("changed") if ch is not None else None

        def c(tag):
            return squeeze(ch.findtext(tag) or "") if ch is not None else ""

        self.top = {
            "立项项目名称": c("project-title") or self.project["title"],
            "结项成果名称": c("result-title"),
            "是否变更": "A、是" + ("☒" if self.changed == "yes" else "☐") +
                        "B、否" + ("☒" if self.changed == "no" else "☐"),
            "变更的内容": c("what-changed"),
            "原计划成果形式": c("planned-form"),
            "现成果形式": c("actual-form"),
            "原计划完成时间": printed_date(c("planned-date")),
            "实际完成时间": printed_date(c("actual-date")),
        }
        persons = ch.findall("person") if ch is not None else []

        def leader(role):
            p = next((p for p in persons if p.get("role") == role), None)
            get = (lambda t: squeeze(p.findtext(t) or "")) if p is not None else (lambda t: "")
            return {"姓名": get("name"), "性别": get("gender"), "民族": get("ethnicity"),
                    "出生日期": printed_date(get("born"), day=False), "所在单位": get("organization"),
                    "行政职务": get("post"), "专业职务": get("rank"), "通讯地址": get("address"),
                    "联系电话": get("phone")}

        self.leaders = {"原负责人": leader("original-leader"), "现负责人": leader("current-leader")}

        def members(role):
            return [{"姓名": squeeze(p.findtext("name") or ""), "单位": squeeze(p.findtext("organization") or ""),
                     "职称": squeeze(p.findtext("rank") or ""), "联系电话": squeeze(p.findtext("phone") or "")}
                    for p in persons if p.get("role") == role]

        self.members = {"原参与人员": members("original-member"), "现参与人员": members("current-member")}
        kw = root.find("outcome/keywords")
        self.keywords = [k.text for k in kw] if kw is not None else []
        self.outcome_title = squeeze("".join(root.find("outcome/title").itertext()))


def find_table_page(doc):
    """The page of 一、项目变更情况数据表 (not 填表说明, which names it)."""
    for i, page in enumerate(doc):
        if any("".join(c.c for c in line).startswith("一、项目变更情况数据表")
               for line in text_lines(page_chars(page))):
            return i
    raise AssertionError("no page carries the heading 一、项目变更情况数据表")


def divider_page(doc):
    """Index of the page with the 最终成果 divider (its own line)."""
    for i, page in enumerate(doc):
        for line in text_lines(page_chars(page)):
            if "".join(c.c for c in line) == "最终成果":
                return i
    raise AssertionError("no page carries the 最终成果 divider")


# ---------------------------------------------------------------- checks shared by the tests

class FormChecks(unittest.TestCase):
    maxDiff = None

    def check_cover(self, pdf, form, name):
        doc = fitz.open(pdf)
        page = doc[0]
        chars = page_chars(page)
        rulings = Rulings(page)
        # Thin but visible: 0.2–1.5 pt (a table frame or box edge is not one).
        underlines = [(a, p, b) for p, a, b, t in rulings.h if 0.2 <= t <= 1.5]
        self.assertTrue(underlines, f"{name}: the cover has no underlines")
        right_ends = {round(b, 1) for _, _, b in underlines}
        self.assertLessEqual(max(right_ends) - min(right_ends), TOL,
                             f"{name}: the underlines do not end at a common right edge: {sorted(right_ends)}")
        label_boxes = {}
        for label, key in zip(COVER_LABELS, PROJECT_KEYS):
            lab = find_on_line(chars, label)
            self.assertIsNotNone(lab, f"{name}: cover label {label} not found on page 1")
            label_boxes[label] = lab
            # The value: the characters right of the label on its line, then
            # the lines below it starting at the same x (a wrapped value).
            value = form.project[key] if key != "filled" else printed_date(form.project[key])
            line_of = [ln for ln in text_lines(chars) if abs(ln[0].base - lab[0].base) < 0.5][0]
            first = [c for c in line_of if c.x0 > lab[-1].x1 + TOL]
            self.assertTrue(first, f"{name}: no value right of {label}")
            self.assertGreater(first[0].x0, lab[-1].x1, f"{name}: {label}'s value is not right of its label")
            vlines = [first]
            got = "".join(c.c for c in first)
            for ln in text_lines(chars):
                if len(got) >= len(value) or ln[0].base <= vlines[-1][0].base:
                    continue
                if abs(ln[0].x0 - first[0].x0) > 1.0 or ln[0].base - vlines[-1][0].base > 2.5 * lab[0].size:
                    break
                vlines.append(ln)
                got += "".join(c.c for c in ln)
            self.assertEqual(got, value, f"{name}: cover {label} prints {got!r}, the XML says {value!r}")
            for ln in vlines:
                # An underline just below the line, from the value's left
                # edge, reaching past its last character.
                base = ln[0].base
                under = [u for u in underlines
                         if 0 < u[1] - base < 0.5 * ln[0].size and abs(u[0] - ln[0].x0) <= 1.0]
                self.assertTrue(under, f"{name}: {label}: no underline under {''.join(c.c for c in ln)!r} "
                                       f"(baseline {base:.1f}, x {ln[0].x0:.1f}); underlines: {underlines}")
                u = under[0]
                for ch in ln:
                    self.assertLessEqual(ch.x1, u[2] + 0.3,
                                         f"{name}: {label}: {ch.c} crosses the underline's right end ({u[2]:.1f})")
        # Labels spread over a common width, left edges aligned, their
        # characters evenly spaced.
        widths = {lab: box[-1].x1 - box[0].x0 for lab, box in label_boxes.items()}
        lefts = {lab: box[0].x0 for lab, box in label_boxes.items()}
        self.assertLessEqual(max(widths.values()) - min(widths.values()), TOL,
                             f"{name}: labels are not spread to one width: {widths}")
        self.assertLessEqual(max(lefts.values()) - min(lefts.values()), TOL, f"{name}: labels not aligned: {lefts}")
        for lab, box in label_boxes.items():
            gaps = [b.x0 - a.x0 for a, b in zip(box, box[1:])]
            self.assertLessEqual(max(gaps) - min(gaps), TOL, f"{name}: {lab} is not evenly spread: {gaps}")
        return label_boxes

    def check_table(self, pdf, form, name):
        """Every value of <changes> in the cell right of its label (or under
        its column head in a member block); no text crossing a rule. The
        table may continue on the pages before the first review box."""
        doc = fitz.open(pdf)
        first = find_table_page(doc)
        last = first
        while last + 1 < len(doc) and "二、申请人所在单位审核意见" not in squeeze(doc[last + 1].get_text()):
            last += 1
        tables = [Table(doc[i]) for i in range(first, last + 1)]
        for t in tables:
            bad = t.crossing()
            self.assertFalse(bad, f"{name}: page {t.page.number + 1}: table text crossing a cell border or "
                                  f"outside every cell: {bad[:10]}")

        def locate(label, y0=None, y1=None, x0=None, within=None):
            found = [(t, c) for t in (within or tables) for c in t.cells_with(label, y0, y1, x0)]
            self.assertEqual(len(found), 1, f"{name}: label cell {label} found {len(found)} times"
                                            + (" in its block" if within else ""))
            return found[0]

        def pair(label, expected, y0=None, y1=None, x0=None, within=None):
            t, cell = locate(label, y0, y1, x0, within)
            right = t.right_of(cell)
            self.assertIsNotNone(right, f"{name}: no cell right of {label}")
            self.assertEqual(t.text(right), expected,
                             f"{name}: the cell right of {label} {right} holds {t.text(right)!r}, "
                             f"expected {expected!r}")
            return cell, right

        for label, value in form.top.items():
            pair(label, value)
        for block, fields in form.leaders.items():
            t, b = locate(block)
            rows = []
            for label, value in fields.items():
                cell, _ = pair(label, value, b.y0, b.y1, b.x1, within=[t])
                rows.append(cell)
            # The vertical label spans exactly the block's three rows.
            self.assertAlmostEqual(b.y0, min(c.y0 for c in rows), delta=TOL, msg=f"{name}: {block} starts off its rows")
            self.assertAlmostEqual(b.y1, max(c.y1 for c in rows), delta=TOL, msg=f"{name}: {block} ends off its rows")
            self.assertEqual(len({round(c.y0) for c in rows}), 3, f"{name}: {block} is not three rows")
        blocks = {}
        for block, members in form.members.items():
            t, b = locate(block)
            blocks[block] = (t, b)
            n = max(len(members), 3)
            for col in ("姓名", "单位", "职称", "联系电话"):
                _, head = locate(col, b.y0, b.y1, b.x1, within=[t])
                self.assertAlmostEqual(head.y0, b.y0, delta=TOL, msg=f"{name}: {block}'s label does not start at its head row")
                cells, cell = [], t.below(head)
                while cell is not None and cell.y1 <= b.y1 + TOL:
                    self.assertAlmostEqual(cell.x0, head.x0, delta=TOL, msg=f"{name}: {block}/{col}: row cell off the column")
                    self.assertAlmostEqual(cell.x1, head.x1, delta=TOL, msg=f"{name}: {block}/{col}: row cell off the column")
                    cells.append(cell)
                    cell = t.below(cell)
                got = [t.text(c) for c in cells]
                want = [m[col] for m in members] + [""] * (n - len(members))
                self.assertAlmostEqual(cells[-1].y1, b.y1, delta=TOL,
                                       msg=f"{name}: {block}'s vertical label does not span its last member row")
                # A block cut where the page ends goes on at the top of the
                # next page (under 续表), in the same columns.
                k = tables.index(t)
                if len(got) < len(want) and k + 1 < len(tables):
                    nt = tables[k + 1]
                    # Facing pages: the text block moves with the binding.
                    dx = min(a for _, a, *_ in nt.rulings.h) - min(a for _, a, *_ in t.rulings.h)
                    cell = nt.cell_at((head.x0 + head.x1) / 2 + dx, nt.top + 1.0)
                    while cell is not None and len(got) < len(want) and abs(cell.x0 - head.x0 - dx) <= TOL:
                        got.append(nt.text(cell))
                        cell = nt.below(cell)
                self.assertEqual(got, want, f"{name}: {block}/{col}: rows under the head (one per member, at least 3)")
        return blocks


# ---------------------------------------------------------------- the tests

class SampleForms(FormChecks):
    @classmethod
    def setUpClass(cls):
        cls.pdf = {}
        for name, src in (("119", S119), ("108", S108)):
            cls.pdf[name], _ = render(src, f"form-{name}.pdf", "--impose", "none")
        cls.form = {"119": Form(S119), "108": Form(S108)}

    def test_cover_shows_the_six_values_on_underlines(self):
        for name in ("119", "108"):
            with self.subTest(sample=name):
                labels = self.check_cover(self.pdf[name], self.form[name], name)
                w4 = labels["立项编号"][-1].x1 - labels["立项编号"][0].x0
                w5 = labels["项目负责人"][-1].x1 - labels["项目负责人"][0].x0
                self.assertAlmostEqual(w4, w5, delta=TOL, msg="立项编号 is not spread to the width of 项目负责人")
        doc = fitz.open(self.pdf["119"])
        text = doc[0].get_text()
        self.assertRegex(text, r"2025\s+年\s+10\s+月\s+15\s+日", "填表日期 is not printed as 2025 年 10 月 15 日")
        self.assertIn("BZ25YB119", text)

    def test_change_table_values_in_their_cells(self):
        for name in ("119", "108"):
            with self.subTest(sample=name):
                self.check_table(self.pdf[name], self.form[name], name)
        # The values of BZ25YB108 by hand, so the expectation is not only
        # derived by the same code that reads the PDF.
        doc = fitz.open(self.pdf["108"])
        t = Table(doc[find_table_page(doc)])
        blocks = t.cells_with("原负责人")
        self.assertEqual(len(blocks), 1, "no single 原负责人 label cell")
        b = blocks[0]
        sex = t.cells_with("性别", b.y0, b.y1)
        self.assertEqual(len(sex), 1, "no single 性别 label cell in the 原负责人 block")
        self.assertEqual(t.text(t.right_of(sex[0])), "男", "the cell right of 性别 in 原负责人 does not hold 男")
        heads = t.cells_with("是否变更")
        self.assertEqual(len(heads), 1, "no single 是否变更 label cell")
        changed = t.right_of(heads[0])
        self.assertIn("B、否☒", t.text(changed))
        self.assertIn("A、是☐", t.text(changed))

    def test_declaration_as_the_samples_answer_it(self):
        # 119 answers 否 to both with <declaration>, as its seed is ticked;
        # 108 has none, as its seed has none ticked: empty boxes.
        decl = self.form["119"].root.find("declaration")
        self.assertEqual((decl.get("sensitive"), decl.get("secret")), ("no", "no"))
        self.assertIsNone(self.form["108"].root.find("declaration"))
        for name, box in (("119", "否☒"), ("108", "否☐")):
            with self.subTest(sample=name):
                doc = fitz.open(self.pdf[name])
                text = squeeze(doc[1].get_text())
                self.assertIn(f"成果是否涉及敏感问题或其他不宜公开出版的内容：是☐{box}", text)
                self.assertIn(f"成果是否涉密：是☐{box}", text)

    def test_check_boxes_are_drawn_in_the_texts_weight(self):
        """Issue 15 item 10: a box is ruled, not Symbola's ☐ (1.2 pt strokes,
        its bottom below the line): a square standing on the baseline as
        high as the Han ink beside it, ruled with the 仿宋's own stem width
        (FandolFang: 0.04 em), ☒ crossed with the same stroke; its glyph,
        unpainted, still copies as ☐ or ☒ (both readers)."""
        doc = fitz.open(self.pdf["119"])
        fonts = subprocess.run(["pdffonts", "-f", "1", "-l", "6", self.pdf["119"]], capture_output=True, text=True,
                               check=True).stdout
        self.assertNotIn("Symbola", fonts)
        for page in (doc[1], doc[3], doc[5]):
            chars = [(span, ch) for span, ch in raw_chars(page)]
            boxes = [(span, ch) for span, ch in chars if ch["c"] in "☐☒"]
            self.assertTrue(boxes, f"page {page.number + 1}: no boxes")
            drawings = page.get_drawings()
            for span, ch in boxes:
                size = span["size"]
                x0, _, x1, _ = ch["bbox"]
                base = ch["origin"][1]
                rects = [(it[1], d["width"]) for d in drawings for it in d["items"]
                         if it[0] == "re" and x0 - 0.5 <= it[1].x0 and it[1].x1 <= x1 + 0.5
                         and abs(it[1].y1 - base) < size * 0.2]
                self.assertEqual(len(rects), 1, f"{ch['c']} on page {page.number + 1}")
                r, stroke = rects[0]
                outer = fitz.Rect(r.x0 - stroke / 2, r.y0 - stroke / 2, r.x1 + stroke / 2, r.y1 + stroke / 2)
                self.assertAlmostEqual(outer.y1, base, delta=0.05)  # on the baseline
                self.assertAlmostEqual(outer.width, outer.height, delta=0.05)  # square
                self.assertTrue(0.65 * size < outer.height < 0.85 * size, outer)
                self.assertTrue(0.03 * size < stroke < 0.07 * size, stroke)
                # As high as the characters' ink: its top within 0.1 em of
                # the top of the Han characters on its line.
                before = max((c for sp, c in chars if abs(c["origin"][1] - base) < 0.1 and c["bbox"][2] <= x0 + 0.5
                              and "\u4e00" <= c["c"] <= "\u9fff"), key=lambda c: c["bbox"][0])
                pix = page.get_pixmap(dpi=600, clip=fitz.Rect(before["bbox"]), colorspace=fitz.csGRAY)
                ink = next(y for y in range(pix.height) if any(pix.pixel(x, y)[0] < 128 for x in range(pix.width)))
                top = before["bbox"][1] + ink * 72 / 600
                self.assertAlmostEqual(outer.y0, top, delta=0.1 * size, msg=f"{before['c']}{ch['c']}")
                lines = [it for d in drawings for it in d["items"]
                         if it[0] == "l" and outer.contains(it[1]) and outer.contains(it[2])]
                self.assertEqual(len(lines), 2 if ch["c"] == "☒" else 0, ch["c"])
                for ln in lines:
                    self.assertTrue(abs(ln[1].x - ln[2].x) > 0.3 * size and abs(ln[1].y - ln[2].y) > 0.3 * size)

    def test_review_boxes(self):
        doc = fitz.open(self.pdf["108"])
        expected = {
            "二、申请人所在单位审核意见": ["（审核事项：1.成果有无政治导向问题或其他不宜公开出版的内容；2.最终结果的内容质量是否符合预期研究目标。）",
                                  "签章"],
            "三、县（区）社科联意见": ["（审核事项：1.成果有无意识形态问题；2.是否同意结项。）", "单位（公章）：", "负责人签字："],
            "四、专家鉴定意见": ["（请在对应意见栏划“√”）", "1.成果有无意识形态方面问题：有☐否☐", "2.是否同意结项：是☐否☐",
                           "3.鉴定等级：优秀☐良好☐合格☐", "主审专家签字："],
            "五、市社科联审核意见": ["单位（公章）："],
        }
        boxes = []
        for heading, lines in expected.items():
            found = None
            for pno in range(len(doc)):
                chars = page_chars(doc[pno])
                head = find_on_line(chars, heading)
                if head:
                    found = (pno, chars, head)
                    break
            self.assertIsNotNone(found, f"review box heading {heading} not found")
            pno, chars, head = found
            rulings = Rulings(doc[pno])
            box = rulings.cell_at(head[0].cx, head[0].cy)
            self.assertIsNotNone(box, f"{heading} is not inside a ruled box")
            self.assertGreater(box.y1 - box.y0, 5 * 28, f"{heading}: the box is not a tall ruled area: {box}")
            self.assertGreater(box.x1 - box.x0, 400, f"{heading}: the box is not the text width: {box}")
            inside = [c for c in chars if box.holds(c)]
            for ch in head:
                self.assertTrue(box.encloses(ch), f"{heading}: {ch} sticks out of its box {box}")
            text = joined(inside)
            for line in lines:
                self.assertIn(squeeze(line), text, f"{heading}: its box lacks {line}")
            date = find_on_line(inside, "年月日")
            self.assertIsNotNone(date, f"{heading}: no 年 月 日 line in its box")
            self.assertGreater(date[0].top, (box.y0 + box.y1) / 2, f"{heading}: 年 月 日 is not in the box's lower half")
            self.assertGreater(date[0].x0, (box.x0 + box.x1) / 2, f"{heading}: 年 月 日 is not at the right")
            for ch in date:
                self.assertTrue(box.encloses(ch), f"{heading}: 年 月 日 sticks out of its box")
            boxes.append((pno, box))
        self.assertEqual(len({(p, b.key()) for p, b in boxes}), 4, "the review boxes are not four separate boxes")

    def test_final_outcome_on_a_recto_after_the_form(self):
        for name in ("119", "108"):
            with self.subTest(sample=name):
                doc = fitz.open(self.pdf[name])
                k = divider_page(doc)
                self.assertGreaterEqual(k, 6, f"{name}: 最终成果 comes before the six form pages end")
                self.assertEqual(k % 2, 0, f"{name}: 最终成果 is on page {k + 1}, a verso")
                chars = page_chars(doc[k])
                div = find_on_line(chars, "最终成果")
                # The title's first line may be short (新质生产力驱动 / …): its opening words.
                title = find_on_line(chars, self.form[name].outcome_title[:6], after=div[0].base + 1)
                self.assertIsNotNone(title, f"{name}: the outcome's title does not follow 最终成果 on its page")
                for i in range(k):
                    self.assertIsNone(FOLIO.search(doc[i].get_text()),
                                      f"{name}: form page {i + 1} carries a page number")
                nums = FOLIO.findall(doc[k].get_text())
                self.assertEqual(nums, ["1"], f"{name}: the outcome's first page carries {nums}, not — 1 —")
                self.assertEqual(FOLIO.findall(doc[k + 1].get_text()), ["2"])

    def test_metadata_and_page_labels(self):
        for name in ("119", "108"):
            with self.subTest(sample=name):
                form = self.form[name]
                doc = fitz.open(self.pdf[name])
                m = doc.metadata
                self.assertEqual(m["title"], fitz_text(form.root.findtext("project/title")))
                self.assertEqual(m["author"], form.root.findtext("project/leader"))
                self.assertEqual(m["subject"], form.root.findtext("project/id"))
                self.assertTrue(m["creator"].startswith("banshi "), f"Creator is {m['creator']!r}")
                kws = [k.strip() for k in re.split(r"[;；,，、]", m["keywords"])]
                self.assertEqual(kws, form.keywords, f"Keywords is {m['keywords']!r}")
                self.assertEqual(m["creationDate"], "", "a CreationDate without SOURCE_DATE_EPOCH")
                self.assertEqual(m["modDate"], "", "a ModDate without SOURCE_DATE_EPOCH")
                info = subprocess.run(["pdfinfo", self.pdf[name]], capture_output=True, check=True).stdout.decode()
                self.assertRegex(info, r"(?m)^Subject:\s+" + re.escape(form.root.findtext("project/id")) + "$")
                self.assertNotRegex(info, r"(?m)^CreationDate:")
                k = divider_page(doc)
                # The form's pages: a bookmark each, before the outcome's, and
                # their names as labels (they print no number).
                toc = doc.get_toc()
                self.assertEqual([(t[0], t[1], t[2]) for t in toc[: len(FORM_PAGES)]],
                                 [(1, n, i + 1) for i, n in enumerate(FORM_PAGES)], f"{name}: the form's bookmarks")
                self.assertEqual((toc[len(FORM_PAGES)][0], toc[len(FORM_PAGES)][2]), (1, k + 1),
                                 f"{name}: the outcome's title follows, on the divider's page")
                for i, page in enumerate(doc):
                    printed = FOLIO.findall(page.get_text())
                    label = page_label(page)
                    if i < len(FORM_PAGES):
                        self.assertEqual(label, FORM_PAGES[i], f"{name}: form page {i + 1} is labelled {label!r}")
                    elif i < k:
                        self.assertEqual(label, "", f"{name}: blank page {i + 1} is labelled {label!r}")
                    else:
                        self.assertEqual(label, str(i - k + 1), f"{name}: page {i + 1} is labelled {label!r}")
                    if printed:
                        self.assertEqual(label, printed[-1], f"{name}: page {i + 1} prints — {printed[-1]} — "
                                                             f"but is labelled {label!r}")

    def test_gray_colour_operators_only(self):
        for name in ("119", "108"):
            with self.subTest(sample=name):
                doc = fitz.open(self.pdf[name])
                streams = []
                for page in doc:
                    streams.append((f"page {page.number + 1}", page.read_contents()))
                for xref in range(1, doc.xref_length()):
                    if doc.xref_is_stream(xref) and doc.xref_get_key(xref, "Subtype")[1] == "/Form":
                        streams.append((f"form xobject {xref}", doc.xref_stream(xref)))
                gray = False
                for where, data in streams:
                    ops = set(content_operators(data))
                    self.assertFalse(ops & FORBIDDEN_COLOUR_OPS,
                                     f"{name}: {where} uses non-gray colour operators {sorted(ops & FORBIDDEN_COLOUR_OPS)}")
                    gray |= bool(ops & {b"g", b"G"})
                self.assertTrue(gray, f"{name}: no g/G operator anywhere (colour never set)")


def fitz_text(s):
    return s or ""


class Finishing(unittest.TestCase):
    def test_source_date_epoch_and_determinism(self):
        a, _ = render(S108, "form-det-a.pdf", "--impose", "none")
        b, _ = render(S108, "form-det-b.pdf", "--impose", "none")
        with open(a, "rb") as fa, open(b, "rb") as fb:
            da, db = fa.read(), fb.read()
        self.assertEqual(da, db, "two renders of the same report differ")
        self.assertNotIn(b"/CreationDate", da)
        pdf = out_path("form-sde.pdf")
        env = dict(os.environ, SOURCE_DATE_EPOCH="1760486400")  # 2025-10-15 00:00:00 UTC
        from support import BANSHI
        p = subprocess.run([BANSHI, "render", S108, "-o", pdf, "--impose", "none"], env=env, capture_output=True)
        self.assertEqual(p.returncode, 0, p.stderr.decode("utf-8", "replace"))
        m = fitz.open(pdf).metadata
        self.assertTrue(m["creationDate"].startswith("D:20251015000000"),
                        f"CreationDate {m['creationDate']!r} is not SOURCE_DATE_EPOCH's time")


class TestReports(FormChecks):
    def test_declaration_unticked_without_declaration(self):
        src = write_report("form-declaration-none.xml", report_xml(FIVE_PROJECT))
        pdf, _ = render(src, "form-declaration-none.pdf", "--impose", "none")
        doc = fitz.open(pdf)
        text = squeeze(doc[1].get_text())
        self.assertIn("成果是否涉及敏感问题或其他不宜公开出版的内容：是☐否☐", text)
        self.assertIn("成果是否涉密：是☐否☐", text)
        self.assertNotIn("☒", text)

    def test_declaration_answered_no(self):
        src = write_report("form-declaration-no.xml",
                           report_xml(FIVE_PROJECT, declaration={"sensitive": "no", "secret": "no"}))
        pdf, _ = render(src, "form-declaration-no.pdf", "--impose", "none")
        doc = fitz.open(pdf)
        text = squeeze(doc[1].get_text())
        self.assertIn("成果是否涉及敏感问题或其他不宜公开出版的内容：是☐否☒", text)
        self.assertIn("成果是否涉密：是☐否☒", text)

    def test_declaration_answered_yes_and_no(self):
        src = write_report("form-declaration-mixed.xml",
                           report_xml(FIVE_PROJECT, declaration={"sensitive": "yes", "secret": "no"}))
        pdf, _ = render(src, "form-declaration-mixed.pdf", "--impose", "none")
        doc = fitz.open(pdf)
        text = squeeze(doc[1].get_text())
        self.assertIn("成果是否涉及敏感问题或其他不宜公开出版的内容：是☒否☐", text)
        self.assertIn("成果是否涉密：是☐否☒", text)

    def test_fallback_characters_of_form_and_outcome_in_one_warning(self):
        # The form pages and the outcome are laid out side by side; what
        # their fonts lacked is still reported once per font, the form's
        # characters with the outcome's.
        project = dict(FIVE_PROJECT, leader="张东\U00020000")
        text = report_xml(project).replace("<p>党的二十届", "<p>\U0002A6A5党的二十届", 1)
        src = write_report("form-fallback.xml", text)
        pdf, err = render(src, "form-fallback.pdf", "--impose", "none")
        lines = [l for l in err.splitlines() if "drawn from fallback fonts" in l and "FandolFang" in l]
        self.assertEqual(len(lines), 1, f"one warning for the body font expected:\n{err}")
        for ch in ("\U00020000", "\U0002A6A5"):
            self.assertIn(ch, lines[0])
        doc = fitz.open(pdf)
        self.assertIn("张东\U00020000", squeeze(doc[0].get_text()))

    def test_five_members_grow_the_block(self):
        src = write_report("form-five-members.xml", report_xml(FIVE_PROJECT, changes=FIVE_CHANGES))
        pdf, _ = render(src, "form-five-members.pdf", "--impose", "none")
        form = Form(src)
        self.assertEqual(len(form.members["原参与人员"]), 5)
        blocks = self.check_table(pdf, form, "five members")
        # 5 member rows + the head row under one vertical label; the
        # block with one member still prints three rows.
        t, orig = blocks["原参与人员"]
        tc, cur = blocks["现参与人员"]
        row_h = t.cells_with("姓名", orig.y0, orig.y1, orig.x1)[0]
        h = row_h.y1 - row_h.y0
        self.assertAlmostEqual((orig.y1 - orig.y0) / h, 6, delta=0.2, msg="原参与人员 does not span 6 rows")
        self.assertAlmostEqual((cur.y1 - cur.y0) / h, 4, delta=0.2, msg="现参与人员 does not span 4 rows")
        d5 = fitz.open(pdf)
        t5 = Table(d5[find_table_page(d5)])
        changed = t5.right_of(t5.cells_with("是否变更")[0])
        self.assertEqual(t5.text(changed), "A、是☒B、否☐")
        # The seed-sized report's block, for comparison: the 5-member one is taller.
        small, _ = render(S108, "form-108-for-members.pdf", "--impose", "none")
        d = fitz.open(small)
        ts = Table(d[find_table_page(d)])
        s = ts.cells_with("原参与人员")[0]
        self.assertGreater(orig.y1 - orig.y0, s.y1 - s.y0 + 1.5 * h, "the block did not grow with its members")

    def test_long_change_and_several_members_keep_the_table_on_one_page(self):
        # Issue 15 item 2: a long 变更的内容 wrapped down its narrow centred
        # column made its row 114 pt tall and pushed 现参与人员 onto a page
        # of its own. It now takes a row of its own across the table,
        # left-aligned, and the table with three members a block stays on
        # one page, as the Word form does.
        changes = dict(FIVE_CHANGES, **{"what-changed": LONG_CHANGE})
        changes["persons"] = FIVE_CHANGES["persons"][:2] + [
            (role, {"name": name, "organization": "巴中市文化广播电视和旅游局", "rank": rank,
                    "phone": f"1398167023{i}"})
            for i, (role, name, rank) in enumerate([
                ("original-member", "张盛江", "副研究员"), ("original-member", "付俊", "讲师"),
                ("original-member", "王建国", "助理研究员"), ("current-member", "李晓梅", "副研究员"),
                ("current-member", "赵子龙", "高级经济师"), ("current-member", "陈静", "讲师")])]
        src = write_report("form-long-change.xml", report_xml(FIVE_PROJECT, changes=changes))
        pdf, _ = render(src, "form-long-change.pdf", "--impose", "none")
        form = Form(src)
        self.check_table(pdf, form, "long 变更的内容")
        doc = fitz.open(pdf)
        k = find_table_page(doc)
        self.assertIn("二、申请人所在单位审核意见", squeeze(doc[k + 1].get_text()),
                      "the change table did not keep to one page")
        t = Table(doc[k])
        label = t.cells_with("变更的内容")[0]
        value = t.right_of(label)
        # Its own row, as wide as the table allows right of the labels.
        self.assertAlmostEqual(label.x0, t.cells_with("是否变更")[0].x0, delta=TOL)
        changed = t.right_of(t.cells_with("是否变更")[0])
        self.assertAlmostEqual(value.x0, changed.x0, delta=TOL)
        self.assertAlmostEqual(value.x1, changed.x1, delta=TOL, msg="A、是 B、否 does not reach the row's end")
        self.assertGreater(value.x1 - value.x0, 300)
        self.assertLess(value.y1 - value.y0, 114, "the 变更的内容 row is as tall as before")
        # Left-aligned: every line of the value starts at the same x.
        chars = [c for c in t.chars if value.holds(c)]
        starts = [ln[0].x0 for ln in text_lines(chars)]
        self.assertGreaterEqual(len(starts), 3)
        self.assertLessEqual(max(starts) - min(starts), TOL, f"the long value's lines start at {starts}")
        self.assertLess(min(starts) - value.x0, 12, "the long value is not at its cell's left")

    def test_divider_skips_to_a_recto_after_an_odd_number_of_form_pages(self):
        # Fourteen members: the change table continues on a second page,
        # so the form takes seven pages; 最终成果 must then start page 9,
        # after an unnumbered blank page 8.
        many = dict(FIVE_CHANGES)
        many["persons"] = FIVE_CHANGES["persons"] + [
            ("original-member", {"name": f"成员{i}", "organization": "巴中市社会科学界联合会", "rank": "研究员",
                                 "phone": f"139000001{i:02d}"}) for i in range(9)]
        src = write_report("form-many-members.xml", report_xml(FIVE_PROJECT, changes=many))
        pdf, _ = render(src, "form-many-members.pdf", "--impose", "none")
        form = Form(src)
        self.assertEqual(len(form.members["原参与人员"]), 14)
        doc = fitz.open(pdf)
        k = divider_page(doc)
        boxes = next(i for i, p in enumerate(doc) if "二、申请人所在单位审核意见" in squeeze(p.get_text()))
        self.assertGreater(boxes, find_table_page(doc) + 1, "the 14-member table did not need a second page; "
                                                            "the test no longer makes an odd number of form pages")
        self.assertEqual(k % 2, 0, f"最终成果 is on page {k + 1}, a verso")
        last_form = boxes + 1  # 四/五 follow 二/三
        for i in range(last_form + 1, k):
            self.assertEqual(squeeze(doc[i].get_text()), "", f"page {i + 1} before 最终成果 is not blank")
            self.assertEqual(page_label(doc[i]), "", f"blank page {i + 1} is labelled {page_label(doc[i])!r}")
        # The change table's second page keeps its name as its label.
        table = find_table_page(doc)
        self.assertEqual([page_label(doc[i]) for i in range(table, table + 2)], ["项目变更情况数据表"] * 2)
        self.assertEqual(FOLIO.findall(doc[k].get_text()), ["1"])
        self.check_table(pdf, form, "fourteen members")

    def test_long_values_wrap_inside_their_fields(self):
        self.assertEqual(len(LONG_TITLE), 40)
        self.assertEqual(len(LONG_UNIT), 30)
        src = write_report("form-long.xml", report_xml(LONG_PROJECT, changes=LONG_CHANGES,
                                                       declaration={"sensitive": "no", "secret": "no"}))
        pdf, _ = render(src, "form-long.pdf", "--impose", "none")
        form = Form(src)
        self.check_cover(pdf, form, "long values")
        # The title took at least two underlined lines on the cover.
        doc = fitz.open(pdf)
        chars = page_chars(doc[0])
        lab = find_on_line(chars, "项目名称")
        below = find_on_line(chars, LONG_TITLE[-4:])
        self.assertIsNotNone(below, "the end of the long title is not on the cover")
        self.assertGreater(below[0].base, lab[0].base + 1, "the 40-character title did not wrap")
        self.check_table(pdf, form, "long values")
        # The cover is one page: its foot (制, the form's date) is on page 1
        # and 声明 starts page 2.
        self.assertIn("巴中市社会科学界联合会制", squeeze(doc[0].get_text()),
                      "the cover's foot was pushed off page 1 by the long values")
        self.assertTrue(squeeze(doc[1].get_text()).startswith("声明"),
                        f"page 2 is not 声明 but starts {squeeze(doc[1].get_text())[:20]!r}")


if __name__ == "__main__":
    unittest.main()
