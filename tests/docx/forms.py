"""The filled 结项申请书 forms among the Word fixtures (make_fixtures.py): the
form's pages as the federation's Word file has them, filled in the ways
applicants fill them — labels with spaces inside (立 项 编 号), values after a
tab or in the next cell, dates typed 2025 年 6 月 13 日 or 2025.10.15, boxes
ticked with Word's symbol font (☑) or a √ — and the report after 最终成果.

  form-filled        bz25yb108: cover fields on lines, 声明 ticked with ☑,
                     the change table filled, the report after 最终成果
  form-table-cover   bz25yb119: cover fields in a two-column table, ticks as
                     （√）, the change table left blank but for 否
  form-only          bz25yb108's form alone (its report comes with --outcome)
"""

import copy
import os
import xml.etree.ElementTree as ET


def make(mf):
    s108 = mf.Sample("bz25yb108-jiexiang")
    s119 = mf.Sample("bz25yb119-jiexiang")
    declaration = {"sensitive": "no", "secret": "no"}

    pkg = form_package(mf, s108, cover="lines", ticks="symbol", declaration=declaration, with_outcome=True)
    mf.write_zip(os.path.join(mf.FIXTURES, "form-filled.docx"), pkg.parts())
    write_intended(mf, "form-filled", s108, declaration, with_outcome=True)

    pkg = form_package(mf, s119, cover="table", ticks="check", declaration=declaration, with_outcome=True)
    mf.write_zip(os.path.join(mf.FIXTURES, "form-table-cover.docx"), pkg.parts())
    write_intended(mf, "form-table-cover", s119, declaration, with_outcome=True)

    pkg = form_package(mf, s108, cover="lines", ticks="symbol", declaration=declaration, with_outcome=False)
    mf.write_zip(os.path.join(mf.FIXTURES, "form-only.docx"), pkg.parts())


def write_intended(mf, name, sample, declaration, with_outcome):
    report = sample.intended()
    report.set("template", "jiexiang")
    src = sample.root
    at = 0
    for tag in ("project",):
        el = src.find(tag)
        if el is not None:
            report.insert(at, copy.deepcopy(el))
            at += 1
    report.insert(at, ET.Element("declaration", declaration))
    at += 1
    changes = src.find("changes")
    if changes is not None:
        report.insert(at, copy.deepcopy(changes))
    mf.write_intended(name, report)


# ------------------------------------------------------------------ the form


def spaced(label):
    """立项编号 → 立 项 编 号, as the form spreads short labels."""
    return " ".join(label) if len(label) <= 4 else label


def date_zh(iso):
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[0])} 年 {int(parts[1])} 月 {int(parts[2])} 日"
    return f"{int(parts[0])} 年 {int(parts[1])} 月"


def date_dots(iso):
    return ".".join(str(int(p)) if i else p for i, p in enumerate(iso.split("-")))


def form_package(mf, sample, cover, ticks, declaration, with_outcome, labels=None, values=None, changed=None):
    """cover: "lines" (label：, a tab, the value underlined), "table" (label
    and value in two cells), "cell" (label：value in one cell); ticks:
    "symbol" (Word's Wingdings box), "check" (（√）) or a pair of strings
    (ticked, not ticked) typed after the option word. labels and values
    override a cover label's printed form and its value by the label
    (立项编号); a value of None leaves the line out. changed overrides the
    change table's 是否变更 (yes, no, both, none)."""
    r = mf.run
    labels = labels or {}
    values = values or {}
    styles = mf.styles_xml([
        mf.style("a", "Normal", default=True, ppr='<w:jc w:val="both"/>'),
        mf.style("1", "heading 1", based="a", ppr='<w:outlineLvl w:val="0"/>', rpr=mf.font("黑体")),
        mf.style("2", "heading 2", based="a", ppr='<w:outlineLvl w:val="1"/>', rpr=mf.font("楷体_GB2312")),
        mf.style("3", "heading 3", based="a", ppr='<w:outlineLvl w:val="2"/>', rpr="<w:b/>"),
        mf.style("a3", "Title", based="a", ppr='<w:jc w:val="center"/>', rpr='<w:sz w:val="44"/>'),
        mf.style("a5", "footnote text", based="a"),
        mf.style("a7", "footnote reference", kind="character", rpr='<w:vertAlign w:val="superscript"/>'),
    ])
    pkg = mf.Package(styles)
    B = pkg.body.append

    def para(inner, ppr=""):
        B(f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{inner}</w:p>")

    def box(on):
        if ticks == "symbol":
            return f'<w:r><w:sym w:font="Wingdings" w:char="{"F0FE" if on else "F0A8"}"/></w:r>'
        if ticks == "check":
            return r("（√）" if on else "（ ）")
        return r(ticks[0] if on else ticks[1])

    center = '<w:jc w:val="center"/>'
    page_break = '<w:r><w:br w:type="page"/></w:r>'
    project = sample.root.find("project")

    def value(tag):
        el = project.find(tag)
        return el.text if el is not None and el.text else ""

    # ---- the cover
    para(r("附件 2", mf.Fmt(font="黑体")))
    para(r("巴中市哲学社会科学规划项目", mf.Fmt(size=44)), center)
    para(r("结 项 申 请 书", mf.Fmt(size=72)), center)
    fields = [("立项编号", value("id")), ("项目类别", value("category")), ("项目名称", value("title")),
              ("项目负责人", value("leader")), ("所在单位", value("organization")),
              ("填表日期", date_zh(value("filled")) if cover == "lines" else date_dots(value("filled")))]
    underline = '<w:rPr><w:u w:val="single"/></w:rPr>'
    fields = [(labels.get(label, spaced(label) + "：" if cover == "lines" else label + "："), values.get(label, v))
              for label, v in fields if values.get(label, v) is not None]
    if cover == "lines":
        for label, v in fields:
            para(r(label) + "<w:r><w:tab/></w:r>" + f"<w:r>{underline}{mf.t(v)}</w:r>",
                 '<w:ind w:left="1280"/>')
    elif cover == "cell":
        rows = "".join(f"<w:tr><w:tc><w:p>{r(label + v)}</w:p></w:tc></w:tr>" for label, v in fields)
        B('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="7000"/>'
          f'</w:tblGrid>{rows}</w:tbl>')
    else:
        rows = "".join(f"<w:tr><w:tc><w:p>{r(label)}</w:p></w:tc><w:tc><w:p>{r(v)}</w:p></w:tc></w:tr>"
                       for label, v in fields)
        B('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/>'
          f'<w:gridCol w:w="5000"/></w:tblGrid>{rows}</w:tbl>')
    para(r("巴中市社会科学界联合会　制", mf.Fmt(font="楷体_GB2312")), center)
    para(r("2025 年 3 月", mf.Fmt(font="楷体_GB2312")) + page_break, center)

    # ---- 声明
    para(r("声　明", mf.Fmt(size=44)), center)
    para(r("本研究成果不存在知识产权争议；巴中市社会科学界联合会享有推广应用本成果的权利，但保留作者的署名权。特此声明。"))
    for label, key in (("成果是否涉及敏感问题或其他不宜公开出版的内容", "sensitive"), ("成果是否涉密", "secret")):
        answer = declaration[key]
        para(r(label + "：是") + box(answer in ("yes", "both")) + r("　否") + box(answer in ("no", "both")))
    para(r("项目负责人（签字）"), '<w:jc w:val="right"/>')
    para(r("年　　月　　日") + page_break, '<w:jc w:val="right"/>')

    # ---- 填表说明
    para(r("填表说明", mf.Fmt(size=44)), center)
    for line in ("一、本表适用于巴中市社科年度规划项目、专项项目等结项申请。",
                 "二、认真如实填写表内栏目，凡选择性栏目请在选项上打“√”。课题申报信息无变更情况的可不填写《项目变更情况数据表》。",
                 "三、本《结项申请书》报送 2 份（A3 纸双面印制，中缝装订），并附最终成果打印稿。",
                 "四、所有结项材料须经所在单位审核并签署意见。"):
        para(r(line) + (page_break if line.startswith("四") else ""))

    # ---- 项目变更情况数据表
    para(r("一、项目变更情况数据表", mf.Fmt(font="黑体")))
    B(change_table(mf, sample, box, changed))
    # ---- the review boxes: one-cell tables the applicant leaves blank
    for heading, lines in (("二、申请人所在单位审核意见", ["（审核事项：1.成果有无政治导向问题或其他不宜公开出版的内容；2.最终结果的内容质量是否符合预期研究目标。）", "签　章", "年　　月　　日"]),
                           ("三、县（区）社科联意见", ["（审核事项：1.成果有无意识形态问题；2.是否同意结项。）", "单位（公章）：", "负责人签字：", "年　　月　　日"]),
                           ("四、专家鉴定意见", ["（请在对应意见栏划“√”）", "1.成果有无意识形态方面问题：有☐　否☐", "2.是否同意结项：是☐　否☐", "3.鉴定等级：优秀☐　良好☐　合格☐", "主审专家签字：", "年　　月　　日"]),
                           ("五、市社科联审核意见", ["单位（公章）：", "年　　月　　日"])):
        cell = f"<w:p>{r(heading, mf.Fmt(font='黑体'))}</w:p>" + "".join(f"<w:p>{r(t)}</w:p>" for t in lines)
        B('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="8000"/></w:tblGrid>'
          f"<w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl>")
    if not with_outcome:
        return pkg

    # ---- the report
    para(r("最　终　成　果", mf.Fmt(size=44)) + page_break, center)
    outcome = mf.word_numbered(sample)
    # Its body joins this package: styles agree (ids a, 1, 2, 3, a3, a5, a7)
    # and the numbering part comes with it.
    offset = len(pkg.footnotes)
    assert offset == 0
    pkg.body.extend(outcome.body)
    pkg.footnotes = outcome.footnotes
    pkg.rels = outcome.rels
    pkg.numbering = outcome.numbering
    pkg.styles = outcome.styles
    return pkg


def change_table(mf, sample, box, changed_override=None):
    """The 项目变更情况数据表 as the template draws it: nine columns, labels
    in their cells, values filled in from the sample."""
    r = mf.run
    changes = sample.root.find("changes")

    def v(tag, el=None):
        el = changes if el is None else el
        if el is None:
            return ""
        x = el.find(tag)
        if x is None or not x.text:
            return ""
        if tag.endswith("date") or tag == "born":
            return date_dots(x.text)
        return x.text

    def tc(text, span=1, vmerge=None, raw=None):
        pr = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + \
             ('<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>" if vmerge else "")
        return f"<w:tc>{'<w:tcPr>' + pr + '</w:tcPr>' if pr else ''}<w:p>{raw if raw is not None else r(text)}</w:p></w:tc>"

    changed = changed_override or (changes.get("changed") if changes is not None else None)
    rows = [
        tc("立项项目名称", 3) + tc(v("project-title"), 6),
        tc("结项成果名称", 3) + tc(v("result-title"), 6),
        tc("是否变更", 3) + tc("", 3, raw=r("A、是") + box(changed in ("yes", "both")) + r("　B、否") +
                                      box(changed in ("no", "both"))) +
        tc("变更的内容", 2) + tc(v("what-changed")),
        tc("原计划成果形式", 3) + tc(v("planned-form"), 3) + tc("现成果形式", 2) + tc(v("actual-form")),
        tc("原计划完成时间", 3) + tc(v("planned-date"), 3) + tc("实际完成时间", 2) + tc(v("actual-date")),
        tc("项目负责人及参与人员变更情况", 9),
    ]
    persons = list(changes.findall("person")) if changes is not None else []

    def person(role):
        return next((p for p in persons if p.get("role") == role), None)

    for label, role in (("原负责人", "original-leader"), ("现负责人", "current-leader")):
        p = person(role)
        rows.append(tc(label, vmerge="restart") + tc("姓　名") + tc(v("name", p)) + tc("性别") + tc(v("gender", p)) +
                    tc("民族") + tc(v("ethnicity", p)) + tc("出生日期") + tc(v("born", p)))
        rows.append(tc("", vmerge="continue") + tc("所在单位") + tc(v("organization", p), 3) + tc("行政职务") +
                    tc(v("post", p)) + tc("专业职务") + tc(v("rank", p)))
        rows.append(tc("", vmerge="continue") + tc("通讯地址") + tc(v("address", p), 5) + tc("联系电话") +
                    tc(v("phone", p)))
    for label, role in (("原参与人员", "original-member"), ("现参与人员", "current-member")):
        members = [p for p in persons if p.get("role") == role]
        rows.append(tc(label, vmerge="restart") + tc("姓　名") + tc("单　位", 4) + tc("职　称", 2) + tc("联系电话"))
        for k in range(max(3, len(members))):
            p = members[k] if k < len(members) else None
            rows.append(tc("", vmerge="continue") + tc(v("name", p)) + tc(v("organization", p), 4) +
                        tc(v("rank", p), 2) + tc(v("phone", p)))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in (340, 920, 720, 520, 370, 940, 920, 940, 1700))
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>" + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>")
