#!/usr/bin/python3
"""Makes the .docx fixtures of the Word-import tests from the samples, in the
shapes applicants' files come in, and writes what each should import as.

    /usr/bin/python3 tests/docx/make_fixtures.py   # (needs python3-docx, and LibreOffice for two fixtures)

Writes tests/data/docx/:
  fixtures/NAME.docx          the documents, made by several producers:
    word-numbered             bz25yb119 as Chinese Word writes it: heading styles "1" "2" "3"
                              (w:name heading N) numbered automatically through numbering.xml,
                              the Title style, footnotes.xml with its separators, links
    wps-typed                 bz25yb108 as WPS and hand formatting leave it: numeric style ids,
                              an almost empty styles.xml, headings typed (一、 （一）) in 黑体 or
                              bold, run-in headings, full-width spaces as indents
    python-docx               bazhong-xinzhi made with python3-docx (Title, Heading N styles,
                              run-in headings typed in bold)
    libreoffice               journal-article written as OpenDocument and converted to .docx by
                              LibreOffice (footnotes, tables with spans, lists, 着重号, links)
    libreoffice.doc           the same saved as Word 97 (.doc), for the legacy path
    form-filled, form-table-cover, form-only
                              the filled 结项申请书 (forms.py): cover, 声明, the change table,
                              the report after 最终成果 (or apart from it)
    edge-cases                hand-written WordprocessingML for what the tools cannot make:
                              tracked changes, comments, text boxes, fields (TOC, HYPERLINK,
                              check boxes), symbols, endnotes, merged cells, level jumps …
    plain                     paragraphs with no recognisable structure at all
  fixtures/NAME.intended.xml  what NAME should import as (the sample, less what the shape
                              cannot carry); the tests compare the import with it
  hostile/*                   packages that must be refused (zip bomb, escaping and external
                              relationships, entities, a truncated zip, a .doc named .docx …)
  bench/thirty-pages.docx     three samples in one (over 30 pages), for bench/docx_import_bench
  ../../engine/fuzz/docx-corpus/  seeds for the docx fuzzer

The zips are written with fixed timestamps, so running this again gives the
same files (LibreOffice's output aside).
"""

import copy
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SAMPLES = os.path.join(ROOT, "samples")
OUT = os.path.join(ROOT, "tests", "data", "docx")
FIXTURES = os.path.join(OUT, "fixtures")
HOSTILE = os.path.join(OUT, "hostile")
CORPUS = os.path.join(ROOT, "engine", "fuzz", "docx-corpus")
STAMP = (2025, 1, 1, 0, 0, 0)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

# ------------------------------------------------------------------ zips


def write_zip(path, parts, compress=zipfile.ZIP_DEFLATED):
    """parts: [(name, bytes or str)], written in order with a fixed time."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = compress
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def rezip(path):
    """Rewrites a zip made by another program with fixed timestamps."""
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    write_zip(path, parts)


# ------------------------------------------------------------------ text


def is_cjk(ch):
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F or \
        ch in "“”‘’—…·"


def norm(text):
    """White space as the XML reader leaves it: runs become one space, a line
    break between two CJK characters disappears."""
    def repl(m):
        a = m.string[m.start() - 1] if m.start() > 0 else ""
        b = m.string[m.end()] if m.end() < len(m.string) else ""
        if "\n" in m.group(0) and a and b and is_cjk(a) and is_cjk(b):
            return ""
        return " "
    return re.sub(r"[ \t\r\n]+", repl, text or "")


def cite_label(numbers):
    nums = sorted(set(numbers))
    parts, i = [], 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{nums[i]}-{nums[j]}")
        else:
            parts.extend(str(n) for n in nums[i:j + 1])
        i = j + 1
    return "[" + ",".join(parts) + "]"


ZH = "零一二三四五六七八九"


def zh(n):
    if n < 10:
        return ZH[n]
    if n < 20:
        return "十" + (ZH[n % 10] if n % 10 else "")
    return ZH[n // 10] + "十" + (ZH[n % 10] if n % 10 else "")


def heading_number(depth, n):
    return {1: f"{zh(n)}、", 2: f"（{zh(n)}）", 3: f"{n}.", 4: f"（{n}）"}[depth]


# ------------------------------------------------------------------ samples


class Sample:
    """A sample's outcome, with what every shape needs worked out once: the
    printed order of the references (cited first, in order of first
    citation), the citation labels, and each section's printed number."""

    def __init__(self, name, root=None):
        self.name = name
        self.root = root if root is not None else ET.parse(os.path.join(SAMPLES, name + ".xml")).getroot()
        self.outcome = self.root.find("outcome")
        refs = self.outcome.find("references")
        self.refs = list(refs) if refs is not None else []
        order = []
        for cite in self.outcome.iter("cite"):
            for r in cite.get("ref", "").split():
                if r not in order:
                    order.append(r)
        for r in self.refs:
            if r.get("id") not in order:
                order.append(r.get("id"))
        self.ref_number = {rid: i + 1 for i, rid in enumerate(order)}
        self.refs.sort(key=lambda r: self.ref_number[r.get("id")])
        self.numbers = {}
        counters = [0] * 6

        def walk(parent, depth):
            for el in parent:
                if el.tag != "section":
                    continue
                d = depth + 1
                if el.get("numbered", "yes") != "no":
                    counters[d] += 1
                    for k in range(d + 1, 6):
                        counters[k] = 0
                    self.numbers[el] = heading_number(d, counters[d])
                else:
                    self.numbers[el] = ""
                walk(el, d)
        walk(self.outcome.find("body"), 0)

    @classmethod
    def merged(cls, names):
        """One long outcome from several samples' bodies (their figures left
        out), for the speed benchmark: the first one's front matter, every
        body after another, the references of all (ids kept apart)."""
        root = ET.Element("report", {"template": "outcome", "version": "1"})
        outcome = None
        refs = ET.Element("references")
        for k, name in enumerate(names):
            o = copy.deepcopy(ET.parse(os.path.join(SAMPLES, name + ".xml")).getroot().find("outcome"))
            for cite in o.iter("cite"):
                cite.set("ref", " ".join(f"s{k}{r}" for r in cite.get("ref").split()))
            rs = o.find("references")
            if rs is not None:
                for r in rs:
                    r.set("id", f"s{k}{r.get('id')}")
                    refs.append(r)
                o.remove(rs)
            for parent in list(o.iter()):
                for el in list(parent):
                    if el.tag == "figure":
                        parent.remove(el)
            if outcome is None:
                outcome = o
                root.append(outcome)
            else:
                outcome.find("body").extend(list(o.find("body")))
        if len(refs):
            outcome.append(refs)
        return cls("+".join(names), root)

    def label(self, cite):
        return cite_label([self.ref_number[r] for r in cite.get("ref", "").split()])

    def intended(self, drop_footnotes=False, drop_figures=True, drop_numbered=True, quote_as_p=True):
        """The <report> the fixture should import as."""
        out = ET.Element("report", {"template": "outcome", "version": "1"})
        o = copy.deepcopy(self.outcome)
        out.append(o)
        renames = {r.get("id"): f"r{self.ref_number[r.get('id')]}" for r in self.refs}
        for cite in o.iter("cite"):
            cite.set("ref", " ".join(renames[r] for r in cite.get("ref").split()))
        refs = o.find("references")
        if refs is not None:
            items = sorted(list(refs), key=lambda r: int(renames[r.get("id")][1:]))
            for r in list(refs):
                refs.remove(r)
            for r in items:
                r.set("id", renames[r.get("id")])
                refs.append(r)
        for parent in list(o.iter()):
            for el in list(parent):
                if drop_figures and el.tag == "figure":
                    parent.remove(el)
                elif quote_as_p and el.tag == "quote":
                    el.tag = "p"
                elif drop_footnotes and el.tag == "fn":
                    remove_keep_tail(parent, el)
        if drop_numbered:
            for s in o.iter("section"):
                s.attrib.pop("numbered", None)
        return out


def remove_keep_tail(parent, el):
    idx = list(parent).index(el)
    tail = el.tail or ""
    if idx == 0:
        parent.text = (parent.text or "") + tail
    else:
        prev = parent[idx - 1]
        prev.tail = (prev.tail or "") + tail
    parent.remove(el)


def write_intended(name, report):
    ET.indent(report, "  ")
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(report, encoding="unicode") + "\n"
    with open(os.path.join(FIXTURES, name + ".intended.xml"), "w", encoding="utf-8") as f:
        f.write(text)


# ------------------------------------------------------------------ WordprocessingML


def t(text):
    """A w:t, its space kept."""
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


class Fmt:
    def __init__(self, bold=False, em=False, valign=None, font=None, size=None, rstyle=None):
        self.bold, self.em, self.valign, self.font, self.size, self.rstyle = bold, em, valign, font, size, rstyle

    def but(self, **kw):
        f = copy.copy(self)
        for k, v in kw.items():
            setattr(f, k, v)
        return f

    def rpr(self):
        x = ""
        if self.rstyle:
            x += f'<w:rStyle w:val="{self.rstyle}"/>'
        if self.font:
            x += f'<w:rFonts w:ascii="{self.font}" w:hAnsi="{self.font}" w:eastAsia="{self.font}"/>'
        if self.bold:
            x += "<w:b/><w:bCs/>"
        if self.size:
            x += f'<w:sz w:val="{self.size}"/><w:szCs w:val="{self.size}"/>'
        if self.valign:
            x += f'<w:vertAlign w:val="{self.valign}"/>'
        if self.em:
            x += '<w:em w:val="dot"/>'
        return f"<w:rPr>{x}</w:rPr>" if x else ""


def run(text, fmt=Fmt()):
    return f"<w:r>{fmt.rpr()}{t(text)}</w:r>" if text else ""


class Package:
    """A .docx being written by hand: the document's paragraphs, its
    footnotes, relationships and the parts around them."""

    def __init__(self, styles, numbering=None, cite_superscript=True, footnote_style=("a5", "a7")):
        self.body = []
        self.footnotes = []   # (id, paragraphs xml)
        self.endnotes = []
        self.rels = {"document": [], "footnotes": [], "endnotes": []}
        self.styles = styles
        self.numbering = numbering
        self.cite_superscript = cite_superscript
        self.fn_style, self.fn_ref_style = footnote_style
        self.extra_parts = []
        self.comments = None
        self.part = "document"

    def rel(self, type_, target, external=False, part=None):
        part = part or self.part
        rels = self.rels[part]
        rid = f"rId{len(rels) + 10}"
        rels.append((rid, REL + type_, target, external))
        return rid

    def runs(self, el, sample, fmt=Fmt()):
        """An inline element's content as runs."""
        out = [run(norm(el.text), fmt)]
        for c in el:
            if c.tag == "b":
                out += self.runs(c, sample, fmt.but(bold=True))
            elif c.tag == "em":
                out += self.runs(c, sample, fmt.but(em=True))
            elif c.tag == "sup":
                out += self.runs(c, sample, fmt.but(valign="superscript"))
            elif c.tag == "sub":
                out += self.runs(c, sample, fmt.but(valign="subscript"))
            elif c.tag == "br":
                out.append("<w:r><w:br/></w:r>")
            elif c.tag == "cite":
                label = sample.label(c)
                out.append(run(label, fmt.but(valign="superscript") if self.cite_superscript else fmt))
            elif c.tag == "a":
                rid = self.rel("hyperlink", c.get("href"), external=True)
                inner = "".join(self.runs(c, sample, fmt))
                out.append(f'<w:hyperlink r:id="{rid}" w:history="1">{inner}</w:hyperlink>')
            elif c.tag == "fn":
                out.append(self.footnote(c, sample))
            out.append(run(norm(c.tail), fmt))
        return out

    def footnote(self, fn, sample):
        n = len(self.footnotes) + 1
        saved, self.part = self.part, "footnotes"
        body = "".join(self.runs(fn, sample))
        self.part = saved
        # Word's own shape: the mark, a space, the text.
        p = (f'<w:p><w:pPr><w:pStyle w:val="{self.fn_style}"/></w:pPr>'
             f'<w:r><w:rPr><w:rStyle w:val="{self.fn_ref_style}"/></w:rPr><w:footnoteRef/></w:r>'
             f'{run(" ")}{body.lstrip()}</w:p>')
        self.footnotes.append((n, p))
        return f'<w:r><w:rPr><w:rStyle w:val="{self.fn_ref_style}"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>'

    def p(self, runs, style=None, align=None, num=None, ind=None, keep=False):
        ppr = ""
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if keep:
            ppr += "<w:keepNext/>"
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        if ind:
            ppr += ind
        if align:
            ppr += f'<w:jc w:val="{align}"/>'
        self.body.append(f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>")

    def table(self, el, sample, fmt=Fmt(), header_bold=False):
        """<table> as w:tbl: gridSpan across, vMerge down, tblHeader rows."""
        rows = el.findall("tr")
        grid = {}  # (row, col) → ("cell", el) | ("cont", el)
        for r, tr in enumerate(rows):
            c = 0
            for cell in tr:
                while (r, c) in grid:
                    c += 1
                cs, rs = int(cell.get("colspan", "1")), int(cell.get("rowspan", "1"))
                grid[(r, c)] = ("cell", cell, cs, rs)
                for dr in range(rs):
                    for dc in range(cs):
                        if (dr, dc) != (0, 0):
                            grid[(r + dr, c + dc)] = ("cont" if dc == 0 else "span", cell, cs, rs)
                c += cs
        ncols = max(c for (_, c) in grid) + 1
        x = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
             + "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                       for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
             + "</w:tblBorders></w:tblPr><w:tblGrid>"
             + "".join('<w:gridCol w:w="1400"/>' for _ in range(ncols)) + "</w:tblGrid>"]
        for r, tr in enumerate(rows):
            header = all(c.tag == "th" for c in tr)
            x.append("<w:tr>" + ("<w:trPr><w:tblHeader/></w:trPr>" if header else ""))
            for c in range(ncols):
                entry = grid.get((r, c))
                if not entry or entry[0] == "span":
                    continue
                kind, cell, cs, rs = entry
                tcpr = (f'<w:gridSpan w:val="{cs}"/>' if cs > 1 else "")
                if rs > 1:
                    tcpr += '<w:vMerge w:val="restart"/>' if kind == "cell" else "<w:vMerge/>"
                content = ""
                if kind == "cell":
                    f = fmt.but(bold=True) if (cell.tag == "th" and header_bold) else fmt
                    content = "".join(self.runs(cell, sample, f))
                x.append(f"<w:tc>{'<w:tcPr>' + tcpr + '</w:tcPr>' if tcpr else ''}<w:p>{content}</w:p></w:tc>")
            x.append("</w:tr>")
        x.append("</w:tbl>")
        self.body.append("".join(x))

    def parts(self, core_title=None):
        ns = (f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
              'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:v="urn:schemas-microsoft-com:vml" '
              'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
              'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14 wps"')
        decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        doc = (decl + f"<w:document {ns}><w:body>" + "".join(self.body) +
               '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
               'w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>')
        types = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
                 '<Default Extension="xml" ContentType="application/xml"/>',
                 '<Default Extension="png" ContentType="image/png"/>',
                 '<Default Extension="jpeg" ContentType="image/jpeg"/>',
                 '<Default Extension="emf" ContentType="image/x-emf"/>',
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/>',
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.styles+xml"/>']
        parts = []
        doc_rels = list(self.rels["document"])
        doc_rels.append(("rId1", REL + "styles", "styles.xml", False))
        parts.append(("word/styles.xml", decl + self.styles))
        if self.numbering:
            doc_rels.append(("rId2", REL + "numbering", "numbering.xml", False))
            parts.append(("word/numbering.xml", decl + self.numbering))
            types.append('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.numbering+xml"/>')
        for kind, notes, el in (("footnotes", self.footnotes, "footnote"), ("endnotes", self.endnotes, "endnote")):
            if not notes:
                continue
            doc_rels.append((f"rId{3 if kind == 'footnotes' else 4}", REL + kind, kind + ".xml", False))
            sep = (f'<w:{el} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{el}>'
                   f'<w:{el} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                   f'</w:p></w:{el}>')
            body = "".join(f'<w:{el} w:id="{n}">{p}</w:{el}>' for n, p in notes)
            parts.append((f"word/{kind}.xml", decl + f"<w:{kind} {ns}>" + sep + body + f"</w:{kind}>"))
            types.append(f'<Override PartName="/word/{kind}.xml" ContentType="application/vnd.openxmlformats-'
                         f'officedocument.wordprocessingml.{kind}+xml"/>')
            if self.rels[kind]:
                parts.append((f"word/_rels/{kind}.xml.rels", rels_xml(self.rels[kind])))
        if self.comments:
            doc_rels.append(("rId5", REL + "comments", "comments.xml", False))
            parts.append(("word/comments.xml", decl + f"<w:comments {ns}>{self.comments}</w:comments>"))
        for name, data, rel in self.extra_parts:
            parts.append((name, data))
            if rel:
                doc_rels.append(rel)
        core = ""
        if core_title:
            core = (decl + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
                    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                    f"<dc:title>{escape(core_title)}</dc:title></cp:coreProperties>")
            types.append('<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
                         'package.core-properties+xml"/>')
        pkg_rels = [("rId1", REL + "officeDocument", "word/document.xml", False)]
        if core:
            pkg_rels.append(("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                             "core-properties", "docProps/core.xml", False))
        head = [("[Content_Types].xml", decl + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'content-types">' + "".join(types) + "</Types>"),
                ("_rels/.rels", rels_xml(pkg_rels)),
                ("word/document.xml", doc),
                ("word/_rels/document.xml.rels", rels_xml(doc_rels))]
        if core:
            head.append(("docProps/core.xml", core))
        return head + parts


def rels_xml(rels):
    x = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    x += f'<Relationships xmlns="{PKG_REL}">'
    for rid, type_, target, external in rels:
        x += (f'<Relationship Id="{rid}" Type="{type_}" Target={quoteattr(target)}'
              + (' TargetMode="External"' if external else "") + "/>")
    return x + "</Relationships>"


def style(sid, name, kind="paragraph", based=None, ppr="", rpr="", default=False, link=None):
    return (f'<w:style w:type="{kind}"' + (' w:default="1"' if default else "") + f' w:styleId="{sid}">'
            f'<w:name w:val="{name}"/>' + (f'<w:basedOn w:val="{based}"/>' if based else "")
            + (f'<w:link w:val="{link}"/>' if link else "") + '<w:qFormat/>'
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "") + "</w:style>")


def styles_xml(styles, body_font="仿宋_GB2312", size=32):
    return (f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>'
            f'<w:rFonts w:ascii="Times New Roman" w:eastAsia="{body_font}" w:hAnsi="Times New Roman"/>'
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
            '</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>' + "".join(styles) + "</w:styles>")


def font(name):
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}"/>'


def abstract_num(aid, levels):
    x = f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
    for i, (fmt, text, pstyle) in enumerate(levels):
        x += (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
              + (f'<w:pStyle w:val="{pstyle}"/>' if pstyle else "")
              + f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/></w:lvl>')
    return x + "</w:abstractNum>"


def numbering_xml(abstracts, nums):
    return (f'<w:numbering xmlns:w="{W_NS}">' + "".join(abstracts)
            + "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="{a}"/></w:num>' for n, a in nums)
            + "</w:numbering>")


# ------------------------------------------------------------------ shape 1: Word, styles and numbering


def word_numbered(sample):
    """Chinese Word: style ids "a", "1", "2", "3", "a3"; headings numbered by a
    multilevel list linked to the heading styles; run-in headings are
    numbered paragraphs starting with bold words."""
    styles = styles_xml([
        style("a", "Normal", default=True, ppr='<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>'),
        style("1", "heading 1", based="a", ppr='<w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr>'
              '<w:outlineLvl w:val="0"/>', rpr=font("黑体")),
        style("2", "heading 2", based="a", ppr='<w:keepNext/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/>'
              '</w:numPr><w:outlineLvl w:val="1"/>', rpr=font("楷体_GB2312")),
        style("3", "heading 3", based="a", ppr='<w:keepNext/><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/>'
              '</w:numPr><w:outlineLvl w:val="2"/>', rpr="<w:b/>"),
        style("a3", "Title", based="a", ppr='<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>',
              rpr=font("方正小标宋简体") + '<w:sz w:val="44"/>'),
        style("a5", "footnote text", based="a", ppr='<w:ind w:firstLineChars="0" w:firstLine="0"/>',
              rpr='<w:sz w:val="24"/>'),
        style("a7", "footnote reference", kind="character", rpr='<w:vertAlign w:val="superscript"/>'),
        style("a9", "List Paragraph", based="a"),
    ])
    numbering = numbering_xml(
        [abstract_num(0, [("chineseCounting", "%1、", "1"), ("chineseCounting", "（%2）", "2"),
                          ("decimal", "%3.", "3"), ("decimal", "（%4）", None)]),
         abstract_num(1, [("decimal", "[%1]", None)]),
         abstract_num(2, [("bullet", "•", None)]),
         abstract_num(3, [("decimal", "%1.", None)])],
        [(1, 0), (2, 1), (3, 2), (4, 3)])
    pkg = Package(styles, numbering)
    o = sample.outcome
    pkg.p(pkg.runs(o.find("title"), sample), style="a3")
    add_front(pkg, sample, label_fmt=Fmt(bold=True))

    def blocks(parent, depth):
        for el in parent:
            if el.tag == "p":
                pkg.p(pkg.runs(el, sample))
            elif el.tag == "section":
                d = depth + 1
                h = el.find("h")
                rest = [c for c in el if c.tag != "h"]
                if el.get("run-in") == "yes" and rest and rest[0].tag == "p":
                    head = norm(h.text) + "。"
                    pkg.p([run(head, Fmt(bold=True))] + pkg.runs(rest[0], sample), num=(1, d - 1))
                    rest = rest[1:]
                else:
                    pkg.p(pkg.runs(h, sample), style=str(d))
                x = ET.Element("x")
                x.extend(rest)
                blocks(x, d)
            elif el.tag == "table":
                add_table(pkg, el, sample)
            elif el.tag in ("list",):
                num = 4 if el.get("type") == "ordered" else 3
                for item in el:
                    pkg.p(pkg.runs(item, sample), style="a9", num=(num, 0))
    blocks(o.find("body"), 0)
    add_references(pkg, sample, numbered=(2, 0))
    return pkg


def add_front(pkg, sample, label_fmt, wps=False):
    o = sample.outcome
    authors = o.find("authors")
    if authors is not None:
        roles = {}
        for a in authors:
            roles.setdefault(a.get("role", ""), []).append(a.text or "")
        for role, names in roles.items():
            pkg.p([run(f"{role}：{'、'.join(names)}", Fmt(font="楷体_GB2312") if wps else Fmt())], align="center")
    if o.find("abstract") is not None:
        label = "摘　要：" if wps else "摘要："
        pkg.p([run(label, label_fmt)] + pkg.runs(o.find("abstract"), sample))
    kw = o.find("keywords")
    if kw is not None:
        pkg.p([run("关键词：", label_fmt), run("；".join(k.text for k in kw))])


def add_table(pkg, el, sample, indent=None):
    cap = el.find("caption")
    if cap is not None:
        pkg.p(pkg.runs(cap, sample, Fmt(bold=True)), align="center")
    pkg.table(el, sample)
    note = el.find("note")
    if note is not None:
        pkg.p(pkg.runs(note, sample, Fmt(size=24)))


def add_references(pkg, sample, numbered=None, typed=False):
    if not sample.refs:
        return
    pkg.p([run("参考文献", Fmt(bold=True))])
    for i, r in enumerate(sample.refs, 1):
        runs = pkg.runs(r, sample)
        if typed:
            runs.insert(0, run(f"[{i}]"))
        pkg.p(runs, num=numbered)


# ------------------------------------------------------------------ shape 2: WPS, typed numbers


def wps_typed(sample):
    """WPS with hand formatting: numeric style ids and an almost empty
    styles.xml; headings typed with their numbers in 黑体 (一、), 楷体 (（一）)
    or bold (1.); run-in headings bold; indents typed as two U+3000."""
    styles = styles_xml([
        style("1", "Normal", default=True, ppr='<w:jc w:val="both"/>'),
        style("2", "footnote text", based="1", rpr='<w:sz w:val="18"/>'),
        style("3", "footnote reference", kind="character", rpr='<w:vertAlign w:val="superscript"/>'),
    ], body_font="仿宋")
    pkg = Package(styles, cite_superscript=False, footnote_style=("2", "3"))
    o = sample.outcome
    pkg.p(pkg.runs(o.find("title"), sample, Fmt(font="方正小标宋简体", size=44)), align="center")
    add_front(pkg, sample, label_fmt=Fmt(font="黑体"), wps=True)
    indent = "\u3000\u3000"
    faces = {1: Fmt(font="黑体"), 2: Fmt(font="楷体_GB2312"), 3: Fmt(bold=True), 4: Fmt(bold=True)}

    def blocks(parent, depth):
        for el in parent:
            if el.tag == "p":
                pkg.p([run(indent)] + pkg.runs(el, sample))
            elif el.tag == "section":
                d = depth + 1
                h = el.find("h")
                number = sample.numbers[el]
                rest = [c for c in el if c.tag != "h"]
                if el.get("run-in") == "yes" and rest and rest[0].tag == "p":
                    pkg.p([run(indent), run(number + norm(h.text) + "。", Fmt(bold=True))] + pkg.runs(rest[0], sample))
                    rest = rest[1:]
                else:
                    pkg.p([run(indent)] + [run(number)] + pkg.runs(h, sample, faces[d]))
                x = ET.Element("x")
                x.extend(rest)
                blocks(x, d)
            elif el.tag == "table":
                add_table(pkg, el, sample)
    blocks(o.find("body"), 0)
    add_references(pkg, sample, typed=True)
    return pkg


# ------------------------------------------------------------------ shape 3: python-docx


def python_docx(sample, path):
    import docx  # python3-docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    o = sample.outcome
    d.add_heading(norm(o.find("title").text), level=0)

    def add_runs(p, el, bold=False):
        if el.text:
            p.add_run(norm(el.text)).bold = bold or None
        for c in el:
            add_runs(p, c, bold or c.tag == "b")
            if c.tail:
                p.add_run(norm(c.tail)).bold = bold or None

    def blocks(parent, depth):
        for el in parent:
            if el.tag == "p":
                p = d.add_paragraph()
                p.paragraph_format.first_line_indent = Pt(32)
                add_runs(p, el)
            elif el.tag == "section":
                dd = depth + 1
                h = el.find("h")
                rest = [c for c in el if c.tag != "h"]
                if el.get("run-in") == "yes" and rest and rest[0].tag == "p":
                    p = d.add_paragraph()
                    p.add_run(sample.numbers[el] + norm(h.text) + "。").bold = True
                    add_runs(p, rest[0])
                    rest = rest[1:]
                else:
                    d.add_heading(norm(h.text), level=dd)
                x = ET.Element("x")
                x.extend(rest)
                blocks(x, dd)
    blocks(o.find("body"), 0)
    d.core_properties.title = ""
    d.save(path)
    rezip(path)


# ------------------------------------------------------------------ shape 4: LibreOffice


def fodt(sample):
    """The sample as a flat OpenDocument text, for LibreOffice to convert."""
    T = []
    auto = ['<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" '
            'style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>',
            '<style:style style:name="EM" style:family="text"><style:text-properties '
            'style:text-emphasize="dot below"/></style:style>',
            '<style:style style:name="SUP" style:family="text"><style:text-properties '
            'style:text-position="super 58%"/></style:style>',
            '<style:style style:name="SUB" style:family="text"><style:text-properties '
            'style:text-position="sub 58%"/></style:style>',
            '<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>'
            '<style:text-properties fo:font-size="22pt" style:font-size-asian="22pt"/></style:style>',
            '<style:style style:name="CB" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>'
            '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>',
            '<text:list-style style:name="LB"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
            '</text:list-style>',
            '<text:list-style style:name="LN"><text:list-level-style-number text:level="1" style:num-suffix="." '
            'style:num-format="1"/></text:list-style>']

    def inline(el, spans=()):
        out = escape(norm(el.text))
        for c in el:
            if c.tag in ("b", "em", "sup", "sub"):
                name = {"b": "B", "em": "EM", "sup": "SUP", "sub": "SUB"}[c.tag]
                out += f'<text:span text:style-name="{name}">{inline(c)}</text:span>'
            elif c.tag == "br":
                out += "<text:line-break/>"
            elif c.tag == "cite":
                out += f'<text:span text:style-name="SUP">{sample.label(c)}</text:span>'
            elif c.tag == "a":
                out += f'<text:a xlink:type="simple" xlink:href={quoteattr(c.get("href"))}>{inline(c)}</text:a>'
            elif c.tag == "fn":
                out += ('<text:note text:note-class="footnote"><text:note-citation>0</text:note-citation>'
                        f'<text:note-body><text:p>{inline(c)}</text:p></text:note-body></text:note>')
            out += escape(norm(c.tail))
        return out

    o = sample.outcome
    T.append(f'<text:p text:style-name="C">{inline(o.find("title"))}</text:p>')
    authors = o.find("authors")
    if authors is not None:
        roles = {}
        for a in authors:
            roles.setdefault(a.get("role", ""), []).append(a.text or "")
        for role, names in roles.items():
            T.append(f'<text:p text:style-name="CB">{escape(role)}：{escape("、".join(names))}</text:p>')
    if o.find("abstract") is not None:
        T.append(f'<text:p><text:span text:style-name="B">摘要：</text:span>{inline(o.find("abstract"))}</text:p>')
    kw = o.find("keywords")
    if kw is not None:
        T.append(f'<text:p><text:span text:style-name="B">关键词：</text:span>'
                 f'{escape("；".join(k.text for k in kw))}</text:p>')

    def table(el):
        cap = el.find("caption")
        if cap is not None:
            T.append(f'<text:p text:style-name="CB">{inline(cap)}</text:p>')
        rows = el.findall("tr")
        covered = set()
        ncols = 0
        for r, tr in enumerate(rows):
            c = 0
            for cell in tr:
                while (r, c) in covered:
                    c += 1
                cs, rs = int(cell.get("colspan", "1")), int(cell.get("rowspan", "1"))
                for dr in range(rs):
                    for dc in range(cs):
                        covered.add((r + dr, c + dc))
                c += cs
            ncols = max(ncols, c)
        x = [f'<table:table table:name="T{len(T)}"><table:table-column table:number-columns-repeated="{ncols}"/>']
        filled = {}
        in_header = False
        for r, tr in enumerate(rows):
            header = all(c.tag == "th" for c in tr)
            if header and not in_header and r == 0:
                x.append("<table:table-header-rows>")
                in_header = True
            if in_header and not header:
                x.append("</table:table-header-rows>")
                in_header = False
            x.append("<table:table-row>")
            c = 0
            cells = list(tr)
            while c < ncols:
                if (r, c) in filled:
                    x.append("<table:covered-table-cell/>")
                    c += 1
                    continue
                if not cells:
                    x.append('<table:table-cell office:value-type="string"><text:p/></table:table-cell>')
                    c += 1
                    continue
                cell = cells.pop(0)
                cs, rs = int(cell.get("colspan", "1")), int(cell.get("rowspan", "1"))
                attrs = (f' table:number-columns-spanned="{cs}"' if cs > 1 else "") + \
                        (f' table:number-rows-spanned="{rs}"' if rs > 1 else "")
                x.append(f'<table:table-cell office:value-type="string"{attrs}><text:p>{inline(cell)}</text:p>'
                         '</table:table-cell>')
                for dr in range(rs):
                    for dc in range(cs):
                        if (dr, dc) != (0, 0):
                            filled[(r + dr, c + dc)] = True
                c += 1
                for dc in range(1, cs):
                    x.append("<table:covered-table-cell/>")
                    c += 1
            x.append("</table:table-row>")
        if in_header:
            x.append("</table:table-header-rows>")
        x.append("</table:table>")
        T.append("".join(x))
        note = el.find("note")
        if note is not None:
            T.append(f"<text:p>{inline(note)}</text:p>")

    def blocks(parent, depth):
        for el in parent:
            if el.tag in ("p", "quote"):
                T.append(f"<text:p>{inline(el)}</text:p>")
            elif el.tag == "section":
                d = depth + 1
                h = el.find("h")
                rest = [c for c in el if c.tag != "h"]
                if el.get("run-in") == "yes" and rest and rest[0].tag == "p":
                    T.append(f'<text:p><text:span text:style-name="B">{sample.numbers[el]}{escape(norm(h.text))}。'
                             f"</text:span>{inline(rest[0])}</text:p>")
                    rest = rest[1:]
                else:
                    T.append(f'<text:h text:outline-level="{d}">{inline(h)}</text:h>')
                x = ET.Element("x")
                x.extend(rest)
                blocks(x, d)
            elif el.tag == "table":
                table(el)
            elif el.tag == "list":
                style = "LN" if el.get("type") == "ordered" else "LB"
                T.append(f'<text:list text:style-name="{style}">' +
                         "".join(f"<text:list-item><text:p>{inline(i)}</text:p></text:list-item>" for i in el) +
                         "</text:list>")
    blocks(o.find("body"), 0)
    if sample.refs:
        T.append('<text:p><text:span text:style-name="B">参考文献</text:span></text:p>')
        for i, r in enumerate(sample.refs, 1):
            T.append(f"<text:p>[{i}] {inline(r)}</text:p>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            f'<office:automatic-styles>{"".join(auto)}</office:automatic-styles>'
            f'<office:body><office:text>{"".join(T)}</office:text></office:body></office:document>')


def soffice(src, fmt, outdir):
    profile = tempfile.mkdtemp(prefix="banshi-fixtures-lo-")
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", outdir, src], check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


# ------------------------------------------------------------------ main


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    os.makedirs(HOSTILE, exist_ok=True)

    s119 = Sample("bz25yb119-jiexiang")
    write_zip(os.path.join(FIXTURES, "word-numbered.docx"), word_numbered(s119).parts())
    write_intended("word-numbered", s119.intended())

    s108 = Sample("bz25yb108-jiexiang")
    write_zip(os.path.join(FIXTURES, "wps-typed.docx"), wps_typed(s108).parts())
    write_intended("wps-typed", s108.intended())

    sx = Sample("bazhong-xinzhi-outcome")
    python_docx(sx, os.path.join(FIXTURES, "python-docx.docx"))
    write_intended("python-docx", sx.intended())

    sj = Sample("journal-article-outcome")
    if shutil.which("soffice"):
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "libreoffice.fodt")
            with open(src, "w", encoding="utf-8") as f:
                f.write(fodt(sj))
            soffice(src, "docx:MS Word 2007 XML", tmp)
            shutil.copy(os.path.join(tmp, "libreoffice.docx"), os.path.join(FIXTURES, "libreoffice.docx"))
            rezip(os.path.join(FIXTURES, "libreoffice.docx"))
            soffice(src, "doc:MS Word 97", tmp)
            shutil.copy(os.path.join(tmp, "libreoffice.doc"), os.path.join(FIXTURES, "libreoffice.doc"))
        write_intended("libreoffice", sj.intended())
    else:
        print("make_fixtures: soffice not installed; the LibreOffice fixtures are left as they are", file=sys.stderr)

    # The speed benchmark's report (bench/docx_import_bench.cpp): three
    # samples in one, over 30 pages, in Word's shape.
    long = Sample.merged(["bz25yb119-jiexiang", "bz25yb108-jiexiang", "journal-article-outcome"])
    write_zip(os.path.join(OUT, "bench", "thirty-pages.docx"), word_numbered(long).parts())

    import edge_cases  # the hand-written cases and the hostile packages
    edge_cases.make(sys.modules[__name__])
    import forms  # the filled 结项申请书
    forms.make(sys.modules[__name__])
    print("make_fixtures: written to", os.path.relpath(OUT, ROOT))


if __name__ == "__main__":
    main()
