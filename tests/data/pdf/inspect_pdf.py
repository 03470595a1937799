"""Dumps what the PDF writer tests check, one tab-separated record a line:
   meta <key> <value>          document info
   toc <level> <title> <page> <top>   bookmarks (page 1-based, top in pt from the top)
   label <page> <label>        page labels
   link <page> <uri> <x0> <y0> <x1> <y1> <border>
   char <page> <text> <x> <y> <font> <size>   glyph origins, y down from the top
Run with Debian's python3 (PyMuPDF as fitz): python3 inspect_pdf.py file.pdf"""
import sys

import fitz


def out(*fields):
    print("\t".join(str(f) for f in fields))


doc = fitz.open(sys.argv[1])
for key in ("title", "author", "subject", "keywords", "creator", "producer", "creationDate", "modDate"):
    out("meta", key, doc.metadata.get(key) or "")
for level, title, page, dest in doc.get_toc(simple=False):
    top = dest.get("to").y if dest.get("to") is not None else ""
    out("toc", level, title, page, top)
for i, page in enumerate(doc):
    out("label", i, page.get_label())
    for link in page.get_links():
        r = link["from"]
        border = doc.xref_get_key(link["xref"], "Border")[1] if link.get("xref") else ""
        out("link", i, link.get("uri", ""), r.x0, r.y0, r.x1, r.y1, border)
    raw = page.get_text("rawdict")
    for block in raw["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for ch in span["chars"]:
                    out("char", i, ch["c"], ch["origin"][0], ch["origin"][1], span["font"], span["size"])
