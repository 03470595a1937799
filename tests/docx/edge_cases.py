"""The hand-written part of make_fixtures.py: WordprocessingML no tool here
writes on request (tracked changes, comments, text boxes, fields, symbols,
endnotes, merged cells, level jumps …), a document without structure, the
hostile packages, and the fuzzer's seeds."""

import os
import shutil
import struct
import zipfile
import zlib


def make(mf):
    edge_cases(mf)
    plain(mf)
    hostile(mf)
    corpus(mf)


def intended(mf, name, text):
    with open(os.path.join(mf.FIXTURES, name + ".intended.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + text.strip() + "\n")


# ------------------------------------------------------------------ edge cases


def edge_styles(mf):
    s = mf.style
    return mf.styles_xml([
        s("a", "Normal", default=True),
        # Headings known by their Chinese names and WPS-like numeric ids.
        s("10", "标题 1", based="a", ppr='<w:outlineLvl w:val="0"/>', rpr=mf.font("黑体")),
        s("20", "标题 2", based="a", ppr='<w:outlineLvl w:val="1"/>', rpr=mf.font("楷体")),
        s("30", "标题 3", based="a", ppr='<w:outlineLvl w:val="2"/>', rpr="<w:b/>"),
        # A custom style derived from heading 2: its outline level comes
        # through the basedOn chain.
        s("31", "我的小标题", based="20"),
        s("40", "标题", based="a", ppr='<w:jc w:val="center"/>', rpr='<w:sz w:val="44"/>'),
        s("50", "toc 1", based="a"),
        s("60", "footnote text", based="a"),
        s("61", "footnote reference", kind="character", rpr='<w:vertAlign w:val="superscript"/>'),
        s("70", "endnote reference", kind="character", rpr='<w:vertAlign w:val="superscript"/>'),
        # A basedOn loop, which must not hang the reader.
        s("80", "loop a", based="81"),
        s("81", "loop b", based="80"),
    ])


def edge_cases(mf):
    r, t, p_ = mf.run, mf.t, None
    pkg = mf.Package(edge_styles(mf), footnote_style=("60", "61"))
    B = pkg.body.append

    def P(inner, ppr=""):
        B(f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{inner}</w:p>")

    P(r("Word 导入的边界情况"), '<w:pStyle w:val="40"/>')
    P(r("课题负责人：王晓岚"), '<w:jc w:val="center"/>')
    # A generated table of contents: its heading and the TOC field's
    # paragraphs go.
    P(r("目　录"), '<w:jc w:val="center"/>')
    P('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u '
      '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("一、修订与批注") +
      '<w:r><w:tab/></w:r>' + r("1"), '<w:pStyle w:val="50"/>')
    P(r("二、字段与符号") + '<w:r><w:tab/></w:r>' + r("2") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      '<w:pStyle w:val="50"/>')

    # Heading 1 by its Chinese style name, with a typed number the
    # template replaces.
    P(r("一、修订与批注"), '<w:pStyle w:val="10"/>')
    # Tracked changes: insertions kept, deletions dropped; comments, hidden
    # text, bookmarks, proofing marks and content controls print nothing of
    # their own.
    P(r("　　修订后") +
      '<w:ins w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z">' + r("保留插入的文字") + "</w:ins>" +
      '<w:del w:id="2" w:author="a" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>'
      '<w:commentRangeStart w:id="0"/>' + r("，批注不印") + '<w:commentRangeEnd w:id="0"/>'
      '<w:r><w:commentReference w:id="0"/></w:r>'
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>'
      '<w:bookmarkStart w:id="0" w:name="x"/><w:proofErr w:type="spellStart"/>' + r("，书签") +
      '<w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/>'
      '<w:sdt><w:sdtPr><w:alias w:val="c"/></w:sdtPr><w:sdtContent>' + r("，内容控件") + "</w:sdtContent></w:sdt>"
      '<w:smartTag w:uri="u" w:element="e">' + r("与智能标记") + "</w:smartTag>" +
      '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走的文字</w:t></w:r></w:moveFrom>' +
      '<w:moveTo w:id="4" w:author="a">' + r("都保留。") + "</w:moveTo>")
    # A paragraph with a page break, and English words in runs split at a
    # space run of their own (tinyxml2 would drop a blank-only text node).
    P(r("English words") + r(" ") + r("stay apart.") + '<w:r><w:br w:type="page"/></w:r>')
    # A level jump: heading 3 right after heading 1.
    P(r("跳级的标题"), '<w:pStyle w:val="30"/>')
    P(r("正文。"))

    # Heading 1 from the paragraph's own outline level.
    P(r("二、字段与符号"), '<w:outlineLvl w:val="0"/>')
    # Heading 2 through a custom style based on heading 2, whose typed
    # number is a level-3 number: a warning.
    P(r("1.派生样式的标题"), '<w:pStyle w:val="31"/>')
    P(r("链接：") +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
      '"https://www.cnbz.gov.cn/" \\o "tip" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      r("巴中市人民政府") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      r("；复选框") +
      '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/><w:default w:val="1"/>'
      '</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX '
      '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      r("是") + '<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>' + r("否") +
      '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>\uf0fe</w:t></w:r>' +
      r("；着重") + '<w:r><w:rPr><w:em w:val="dot"/></w:rPr><w:t>号</w:t></w:r>' +
      r("，上标") + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>' +
      r("与页码") + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>' +
      r("，换行") + "<w:r><w:br/></w:r>" + r("之后。"))
    # A text box (DrawingML with its VML fallback: the text is read once),
    # anchored in a paragraph of its own.
    txbx = ('<w:txbxContent><w:p>' + r("文本框中的文字。") + "</w:p></w:txbxContent>")
    P(r("图文框锚点。") +
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" '
      'distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
      '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
      '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
      '<wp:extent cx="1828800" cy="457200"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/>'
      '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
      '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>' + txbx + '</wps:txbx><wps:bodyPr/></wps:wsp>'
      '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
      '<v:shape id="tb1" style="width:144pt;height:36pt"><v:textbox>' + txbx + "</v:textbox></v:shape>"
      "</w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    # An endnote, printed as a footnote; an equation, as plain text.
    P(r("尾注在此") + '<w:r><w:rPr><w:rStyle w:val="70"/></w:rPr><w:endnoteReference w:id="1"/></w:r>' +
      r("，公式") + '<m:oMath><m:r><m:t>x+y=1</m:t></m:r></m:oMath>' + r("。"))
    pkg.endnotes.append((1, '<w:p><w:r><w:endnoteRef/></w:r>' + r(" 尾注的文字。") + "</w:p>"))
    # A link whose address holds a space: report XML cannot take it as a
    # link, so it prints as text (a warning).
    rid = pkg.rel("hyperlink", "https://www.example.com/a b", external=True)
    P(r("坏链接：") + f'<w:hyperlink r:id="{rid}">' + r("带空格的地址") + "</w:hyperlink>")
    # A paragraph in a style whose basedOn chain loops.
    P(r("样式循环也能读。"), '<w:pStyle w:val="80"/>')

    # A table: header row, a cell spanning two columns, one spanning two
    # rows, the old horizontal merge; its caption below it (表 1 with a
    # space), and notes under that.
    def tc(text, pr=""):
        return f"<w:tc>{'<w:tcPr>' + pr + '</w:tcPr>' if pr else ''}<w:p>{r(text) if text else ''}</w:p></w:tc>"
    B('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/>'
      '<w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>'
      '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + tc("地区") + tc("指标", '<w:gridSpan w:val="2"/>') + "</w:tr>"
      "<w:tr>" + tc("巴州", '<w:vMerge w:val="restart"/>') + tc("1") + tc("2") + "</w:tr>"
      "<w:tr>" + tc("", "<w:vMerge/>") + tc("3") + tc("4") + "</w:tr>"
      "<w:tr>" + tc("恩阳", '<w:hMerge w:val="restart"/>') + tc("", "<w:hMerge/>") + tc("5") + "</w:tr>"
      "</w:tbl>")
    P(r("表 1　边界表格"), '<w:jc w:val="center"/>')
    P(r("注：合并单元格。"))
    P(r("资料来源：虚构。"))

    # 参考文献 under a typed number, its entries typed with their numbers;
    # citations full-width and superscript in the text before it.
    P(r("三、引用"), '<w:pStyle w:val="10"/>')
    P(r("全角引用［1］与上标引用") + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>[2]</w:t></w:r>' +
      r("，以及不是引用的[9]。"))
    P(r("四、参考文献"), '<w:pStyle w:val="10"/>')
    P(r("［1］王一. 第一本书[M]. 成都: 四川人民出版社, 2020."))
    P(r("2. 李二. 第二篇文章[J]. 学报, 2021(1): 1-9."))

    mf.write_zip(os.path.join(mf.FIXTURES, "edge-cases.docx"), pkg.parts())
    intended(mf, "edge-cases", """
<report template="outcome" version="1">
  <outcome>
    <title>Word 导入的边界情况</title>
    <authors>
      <author role="课题负责人">王晓岚</author>
    </authors>
    <body>
      <section>
        <h>修订与批注</h>
        <p>修订后保留插入的文字，批注不印，书签，内容控件与智能标记都保留。</p>
        <p>English words stay apart.</p>
        <section>
          <h>跳级的标题</h>
          <p>正文。</p>
        </section>
      </section>
      <section>
        <h>字段与符号</h>
        <section>
          <h>派生样式的标题</h>
          <p>链接：<a href="https://www.cnbz.gov.cn/">巴中市人民政府</a>；复选框☑是□否☑；着重<em>号</em>，上标<sup>2</sup>与页码3，换行<br/>之后。</p>
          <p>图文框锚点。</p>
          <p>文本框中的文字。</p>
          <p>尾注在此<fn>尾注的文字。</fn>，公式x+y=1。</p>
          <p>坏链接：带空格的地址</p>
          <p>样式循环也能读。</p>
          <table>
            <caption>表1　边界表格</caption>
            <tr><th>地区</th><th colspan="2">指标</th></tr>
            <tr><td rowspan="2">巴州</td><td>1</td><td>2</td></tr>
            <tr><td>3</td><td>4</td></tr>
            <tr><td colspan="2">恩阳</td><td>5</td></tr>
            <note>注：合并单元格。<br/>资料来源：虚构。</note>
          </table>
        </section>
      </section>
      <section>
        <h>引用</h>
        <p>全角引用<cite ref="r1"/>与上标引用<cite ref="r2"/>，以及不是引用的[9]。</p>
      </section>
    </body>
    <references>
      <ref id="r1">王一. 第一本书[M]. 成都: 四川人民出版社, 2020.</ref>
      <ref id="r2">李二. 第二篇文章[J]. 学报, 2021(1): 1-9.</ref>
    </references>
  </outcome>
</report>
""")


def plain(mf):
    """No title formatting, no headings, nothing: plain paragraphs."""
    pkg = mf.Package(mf.styles_xml([mf.style("a", "Normal", default=True)]))
    for text in ("这是一份没有任何格式的文档，第一段很长，不像标题，因为它是一个完整的句子，而且以句号结束。",
                 "第二段也是普通的正文。", "第三段。"):
        pkg.p([mf.run(text)])
    mf.write_zip(os.path.join(mf.FIXTURES, "plain.docx"), pkg.parts(core_title="无结构的文档"))
    intended(mf, "plain", """
<report template="outcome" version="1">
  <outcome>
    <title>无结构的文档</title>
    <body>
      <p>这是一份没有任何格式的文档，第一段很长，不像标题，因为它是一个完整的句子，而且以句号结束。</p>
      <p>第二段也是普通的正文。</p>
      <p>第三段。</p>
    </body>
  </outcome>
</report>
""")


# ------------------------------------------------------------------ hostile packages


def minimal(mf, body, rels=(), extra=(), types=None, document=None):
    """A small valid package around `body` (document.xml's body content)."""
    decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    doc = document or (decl + f'<w:document xmlns:w="{mf.W_NS}" xmlns:r="{mf.R_NS}" '
                       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
                       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                       'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
                       f"<w:body>{body}</w:body></w:document>")
    types = types or ('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                      'officedocument.wordprocessingml.document.main+xml"/>')
    return [("[Content_Types].xml", decl + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' + types + "</Types>"),
            ("_rels/.rels", mf.rels_xml([("rId1", mf.REL + "officeDocument", "word/document.xml", False)])),
            ("word/document.xml", doc),
            ("word/_rels/document.xml.rels", mf.rels_xml(list(rels)))] + list(extra)


def picture(rid):
    return ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="p"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
            "</wp:inline></w:drawing></w:r></w:p>")


def deflated_zeros(mf, path, name, size):
    """A part of `size` zero bytes, deflated: a zip bomb in miniature."""
    parts = minimal(mf, "<w:p><w:r><w:t>炸弹</w:t></w:r></w:p>")
    mf.write_zip(path, parts)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        info = zipfile.ZipInfo(name, mf.STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=size > 0x7FFFFFFF) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                f.write(chunk)


def hostile(mf):
    H = mf.HOSTILE
    shutil.rmtree(H, ignore_errors=True)
    os.makedirs(H)
    ok = "<w:p><w:r><w:t>正文</w:t></w:r></w:p>"
    cases = []

    def case(name, expect, parts=None, data=None):
        path = os.path.join(H, name)
        if parts is not None:
            mf.write_zip(path, parts)
        elif data is not None:
            with open(path, "wb") as f:
                f.write(data)
        cases.append((name, expect))

    # Zip bombs: a part of 100 MB of zeros (more than a part may hold), and
    # one of 8 MB compressed a thousand to one.
    deflated_zeros(mf, os.path.join(H, "bomb-part-size.docx"), "word/media/bomb.bin", 100 << 20)
    cases.append(("bomb-part-size.docx", "would inflate to 100.0 MB"))
    deflated_zeros(mf, os.path.join(H, "bomb-ratio.docx"), "word/media/bomb.bin", 8 << 20)
    cases.append(("bomb-ratio.docx", "a zip bomb?"))
    # A part whose directory entry says less than it inflates to.
    path = os.path.join(H, "lying-size.docx")
    mf.write_zip(path, minimal(mf, ok * 50))
    lie(path, "word/document.xml")
    cases.append(("lying-size.docx", "is damaged"))
    # Relationships that leave the package, or point outside it.
    case("escape-image.docx", "outside the document's package",
         minimal(mf, picture("rId9"), rels=[("rId9", mf.REL + "image", "../../../../etc/passwd", False)]))
    case("escape-footnotes.docx", "outside the document's package",
         minimal(mf, ok, rels=[("rId9", mf.REL + "footnotes", "../../../etc/passwd", False)]))
    case("external-image.docx", "linked to an outside file",
         minimal(mf, picture("rId9"), rels=[("rId9", mf.REL + "image", "file:///etc/passwd", True)]))
    # Entities: an external entity, and a billion laughs in the styles.
    decl = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    case("entity-xxe.docx", "declares a DOCTYPE",
         minimal(mf, "", document=decl + '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                 f'<w:document xmlns:w="{mf.W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body>'
                 "</w:document>"))
    laughs = '<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
    case("entity-laughs-styles.docx", "declares a DOCTYPE",
         minimal(mf, ok, rels=[("rId9", mf.REL + "styles", "styles.xml", False)],
                 extra=[("word/styles.xml", decl + laughs + f'<w:styles xmlns:w="{mf.W_NS}"><w:style w:styleId="x">'
                         '<w:name w:val="&j;"/></w:style></w:styles>')]))
    # A truncated download.
    with open(os.path.join(mf.FIXTURES, "word-numbered.docx"), "rb") as f:
        whole = f.read()
    case("truncated.docx", "damaged or truncated", data=whole[: len(whole) // 2])
    # A Word 97 document and an encrypted one under a .docx name.
    doc = os.path.join(mf.FIXTURES, "libreoffice.doc")
    if os.path.exists(doc):
        with open(doc, "rb") as f:
            case("doc-renamed.docx", "Word 97–2003", data=f.read())
    case("encrypted.docx", "protected by a password", data=ole_with("EncryptedPackage"))
    # Macros.
    macro_type = ('<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.'
                  'macroEnabled.main+xml"/>')
    case("macro.docm", "macro-enabled", minimal(mf, ok, types=macro_type,
                                                 rels=[("rId9", "http://schemas.microsoft.com/office/2006/"
                                                        "relationships/vbaProject", "vbaProject.bin", False)],
                                                 extra=[("word/vbaProject.bin", b"\0" * 64)]))
    # Not Word at all.
    case("rtf-named.docx", "RTF", data=b"{\\rtf1\\ansi \\b bold\\b0 text}")
    case("html-named.docx", "web page", data="<html><body><p>网页另存为 Word</p></body></html>".encode())
    case("empty.docx", "not a readable .docx", data=b"")
    case("not-a-zip.docx", "not a readable .docx", data="只是一些文字，不是 Word 文档。".encode())
    case("no-document.docx", "not a Word document", [("hello.txt", "hi")])
    # Bytes that are not UTF-8 in the text (a damaged file).
    broken = (f'<w:document xmlns:w="{mf.W_NS}"><w:body><w:p><w:r><w:t>'.encode() + "正文".encode()[:4] +
              b"</w:t></w:r></w:p></w:body></w:document>")
    case("bad-utf8.docx", "is not UTF-8", minimal(mf, "", document=broken))
    # XML nested past what the parser takes.
    case("deep.docx", "not well-formed", minimal(mf, "<w:p>" + "<w:ins>" * 200 + "</w:ins>" * 200 + "</w:p>"))

    with open(os.path.join(H, "cases.txt"), "w", encoding="utf-8") as f:
        f.write("# Hostile .docx files and what banshi must say about each (exit status 2, nothing written).\n"
                "# file | words the message contains\n")
        for name, expect in cases:
            f.write(f"{name} | {expect}\n")


def lie(path, name):
    """Halves the uncompressed size `name` declares, in its local header and
    in the central directory."""
    with open(path, "rb") as f:
        data = bytearray(f.read())
    enc = name.encode()
    for sig, size_off, name_off in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = 0
        while True:
            at = data.find(sig, at)
            if at < 0:
                break
            nlen = struct.unpack_from("<H", data, at + (26 if sig == b"PK\x03\x04" else 28))[0]
            if data[at + name_off:at + name_off + nlen] == enc:
                size = struct.unpack_from("<I", data, at + size_off)[0]
                struct.pack_into("<I", data, at + size_off, size // 2)
            at += 4
    with open(path, "wb") as f:
        f.write(data)


def ole_with(stream):
    """A minimal OLE compound file whose directory names `stream`: enough
    for a reader to see what the file is, not a real encrypted document."""
    header = bytearray(512)
    header[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    struct.pack_into("<HHH", header, 24, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", header, 30, 9)
    entry = bytearray(128)
    name = stream.encode("utf-16-le")
    entry[0:len(name)] = name
    struct.pack_into("<H", entry, 64, len(name) + 2)
    entry[66] = 2
    return bytes(header) + bytes(entry) * 4


# ------------------------------------------------------------------ fuzzer seeds


def corpus(mf):
    os.makedirs(mf.CORPUS, exist_ok=True)
    for name in ("edge-cases.docx", "plain.docx", "wps-typed.docx"):
        shutil.copy(os.path.join(mf.FIXTURES, name), os.path.join(mf.CORPUS, name))
    # Bare document.xml bodies: the fuzzer wraps input that is not a zip
    # into a package of its own.
    with zipfile.ZipFile(os.path.join(mf.FIXTURES, "edge-cases.docx")) as z:
        doc = z.read("word/document.xml")
    with open(os.path.join(mf.CORPUS, "edge-cases-document.xml"), "wb") as f:
        f.write(doc)
