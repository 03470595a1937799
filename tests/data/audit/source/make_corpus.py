#!/usr/bin/python3
"""Makes the audit corpus: tests/data/audit/corpus/*.pdf (and the .docx it
converts), one short 最终成果 (content.py) typeset by several programs and
then broken on purpose, one rule at a time. The PDFs are committed, so the
tests need none of these programs; run this again after changing the
content or to try a newer version of a program, then look at the pages
(pdftoppm -r 80 -png) and at `banshi audit`'s verdicts against
tests/data/audit/expected.txt.

    python3 tests/data/audit/source/make_corpus.py [build/banshi]

Needs: banshi (built), xelatex (texlive-xetex, texlive-lang-chinese),
weasyprint, soffice (libreoffice-writer-nogui), python3-fitz, fonttools.
"""

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import fitz

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import content as C  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
CORPUS = os.path.abspath(os.path.join(HERE, "..", "corpus"))
BANSHI = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "banshi"))
FANDOL = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
WORK = tempfile.mkdtemp(prefix="audit-corpus-")
MM = 72 / 25.4


def run(*args, env=None, cwd=None):
    p = subprocess.run(args, capture_output=True, env=env, cwd=cwd)
    if p.returncode != 0:
        raise SystemExit(f"{args[0]} failed ({p.returncode}):\n{p.stdout.decode()[-3000:]}\n{p.stderr.decode()[-3000:]}")
    return p


def notes(text, fn):
    """[[note]] → fn(note)."""
    return re.sub(r"\[\[(.*?)\]\]", lambda m: fn(m.group(1)), text)


# ---- banshi --------------------------------------------------------------

def report_xml(jiexiang=False):
    esc = html.escape
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<report template="{"jiexiang" if jiexiang else "outcome"}" version="1">']
    if jiexiang:
        out.append("""  <project>
    <id>BZ25YB201</id>
    <category>管理学</category>
    <title>巴中市乡村旅游高质量发展的路径研究</title>
    <leader>张明</leader>
    <organization>巴中市文化旅游研究所</organization>
    <filled>2025-07-15</filled>
  </project>
  <changes changed="no"/>""")
    out += ["  <outcome>", f"    <title>{esc(C.TITLE)}</title>", "    <authors>"]
    out.append('      <author role="课题负责人">张明</author>')
    out.append('      <author role="课题参与者">李华</author>')
    out.append('      <author role="课题参与者">王芳</author>')
    out += ["    </authors>", f"    <abstract>{esc(C.ABSTRACT)}</abstract>", "    <keywords>"]
    out += [f"<k>{esc(k)}</k>" for k in C.KEYWORDS.split("；")]
    out += ["    </keywords>", "    <body>"]
    fn = lambda t: f"<fn>{esc(t)}</fn>"  # noqa: E731
    open_levels = 0
    for block in C.BLOCKS:
        kind = block[0]
        if kind in ("h1", "h2"):
            level = 1 if kind == "h1" else 2
            while open_levels >= level:
                out.append("</section>")
                open_levels -= 1
            head = re.sub(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）", "", block[1])
            out.append(f"<section><h>{esc(head)}</h>")
            open_levels = level
        elif kind == "h3":
            head = re.sub(r"^\d+\.", "", block[1]).rstrip("。")
            out.append(f'<section run-in="yes"><h>{esc(head)}</h><p>{notes(esc(block[2]), fn)}</p></section>')
        elif kind == "p":
            out.append(f"<p>{notes(esc(block[1]), fn)}</p>")
        elif kind == "table":
            rows = "".join("<tr>" + "".join(f"<{'th' if i == 0 else 'td'}>{esc(c)}</{'th' if i == 0 else 'td'}>"
                                             for c in row) + "</tr>" for i, row in enumerate(block[2]))
            out.append(f"<table><caption>{esc(block[1])}</caption>{rows}</table>")
    while open_levels > 0:
        out.append("</section>")
        open_levels -= 1
    out += ["    </body>", "  </outcome>", "</report>"]
    return "\n".join(out) + "\n"


def data_dir(name, edit):
    """A copy of banshi's data with the outcome template changed by edit(text)."""
    d = os.path.join(WORK, "data-" + name)
    if not os.path.exists(d):
        shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(d, "templates"))
        shutil.copytree(os.path.join(ROOT, "fonts"), os.path.join(d, "fonts"))
        t = os.path.join(d, "templates", "outcome", "template.xml")
        with open(t, encoding="utf-8") as f:
            text = f.read()
        changed = edit(text)
        assert changed != text, "the template edit changed nothing"
        with open(t, "w", encoding="utf-8") as f:
            f.write(changed)
    return d


def banshi(xml, pdf, *extra, data=None):
    env = dict(os.environ)
    if data:
        env["BANSHI_DATA_DIR"] = data
    run(BANSHI, "render", xml, "-o", pdf, "-q", *extra, env=env)


def shift(src, dst, dx):
    """Every page's content moved dx points to the right."""
    s = fitz.open(src)
    d = fitz.open()
    for i, page in enumerate(s):
        p = d.new_page(width=page.rect.width, height=page.rect.height)
        p.show_pdf_page(page.rect + (dx, 0, dx, 0), s, i, clip=None, keep_proportion=False)
    d.save(dst, garbage=4, deflate=True)


def unembed(src, dst, family):
    """The font program of `family` removed from the file (its name and
    ToUnicode kept), as a producer that does not embed fonts writes it."""
    doc = fitz.open(src)
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "Type")[1] != "/FontDescriptor":
            continue
        if family not in doc.xref_get_key(xref, "FontName")[1]:
            continue
        for key in ("FontFile", "FontFile2", "FontFile3"):
            if doc.xref_get_key(xref, key)[0] != "null":
                doc.xref_set_key(xref, key, "null")
    doc.save(dst, garbage=4, deflate=True)


def two_up(src, dst, order):
    """A4 pages placed two to an A3 landscape sheet in `order` (a list of
    (left, right) 1-based page numbers, 0 for a blank half)."""
    s = fitz.open(src)
    d = fitz.open()
    w, h = s[0].rect.width, s[0].rect.height
    for left, right in order:
        p = d.new_page(width=2 * w, height=h)
        for k, n in enumerate((left, right)):
            if n:
                p.show_pdf_page(fitz.Rect(k * w, 0, (k + 1) * w, h), s, n - 1)
    d.save(dst, garbage=4, deflate=True)


def make_banshi():
    xml = os.path.join(WORK, "report.xml")
    with open(xml, "w", encoding="utf-8") as f:
        f.write(report_xml())
    jx = os.path.join(WORK, "report-jiexiang.xml")
    with open(jx, "w", encoding="utf-8") as f:
        f.write(report_xml(jiexiang=True))
    out = lambda name: os.path.join(CORPUS, name)  # noqa: E731

    good = out("banshi-good.pdf")
    banshi(xml, good)
    banshi(jx, out("banshi-jiexiang-a3.pdf"))
    a4 = os.path.join(WORK, "jiexiang-a4.pdf")
    banshi(jx, a4, "--impose", "none")
    count = fitz.open(a4).page_count
    n = count + (-count) % 4
    page = lambda i: i if i <= count else 0  # noqa: E731
    # Printed two-up in reading order: folded, the pages come out wrong.
    two_up(a4, out("banshi-jiexiang-a3-reading-order.pdf"), [(page(2 * k + 1), page(2 * k + 2)) for k in range(n // 2)])

    shift(good, out("banshi-margins-shifted.pdf"), 8 * MM)
    unembed(good, out("banshi-unembedded.pdf"), "FandolFang")
    banshi(xml, out("banshi-body-15pt.pdf"), data=data_dir("body-15pt",
        lambda t: t.replace('<style name="body" label="正文" face="fangsong" size="三号"',
                            '<style name="body" label="正文" face="fangsong" size="小三"')))
    banshi(xml, out("banshi-body-song.pdf"), data=data_dir("body-song",
        lambda t: t.replace('<style name="body" label="正文" face="fangsong"', '<style name="body" label="正文" face="song"')))
    banshi(xml, out("banshi-ragged.pdf"), data=data_dir("ragged",
        lambda t: t.replace('face="fangsong" size="三号" align="justify" first-indent="2em"/>\n  <style name="label"',
                            'face="fangsong" size="三号" align="left" first-indent="2em"/>\n  <style name="label"')))
    banshi(xml, out("banshi-heading3-regular.pdf"), data=data_dir("heading3-regular",
        lambda t: t.replace('<style name="heading3" label="三级标题" face="fangsong" bold="yes"',
                            '<style name="heading3" label="三级标题" face="fangsong" bold="no"')))
    # Page numbers without dashes, centred (the inset from the outer edge
    # is half the block less half a digit).
    banshi(xml, out("banshi-folio-centred.pdf"), data=data_dir("folio-centred",
        lambda t: t.replace('<folio format="— {n} —" face="song" size="四号" below="7mm" inset="1em"/>',
                            '<folio format="{n}" face="song" size="四号" below="7mm" inset="76.8mm"/>')))
    return good


# ---- XeLaTeX with ctex --------------------------------------------------------

TEX_PREAMBLE = r"""\documentclass[twoside,fontset=fandol,a4paper]{ctexart}
% GB/T 9704: the block 156 x 225 mm at 37 mm from the top, 28 mm from the
% binding edge; 22 lines (28.95 pt) and 28 characters (15.79 pt) at 16 pt.
\usepackage[a4paper,top=37mm,textheight=225mm,inner=28mm,textwidth=156mm,
  headheight=0pt,headsep=0pt,footskip=32.16bp,nomarginpar]{geometry}
\usepackage{fontspec}
\setmainfont{Liberation Serif}
\setCJKmainfont{FandolFang-Regular.otf}[AutoFakeBold=3]
\setCJKfamilyfont{xbs}{FandolSong-Bold.otf}
\setCJKfamilyfont{hei}{FandolHei-Regular.otf}
\setCJKfamilyfont{kai}{FandolKai-Regular.otf}
\setCJKfamilyfont{song}{FandolSong-Regular.otf}
\newfontfamily\foliodigits{FandolSong-Regular.otf}
% TeX's pt is 1/72.27 in; PDF's (and GB/T 9704's) point is bp.
\renewcommand\normalsize{\fontsize{16bp}{28.95bp}\selectfont}
\renewcommand\footnotesize{\fontsize{12bp}{18bp}\selectfont}
\renewcommand\scriptsize{\fontsize{9.6bp}{12bp}\selectfont}
\setlength{\topskip}{14.08bp}
\setlength{\parskip}{0pt}
\usepackage{fancyhdr}
\pagestyle{fancy}
\fancyhf{}
\renewcommand{\headrulewidth}{0pt}
% Page numbers: 4号 — N —, odd pages right less one character, even left.
\newcommand\folio{\fontsize{14bp}{14bp}\selectfont\CJKfamily{song}—\,{\foliodigits\thepage}\,—}
\fancyfoot[RO]{\folio\hspace*{14bp}}
\fancyfoot[LE]{\hspace*{14bp}\folio}
\newcommand\hone[1]{\par{\CJKfamily{hei}#1}\par\nopagebreak}
\newcommand\htwo[1]{\par{\CJKfamily{kai}#1}\par\nopagebreak}
\newcommand\hthree[1]{{\bfseries #1}}
\begin{document}
\linespread{1}\normalsize
% 28 characters in 156 mm: 0.22 bp less between Han characters (set after
% the font, which ctex would reset it with).
\xeCJKsetup{CJKglue={\hskip -0.22bp plus 0.08\baselineskip minus 0.01\baselineskip}}
\setlength{\parindent}{31.56bp}
"""


def report_tex(variant=""):
    esc = lambda t: t.replace("%", "\\%")  # noqa: E731
    fn = lambda t: "\\footnote{" + esc(t) + "}"  # noqa: E731
    preamble = TEX_PREAMBLE
    if variant == "endnotes":
        # The notes collected at the end, not on their markers' pages.
        preamble = preamble.replace("\\begin{document}", "\\usepackage{endnotes}\n\\let\\footnote=\\endnote\n"
                                    "\\renewcommand\\notesname{注释}\n\\begin{document}")
    if variant == "type3":
        # A word set in a METAFONT font: xdvipdfmx embeds its bitmaps as Type 3.
        fn = lambda t: "\\footnote{" + esc(t) + "（{\\font\\logo=logo10 \\logo METAFONT}）}"  # noqa: E731
    out = [preamble]
    out.append("{\\centering\\CJKfamily{xbs}\\fontsize{22bp}{28.95bp}\\selectfont " + C.TITLE + "\\par}")
    out.append("{\\centering\\CJKfamily{kai}" + C.AUTHORS + "\\par}")
    out.append("\\par{\\CJKfamily{hei}摘要：}" + esc(C.ABSTRACT) + "\\par")
    out.append("{\\CJKfamily{hei}关键词：}" + esc(C.KEYWORDS) + "\\par")
    for block in C.BLOCKS:
        kind = block[0]
        if kind == "h1":
            out.append("\\hone{" + block[1] + "}")
        elif kind == "h2":
            out.append("\\htwo{" + block[1] + "}")
        elif kind == "h3":
            out.append("\\hthree{" + block[1] + "}" + notes(esc(block[2]), fn) + "\\par")
        elif kind == "p":
            out.append(notes(esc(block[1]), fn) + "\\par")
        elif kind == "table":
            rows = block[2]
            body = " \\\\ \\hline\n".join(" & ".join(r) for r in rows)
            out.append("\\begin{center}{\\fontsize{14bp}{20bp}\\selectfont\\bfseries " + block[1] + "}\\\\[4pt]"
                       "{\\fontsize{14bp}{20bp}\\selectfont\\begin{tabular}{|c|c|c|}\\hline\n" + body +
                       " \\\\ \\hline\n\\end{tabular}}\\end{center}")
    if variant == "endnotes":
        out.append("\\theendnotes")
    out.append("\\end{document}\n")
    return "\n".join(out)


def make_xelatex():
    for variant, name in (("", "xelatex-good"), ("endnotes", "xelatex-endnotes"), ("type3", "xelatex-type3")):
        with open(os.path.join(WORK, name + ".tex"), "w", encoding="utf-8") as f:
            f.write(report_tex(variant))
        for _ in range(2):
            run("xelatex", "-interaction=nonstopmode", "-halt-on-error", name + ".tex", cwd=WORK)
        shutil.copy(os.path.join(WORK, name + ".pdf"), os.path.join(CORPUS, name + ".pdf"))


# ---- WeasyPrint ---------------------------------------------------------------

CSS = """
/* WeasyPrint names an embedded font by its CSS family: the fonts' own names. */
@font-face { font-family: FandolFang; src: url(file://FANDOL/FandolFang-Regular.otf); }
@font-face { font-family: FandolHei; src: url(file://FANDOL/FandolHei-Regular.otf); }
@font-face { font-family: FandolKai; src: url(file://FANDOL/FandolKai-Regular.otf); }
@font-face { font-family: FandolSong; src: url(file://FANDOL/FandolSong-Regular.otf); }
@font-face { font-family: FandolSong-Bold; src: url(file://FANDOL/FandolSong-Bold.otf); }
/* GB/T 9704: block 156 x 225 mm, 37 mm from the top, 28 mm from the
   binding edge (mirrored); page numbers 7 mm under it, one character in. */
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
  @footnote { border-top: 0.5pt solid black; padding-top: 6pt; }
}
@page :right {
  margin-left: 28mm; margin-right: 26mm;
  @bottom-right { content: "— " counter(page) " —"; font: 14pt/14pt FandolSong;
                  vertical-align: top; padding-top: 7.6mm; padding-right: 14pt; }
}
@page :left {
  margin-left: 26mm; margin-right: 28mm;
  @bottom-left { content: "— " counter(page) " —"; font: 14pt/14pt FandolSong;
                 vertical-align: top; padding-top: 7.6mm; padding-left: 14pt; }
}
html { font-family: FandolFang; font-size: 16pt; line-height: 28.95pt; }
body { margin: 0; }
p, h1, h2, .title, .authors { margin: 0; font-size: 16pt; font-weight: normal; }
p.title, p.authors { text-indent: 0; letter-spacing: 0; }
p { text-align: justify; text-indent: 31.6pt; letter-spacing: -0.22pt; }
h1 { font-family: FandolHei; text-indent: 31.6pt; }
h2 { font-family: FandolKai; text-indent: 31.6pt; }
b { font-weight: bold; }
.label { font-family: FandolHei; }
.title { font-family: FandolSong-Bold; font-size: 22pt; text-align: center; }
.authors { font-family: FandolKai; text-align: center; }
.fn { float: footnote; font-size: 12pt; line-height: 18pt; text-indent: 0; letter-spacing: 0; }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 9.6pt; line-height: 0; }
::footnote-marker { content: counter(footnote) " "; font-size: 9.6pt; vertical-align: super; }
table { border-collapse: collapse; margin: 8pt auto; font-size: 14pt; line-height: 20pt; }
td, th { border: 0.5pt solid black; padding: 0 8pt; font-weight: normal; }
caption { font-size: 14pt; font-weight: bold; }
"""


def report_html():
    esc = html.escape
    fn = lambda t: f'<span class="fn">{esc(t)}</span>'  # noqa: E731
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>' +
           CSS.replace("FANDOL", FANDOL) + "</style></head><body>"]
    out.append(f'<p class="title">{esc(C.TITLE)}</p><p class="authors">{esc(C.AUTHORS)}</p>')
    out.append(f'<p><span class="label">摘要：</span>{esc(C.ABSTRACT)}</p>')
    out.append(f'<p><span class="label">关键词：</span>{esc(C.KEYWORDS)}</p>')
    for block in C.BLOCKS:
        kind = block[0]
        if kind in ("h1", "h2"):
            out.append(f"<{kind}>{esc(block[1])}</{kind}>")
        elif kind == "h3":
            out.append(f"<p><b>{esc(block[1])}</b>{notes(esc(block[2]), fn)}</p>")
        elif kind == "p":
            out.append(f"<p>{notes(esc(block[1]), fn)}</p>")
        elif kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in block[2])
            out.append(f"<table><caption>{esc(block[1])}</caption>{rows}</table>")
    out.append("</body></html>\n")
    return "".join(out)


def make_weasyprint():
    src = os.path.join(WORK, "report.html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(report_html())
    run("weasyprint", src, os.path.join(CORPUS, "weasyprint.pdf"))


# ---- LibreOffice from a .docx written by hand ----------------------------------
#
# WordprocessingML as Word writes it (styles, sections, footers, footnotes,
# the document grid), converted by LibreOffice as an applicant without
# Word would: `soffice --convert-to pdf`.

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def run_props(font=None, size=None, bold=False, sup=False, tracking=0):
    props = ""
    if font:
        props += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
    if bold:
        props += "<w:b/>"
    if tracking:
        props += f'<w:spacing w:val="{tracking}"/>'
    if size:
        props += f'<w:sz w:val="{int(size * 2)}"/>'
    if sup:
        props += '<w:vertAlign w:val="superscript"/>'
    return f"<w:rPr>{props}</w:rPr>"


def run_xml(text, font=None, size=None, bold=False, sup=False, tracking=0):
    return f'<w:r>{run_props(font, size, bold, sup, tracking)}<w:t xml:space="preserve">{html.escape(text)}</w:t></w:r>'


def para_xml(runs, jc="both", first_chars=200, style=None, grid=True, overflow=""):
    # In the schema's order: pStyle, overflowPunct, snapToGrid, ind, jc.
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    ppr += overflow
    if not grid:
        ppr += '<w:snapToGrid w:val="0"/>'
    if first_chars:
        # Two characters: in characters for Word, in twips for LibreOffice.
        ppr += f'<w:ind w:firstLineChars="{first_chars}" w:firstLine="632"/>'
    ppr += f'<w:jc w:val="{jc}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def docx(path, v):
    """A .docx of the corpus text. v: the settings of the Word file (fonts,
    sizes, grid, margins, spacing, page numbers)."""
    notes_xml = []

    def with_notes(text, font):
        parts = re.split(r"\[\[(.*?)\]\]", text)
        out = ""
        for i, part in enumerate(parts):
            if i % 2 == 0:
                out += run_xml(part, font, tracking=v["tracking"])
            else:
                n = len(notes_xml) + 1
                kind = v.get("notes", "footnote")
                notes_xml.append(f'<w:{kind} w:id="{n}"><w:p><w:pPr><w:jc w:val="both"/></w:pPr>'
                                 f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
                                 f'{run_xml(" " + part, v["body"], v["note_size"])}</w:p></w:{kind}>')
                out += f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{n}"/></w:r>'
        return out

    # The title on one line of the grid (snapped, a 22 pt line would take two).
    body = [para_xml(run_xml(C.TITLE, v["title"], 22, bold=v["title_bold"]), jc="center", first_chars=0, grid=False)]
    body.append(para_xml(run_xml(C.AUTHORS, v["kai"]), jc="center", first_chars=0))
    t = v["tracking"]
    o = v["overflow"]
    body.append(para_xml(run_xml("摘要：", v["hei"], tracking=t) + run_xml(C.ABSTRACT, v["body"], tracking=t), overflow=o))
    body.append(para_xml(run_xml("关键词：", v["hei"], tracking=t) + run_xml(C.KEYWORDS, v["body"], tracking=t),
                         overflow=o))
    for block in C.BLOCKS:
        kind = block[0]
        if kind == "h1":
            body.append(para_xml(run_xml(block[1], v["hei"], bold=v["heading_bold"]), jc="left", style="1"))
        elif kind == "h2":
            body.append(para_xml(run_xml(block[1], v["kai"], bold=v["heading_bold"]), jc="left", style="2"))
        elif kind == "h3":
            body.append(para_xml(run_xml(block[1], v.get("h3", v["body"]), bold=True, tracking=t) + with_notes(block[2], v["body"]),
                                 overflow=o))
        elif kind == "p":
            body.append(para_xml(with_notes(block[1], v["body"]), overflow=o, jc=v.get("body_align", "both")))
        elif kind == "table":
            body.append(para_xml(run_xml(block[1], v["body"], 14, bold=True), jc="center", first_chars=0))
            rows = "".join(
                "<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>'
                                   f'{para_xml(run_xml(c, v["body"], 14), jc="center", first_chars=0)}</w:tc>'
                                   for c in row) + "</w:tr>" for row in block[2])
            border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            borders = "".join(border.format(b) for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
            body.append(f'<w:tbl><w:tblPr><w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
                        f'<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>'
                        f"{rows}</w:tbl>")
    grid = (f'<w:docGrid w:type="lines" w:linePitch="{v["line_pitch"]}"/>'
            if v["grid"] else '<w:docGrid w:linePitch="312"/>')
    m = v["margins"]  # twips: top, bottom, inside/left, outside/right, footer
    sect = (f'<w:sectPr><w:footerReference w:type="default" r:id="rFooterOdd"/>'
            f'<w:footerReference w:type="even" r:id="rFooterEven"/>'
            f'<w:pgSz w:w="11906" w:h="16838"/>'
            f'<w:pgMar w:top="{m[0]}" w:bottom="{m[1]}" w:left="{m[2]}" w:right="{m[3]}" w:header="851" '
            f'w:footer="{m[4]}" w:gutter="0"/>{grid}</w:sectPr>')
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>' + \
        "".join(body) + sect + "</w:body></w:document>"

    spacing = (f'<w:spacing w:line="{v["line"]}" w:lineRule="{v["line_rule"]}" w:before="0" w:after="0"/>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>'
              f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{v["latin"]}" w:hAnsi="{v["latin"]}" '
              f'w:eastAsia="{v["body"]}"/><w:sz w:val="{v["size"] * 2}"/><w:szCs w:val="{v["size"] * 2}"/>'
              f'<w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
              f'<w:pPrDefault><w:pPr>{v["overflow"]}{spacing}</w:pPr></w:pPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
              '<w:pPr><w:widowControl w:val="0"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
              '<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/><w:ind w:firstLineChars="200"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>'
              '<w:pPr><w:keepNext/><w:outlineLvl w:val="1"/><w:ind w:firstLineChars="200"/></w:pPr></w:style>'
              "</w:styles>")
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {W}>'
                + ("<w:mirrorMargins/>" if v["mirror"] else "")
                + ("<w:evenAndOddHeaders/>" if v["folio_outside"] else "")
                + '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
                '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
                'w:val="15"/></w:compat></w:settings>')

    fp = run_props(v["folio_font"], v["folio_size"])

    def footer(jc, ind):
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W}><w:p><w:pPr><w:jc w:val="{jc}"/>'
                f'{ind}<w:spacing w:line="240" w:lineRule="auto"/></w:pPr>'
                f'{run_xml(v["folio_left"], v["folio_font"], v["folio_size"])}'
                f'<w:r>{fp}<w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r>{fp}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                f'<w:r>{fp}<w:fldChar w:fldCharType="separate"/></w:r>'
                f'<w:r>{fp}<w:t>1</w:t></w:r>'
                f'<w:r>{fp}<w:fldChar w:fldCharType="end"/></w:r>'
                f'{run_xml(v["folio_right"], v["folio_font"], v["folio_size"])}</w:p></w:ftr>')

    odd = footer(*v["folio_odd"])
    even = footer(*v["folio_even"])
    kind = v.get("notes", "footnote")
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s {W}>'
                 f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
                 f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                 f'</w:p></w:{kind}>' + "".join(notes_xml) + f"</w:{kind}s>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            f'<Relationship Id="rNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}s" Target="{kind}s.xml"/>'
            '<Relationship Id="rFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            '<Relationship Id="rFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>'
            "</Relationships>")
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
             '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
             f'<Override PartName="/word/{kind}s.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"/>'
             '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
             '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
             "</Types>")
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rDoc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        # Fixed dates: the same content makes the same file.
        for name, data in (("[Content_Types].xml", types), ("_rels/.rels", root_rels),
                           ("word/document.xml", document), ("word/styles.xml", styles),
                           ("word/settings.xml", settings), (f"word/{kind}s.xml", footnotes),
                           ("word/footer1.xml", odd), ("word/footer2.xml", even),
                           ("word/_rels/document.xml.rels", rels)):
            info = zipfile.ZipInfo(name, date_time=(2025, 7, 15, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


# A GB/T 9704 set-up done right: 仿宋 三号, 22 lines x 28 characters on the
# document grid, mirrored margins 37/28/26 mm, — N — in 四号 宋体 at the
# outside edges.
WORD_GOOD = dict(body="FandolFang", hei="FandolHei", kai="FandolKai", title="Noto Serif CJK SC", title_bold=True,
                 heading_bold=False, latin="Liberation Serif", size=16, note_size=12, tracking=-4,
                 overflow='<w:overflowPunct w:val="0"/>',
                 grid=True, line_pitch=579, char_space=0, line=579, line_rule="exact",
                 margins=(2098, 1985, 1588, 1474, 1267), mirror=True, folio_outside=True,
                 folio_font="FandolSong", folio_size=14, folio_left="— ", folio_right=" —",
                 folio_odd=("right", '<w:ind w:right="280"/>'), folio_even=("left", '<w:ind w:left="280"/>'))

# As a Word user often leaves it: the default margins (2.54/3.18 cm), 1.5
# line spacing, no character grid, the page number centred in Times New
# Roman 五号, headings made bold.
WORD_TYPICAL = dict(WORD_GOOD, heading_bold=True, grid=False, tracking=0, overflow="", line=360, line_rule="auto",
                    margins=(1440, 1440, 1800, 1800, 992), mirror=False, folio_outside=False,
                    folio_font="Liberation Serif", folio_size=10.5, folio_left="", folio_right="",
                    folio_odd=("center", ""), folio_even=("center", ""))


def fontconfig_with_fandol():
    """A fontconfig setup that also sees the TeX Live Fandol fonts."""
    conf = os.path.join(WORK, "fonts.conf")
    with open(conf, "w") as f:
        f.write(f'<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                f"<dir>{FANDOL}</dir><cachedir>{WORK}/fc-cache</cachedir></fontconfig>")
    env = dict(os.environ, FONTCONFIG_FILE=conf, HOME=WORK)
    return env


def make_libreoffice():
    env = fontconfig_with_fandol()
    for name, v in (("libreoffice-docx-gbt9704", WORD_GOOD), ("libreoffice-docx-word-defaults", WORD_TYPICAL)):
        src = os.path.join(CORPUS, name + ".docx")
        docx(src, v)
        run("soffice", f"-env:UserInstallation=file://{WORK}/lo-profile", "--headless", "--convert-to", "pdf",
            "--outdir", CORPUS, src, env=env)
    # Word files broken one rule at a time, for `banshi audit FILE.docx`.
    docx(os.path.join(CORPUS, "docx-body-song.docx"), dict(WORD_GOOD, body="AR PL SungtiL GB", h3="FandolFang"))
    docx(os.path.join(CORPUS, "docx-left-aligned.docx"), dict(WORD_GOOD, body_align="left"))
    docx(os.path.join(CORPUS, "docx-endnotes.docx"), dict(WORD_GOOD, notes="endnote"))
    docx(os.path.join(CORPUS, "docx-margins-word.docx"), dict(WORD_GOOD, margins=(1440, 1440, 1800, 1800, 1267)))


# ---- files that cannot be audited ------------------------------------------

def make_unreadable(good):
    out = lambda name: os.path.join(CORPUS, name)  # noqa: E731
    with open(good, "rb") as f:
        data = f.read()
    # Damaged: cut short in the middle of the page contents, the rest lost.
    with open(out("unreadable-damaged.pdf"), "wb") as f:
        f.write(data[: len(data) // 3])
    doc = fitz.open(good)
    doc.save(out("unreadable-encrypted.pdf"), encryption=fitz.PDF_ENCRYPT_AES_256, user_pw="secret",
             owner_pw="owner", garbage=4, deflate=True)
    with open(out("unreadable-not-a-pdf.pdf"), "w", encoding="utf-8") as f:
        f.write("这不是 PDF 文件，只是改了扩展名的文本。\n")
    open(out("unreadable-empty.pdf"), "wb").close()


if __name__ == "__main__":
    os.makedirs(CORPUS, exist_ok=True)
    good = make_banshi()
    make_xelatex()
    make_weasyprint()
    make_libreoffice()
    make_unreadable(good)
    print("corpus written to", CORPUS, "(work files in", WORK + ")")
