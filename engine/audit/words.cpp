#include "audit/words.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace banshi::audit {

namespace {

// The audit's messages, English and Chinese: `code`, then the texts with
// {arguments}. An argument whose value starts with "@" is itself a code,
// put in the same language ("@audit.word.bold"); {page_list} is a list of
// page numbers, written as the language writes lists.
struct Entry {
  std::string_view code, en, zh;
};

constexpr Entry kEntries[] = {
    // Rules: one line each, what is checked.
    {"audit.rule.page.size", "Paper size", "纸张幅面"},
    {"audit.rule.booklet.order", "Page order of the A3 booklet", "A3 骑马订页序"},
    {"audit.rule.margins", "Margins of the text block", "版心位置（页边距）"},
    {"audit.rule.block.outside", "Nothing outside the text block but the page number", "版心外除页码无其他内容"},
    {"audit.rule.body.style", "Body text: size and face", "正文字号、字体"},
    {"audit.rule.title.style", "Title: size and face", "主标题字号、字体"},
    {"audit.rule.heading1.style", "Level-1 headings (一、): size and face", "一级标题（一、）字号、字体"},
    {"audit.rule.heading2.style", "Level-2 headings (（一）): size and face", "二级标题（（一））字号、字体"},
    {"audit.rule.heading3.style", "Level-3 headings (1.): size, face, bold", "三级标题（1.）字号、字体、加粗"},
    {"audit.rule.heading4.style", "Level-4 headings (（1）): size and face", "四级标题（（1））字号、字体"},
    {"audit.rule.fonts.embedded", "Fonts embedded as subsets", "字体嵌入（子集）"},
    {"audit.rule.fonts.type3", "No Type 3 fonts for text", "正文不用 Type 3 字体"},
    {"audit.rule.text.extractable", "Text can be copied out", "文字可复制、可检索"},
    {"audit.rule.grid.lines", "Lines per page", "每页行数"},
    {"audit.rule.grid.chars", "Characters per line", "每行字数"},
    {"audit.rule.body.justified", "Body lines justified", "正文两端对齐"},
    {"audit.rule.linebreak.start", "No line starts with a closing mark", "行首禁则（避头）"},
    {"audit.rule.linebreak.end", "No line ends with an opening mark", "行尾禁则（避尾）"},
    {"audit.rule.folio.format", "Page numbers: format and size", "页码格式与字号"},
    {"audit.rule.folio.position", "Page numbers: position", "页码位置"},
    {"audit.rule.folio.sequence", "Page numbers: consecutive", "页码连续"},
    {"audit.rule.footnotes.page", "Footnotes on the page of their marker", "脚注与注号同页"},
    {"audit.rule.form.pages", "Pages of the 结项申请书 form, in order", "结项申请书各页齐全、顺序正确"},
    {"audit.rule.form.cover", "Cover fields filled in", "封面栏目已填写"},

    {"audit.word.bold", "bold ", "加粗"},
    {"audit.word.front", "front", "正面"},
    {"audit.word.back", "back", "反面"},
    {"audit.verdict.pass", "PASS", "通过"},
    {"audit.verdict.fail", "FAIL", "不符"},
    {"audit.verdict.na", "n/a", "不适用"},

    // page.size, booklet.order
    {"audit.page.size.a4", "{count} pages A4 portrait ({w} × {h} mm)", "共 {count} 页，均为 A4 纵向（{w} × {h} mm）"},
    {"audit.page.size.sheets", "{sheets} A3 landscape sheets ({w} × {h} mm), {count} A4 pages",
     "{sheets} 张 A3 横向（{w} × {h} mm），合 {count} 个 A4 页面"},
    {"audit.page.size.fail", "{count} pages are not {w} × {h} mm portrait", "{count} 页不是 {w} × {h} mm 纵向"},
    {"audit.page.size.page", "page {page}: {w} × {h} mm", "第 {page} 页：{w} × {h} mm"},
    {"audit.booklet.order.a4", "A4 pages, not a booklet", "A4 单页，非骑马订"},
    {"audit.booklet.order.odd",
     "{sides} sheet sides: a saddle-stitched booklet needs a multiple of 2 sheets' both sides",
     "共 {sides} 个版面，骑马订须为整张正反面（4 的倍数个 A4 页）"},
    {"audit.booklet.order.pass", "halves in saddle-stitch order (checked on {numbered} numbered pages)",
     "各张对开页序符合骑马订（据 {numbered} 个页码核对）"},
    {"audit.booklet.order.unnumbered", "no page numbers on the halves to check the order by",
     "各对开页均无页码，无法核对页序"},
    {"audit.booklet.order.reading",
     "halves in reading order (1|2, 3|4 …), not booklet order: folded, the pages come out of order",
     "对开页按阅读顺序排列（1|2、3|4……），不是骑马订顺序：对折后页序错乱"},
    {"audit.booklet.order.side",
     "sheet {sheet} {side} holds pages {left}|{right}; folded into a booklet it must hold {fold_left}|{fold_right}",
     "第 {sheet} 张{side}为第 {left}|{right} 页，骑马订对折后应为第 {fold_left}|{fold_right} 页"},
    {"audit.booklet.order.neither", "the page numbers on the halves follow neither booklet nor reading order",
     "对开页的页码既不符合骑马订顺序，也不是阅读顺序"},

    // margins, block.outside
    {"audit.margins.measured.mirrored",
     "top {top} mm, binding side {left} mm, outer side {right} mm (mirrored), on {count} pages",
     "天头 {top} mm，订口 {left} mm，翻口 {right} mm（双面镜像），量 {count} 页"},
    {"audit.margins.measured.plain", "top {top} mm, left {left} mm, right {right} mm (not mirrored), on {count} pages",
     "天头 {top} mm，左白边 {left} mm，右白边 {right} mm（不镜像），量 {count} 页"},
    {"audit.margins.none", "no page of running text to measure", "无正文页可量"},
    {"audit.margins.left", "page {page}: left margin {value} mm (should be {expected} mm)",
     "第 {page} 页：左白边 {value} mm（应为 {expected} mm）"},
    {"audit.margins.right", "page {page}: right margin {value} mm (should be {expected} mm)",
     "第 {page} 页：右白边 {value} mm（应为 {expected} mm）"},
    {"audit.margins.top", "page {page}: first line at {value} mm from the top (block starts at {expected} mm)",
     "第 {page} 页：首行距纸边 {value} mm（版心上沿 {expected} mm）"},
    {"audit.margins.bottom",
     "page {page}: a full page ends {value} mm above the bottom (block ends {expected} mm above it)",
     "第 {page} 页：满页末行距纸底 {value} mm（版心下沿距纸底 {expected} mm）"},
    {"audit.block.outside.pass", "nothing outside the text block on {count} pages", "{count} 页版心外无其他内容"},
    {"audit.block.outside.fail", "content outside the text block on {count} pages", "{count} 页版心外有内容"},
    {"audit.block.outside.text", "page {page}: text 「{text}」 outside the block",
     "第 {page} 页：版心外有文字「{text}」"},
    {"audit.block.outside.hanging", "page {page}: 「{text}」 hangs its last mark into the margin (hanging punctuation)",
     "第 {page} 页：「{text}」行末标点悬挂在版心外（标点溢出边界）"},
    {"audit.block.outside.rule", "page {page}: a rule outside the block", "第 {page} 页：版心外有线条"},
    {"audit.block.outside.image", "page {page}: an image outside the block", "第 {page} 页：版心外有图片"},
    {"audit.block.outside.drawing", "page {page}: a drawing outside the block", "第 {page} 页：版心外有图形"},

    // fonts, text
    {"audit.fonts.none", "no text", "无文字"},
    {"audit.fonts.embedded.pass", "all {count} fonts embedded as subsets", "{count} 种字体均已嵌入（子集）"},
    {"audit.fonts.embedded.fail", "{count} fonts not embedded as subsets", "{count} 种字体未按子集嵌入"},
    {"audit.fonts.embedded.missing", "{font}: not embedded (pages {page_list})", "{font}：未嵌入（第 {page_list} 页）"},
    {"audit.fonts.embedded.whole", "{font}: embedded whole, not as a subset (pages {page_list})",
     "{font}：整体嵌入，未取子集（第 {page_list} 页）"},
    {"audit.fonts.type3.pass", "no Type 3 fonts", "无 Type 3 字体"},
    {"audit.fonts.type3.fail", "{count} Type 3 fonts draw text", "{count} 种 Type 3 字体用于文字"},
    {"audit.fonts.type3.font", "{font}: Type 3, {glyphs} glyphs", "{font}：Type 3 字体，{glyphs} 个字形"},
    {"audit.text.extractable.pass", "all {glyphs} glyphs have their characters", "{glyphs} 个字形均可还原为文字"},
    {"audit.text.extractable.fail", "{count} of {glyphs} glyphs copy out as no character",
     "{glyphs} 个字形中有 {count} 个无法还原为文字"},
    {"audit.text.extractable.page", "page {page}: {count} glyphs without a character",
     "第 {page} 页：{count} 个字形无对应文字"},
    {"audit.text.extractable.none", "the file has no text (a scan?)", "文件中没有文字（扫描件？）"},

    // styles
    {"audit.body.measured", "{size} pt {face} on {count} Han characters (should be {expected_size} pt {expected_face})",
     "正文 {count} 个汉字：{size} pt {face}（应为 {expected_size} pt {expected_face}）"},
    {"audit.body.none", "no body text found", "未找到正文"},
    {"audit.title.measured", "「{text}」: {size} pt {face} (should be {expected_size} pt {expected_face})",
     "「{text}」：{size} pt {face}（应为 {expected_size} pt {expected_face}）"},
    {"audit.title.none", "no title found at the top of the outcome's first page", "最终成果首页顶部未找到主标题"},
    {"audit.heading.measured",
     "{count} headings: {size} pt {bold}{face} (should be {expected_size} pt {expected_bold}{expected_face})",
     "{count} 个标题：{size} pt {bold}{face}（应为 {expected_size} pt {expected_bold}{expected_face}）"},
    {"audit.heading.bold-unknown",
     "{count} headings: {size} pt {face}; whether they are bold cannot be told (the font is not embedded)",
     "{count} 个标题：{size} pt {face}；字体未嵌入，无法判断是否加粗"},
    {"audit.heading.none", "no heading of this level", "无此级标题"},
    {"audit.heading.no-level", "the template has no such level", "模板无此级标题"},
    {"audit.style.size", "page {page} 「{text}」: {size} pt (should be {expected} pt)",
     "第 {page} 页「{text}」：{size} pt（应为 {expected} pt）"},
    {"audit.style.face", "page {page} 「{text}」: {face} (should be {expected})",
     "第 {page} 页「{text}」：{face}（应为 {expected}）"},
    {"audit.style.not-bold", "page {page} 「{text}」: {face}, not bold", "第 {page} 页「{text}」：{face}，未加粗"},

    // grid, composition
    {"audit.grid.lines.measured",
     "{lines} lines a page (line pitch {pitch} pt); {full} full pages (should be {expected})",
     "每页 {lines} 行（行距 {pitch} pt），满页 {full} 页（应为 {expected} 行）"},
    {"audit.grid.lines.page", "page {page}: {lines} lines on a full page", "第 {page} 页：满页 {lines} 行"},
    {"audit.grid.lines.none", "no paragraph of two lines or more to measure", "无两行以上的段落可量"},
    {"audit.grid.chars.measured",
     "{chars} characters a line (character pitch {pitch} pt, on {lines} lines; should be {expected})",
     "每行 {chars} 字（字距 {pitch} pt，量 {lines} 行；应为 {expected} 字）"},
    {"audit.grid.chars.none", "no full body line to measure", "无满行正文可量"},
    {"audit.justified.pass", "{full} full lines reach the right edge", "{full} 个满行均撑满版心"},
    {"audit.justified.fail", "{ragged} of {full} full lines end short of the right edge",
     "{full} 个满行中有 {ragged} 行未撑满版心"},
    {"audit.justified.line", "page {page} 「{text}」: {short} pt short", "第 {page} 页「{text}」：差 {short} pt"},
    {"audit.justified.none", "no full body line", "无满行正文"},
    {"audit.linebreak.pass", "{lines} lines checked", "已查 {lines} 行"},
    {"audit.linebreak.none", "no lines", "无文字行"},
    {"audit.linebreak.start.fail", "{count} lines start with a closing or pausing mark",
     "{count} 行以点号或后括号、后引号开头"},
    {"audit.linebreak.end.fail", "{count} lines end with an opening mark", "{count} 行以前括号、前引号结尾"},
    {"audit.linebreak.start.line", "page {page}: 「{text}」 starts with 「{mark}」",
     "第 {page} 页：「{text}」以「{mark}」开头"},
    {"audit.linebreak.end.line", "page {page}: 「{text}」 ends with 「{mark}」",
     "第 {page} 页：「{text}」以「{mark}」结尾"},

    // folio, notes
    {"audit.folio.disabled", "the template prints no page numbers", "模板不排页码"},
    {"audit.folio.none", "no page numbers found", "未找到页码"},
    {"audit.folio.format.measured",
     "{count} page numbers like 「{text}」, {size} pt (should be 「{expected}」, {expected_size} pt)",
     "{count} 个页码，形如「{text}」，{size} pt（应为「{expected}」，{expected_size} pt）"},
    {"audit.folio.text", "page {page}: 「{text}」 (should be 「{expected}」)",
     "第 {page} 页：「{text}」（应为「{expected}」）"},
    {"audit.folio.size", "page {page}: {size} pt (should be {expected} pt)",
     "第 {page} 页：{size} pt（应为 {expected} pt）"},
    {"audit.folio.face", "page {page}: digits in {face} (should be {expected})",
     "第 {page} 页：数字为 {face}（应为 {expected}）"},
    {"audit.folio.position.measured", "{count} page numbers, {below} mm below the block (should be {expected} mm)",
     "{count} 个页码，距版心下沿 {below} mm（应为 {expected} mm）"},
    {"audit.folio.below", "page {page}: {below} mm below the block (should be {expected} mm)",
     "第 {page} 页：距版心下沿 {below} mm（应为 {expected} mm）"},
    {"audit.folio.centred", "page {page}: centred (odd pages right, even pages left, one character in)",
     "第 {page} 页：居中（应单页居右、双页居左，各空一字）"},
    {"audit.folio.not-right", "page {page}: not at the right edge less one character ({miss} mm off)",
     "第 {page} 页：未居右空一字（差 {miss} mm）"},
    {"audit.folio.not-left", "page {page}: not at the left edge plus one character ({miss} mm off)",
     "第 {page} 页：未居左空一字（差 {miss} mm）"},
    {"audit.folio.sequence.measured", "{count} numbered pages, {first} to {last}", "{count} 个页码，{first} 至 {last}"},
    {"audit.folio.jump", "page {page}: number {number} after {previous}",
     "第 {page} 页：页码 {number} 接在 {previous} 之后"},
    {"audit.folio.missing", "page {page}: text but no page number", "第 {page} 页：有正文但无页码"},
    {"audit.notes.none", "no footnotes", "无脚注"},
    {"audit.notes.measured", "{notes} notes, {markers} markers", "脚注 {notes} 条，注号 {markers} 个"},
    {"audit.notes.elsewhere", "page {page}: marker {number}, its note is on page {note_page}",
     "第 {page} 页：注号 {number} 的注文在第 {note_page} 页"},
    {"audit.notes.missing", "page {page}: marker {number} has no note on its page",
     "第 {page} 页：注号 {number} 在本页无注文"},
    {"audit.notes.unmarked", "page {page}: note {number} has no marker on its page",
     "第 {page} 页：注文 {number} 在本页无注号"},

    // form
    {"audit.form.outcome-only", "an outcome alone: no form", "仅最终成果，无申请书表页"},
    {"audit.form.pages.pass", "all {total} form pages, in order", "申请书 {total} 个表页齐全，顺序正确"},
    {"audit.form.pages.fail", "{found} of {total} form pages found, or out of order",
     "申请书 {total} 个表页中找到 {found} 个，或顺序有误"},
    {"audit.form.missing", "「{name}」 not found", "未找到「{name}」页"},
    {"audit.form.order", "「{name}」 on page {page}, out of order", "「{name}」在第 {page} 页，顺序有误"},
    {"audit.form.no-cover", "no cover found", "未找到封面"},
    {"audit.form.cover.measured", "{filled} of {total} cover fields filled in", "封面 {total} 个栏目已填 {filled} 个"},
    {"audit.form.field-missing", "{field}: not on the cover", "{field}：封面上没有此栏"},
    {"audit.form.field-empty", "{field}: not filled in", "{field}：未填写"},

    // files that cannot be audited
    {"audit.unreadable.empty", "the file is empty", "文件为空"},
    {"audit.unreadable.not-pdf", "not a PDF (nor a .docx)", "不是 PDF（也不是 .docx）文件"},
    {"audit.unreadable.encrypted", "the PDF is encrypted and needs a password", "PDF 已加密，需要密码才能打开"},
    {"audit.unreadable.damaged", "the PDF is damaged: {detail}", "PDF 文件已损坏：{detail}"},
    {"audit.unreadable.broken",
     "the PDF is damaged: its cross-reference table is broken and {count} of its parts cannot be read (a file cut "
     "short?)",
     "PDF 文件已损坏：交叉引用表残缺，{count} 处内容无法读取（文件不完整？）"},
    {"audit.unreadable.too-many-pages", "{detail} pages: more than the audit reads (2,000)",
     "共 {detail} 页，超出审查上限（2000 页）"},
    {"audit.unreadable.too-large", "{detail}: larger than the audit reads (512 MB)",
     "文件 {detail}，超出审查上限（512 MB）"},
    {"audit.unreadable.io", "cannot read the file: {detail}", "无法读取文件：{detail}"},
    {"audit.unreadable.docx", "the .docx cannot be read: {detail}", ".docx 文件无法读取：{detail}"},

    // the report
    {"audit.report.pdf", "{file}: {count} A4 pages, template {template}{producer}",
     "{file}：A4 {count} 页，模板 {template}{producer}"},
    {"audit.report.producer", ", made by {producer}", "，由 {producer} 生成"},
    {"audit.report.passed", "{file}: all rules pass", "{file}：全部通过"},
    {"audit.report.failed", "{file}: {count} rules fail: {rules}", "{file}：{count} 项不符：{rules}"},
    {"audit.report.unreadable", "{file}: cannot be audited: {reason}", "{file}：无法审查：{reason}"},
    {"audit.report.source", "source", "依据"},
    {"audit.report.more", "… and {count} more", "……另有 {count} 处"},
    {"audit.report.sheet", "sheet {sheet} {side}, {half} half", "第 {sheet} 张{side}{half}"},
    {"audit.report.totals", "{files} files: {passed} pass, {failed} fail, {unreadable} unreadable",
     "共 {files} 个文件：通过 {passed}，不符 {failed}，无法读取 {unreadable}"},
};

const Entry* find(std::string_view code) {
  for (const Entry& e : kEntries)
    if (e.code == code) return &e;
  return nullptr;
}

}  // namespace

Lang lang_from_environment() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::strncmp(v, "zh", 2) == 0 ? Lang::Zh : Lang::En;
  }
  return Lang::En;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : v);
  return buf;
}

std::string page_list(const std::vector<int>& pages, Lang lang) {
  std::string out;
  const std::string sep = lang == Lang::Zh ? "、" : ", ";
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (!out.empty()) out += sep;
    out += std::to_string(pages[i]);
    if (j > i) out += "–" + std::to_string(pages[j]);
    i = j + 1;
  }
  return out;
}

std::string render(const Text& t, Lang lang) {
  const Entry* e = find(t.code);
  if (!e) return t.code;
  const std::string_view tmpl = lang == Lang::Zh ? e->zh : e->en;
  std::string out;
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl[i] != '{') {
      out += tmpl[i++];
      continue;
    }
    const size_t close = tmpl.find('}', i);
    if (close == std::string_view::npos) {
      out += tmpl.substr(i);
      break;
    }
    const std::string_view name = tmpl.substr(i + 1, close - i - 1);
    auto it = std::find_if(t.args.begin(), t.args.end(), [&](const auto& a) { return a.first == name; });
    if (it == t.args.end()) {
      out += tmpl.substr(i, close - i + 1);
    } else if (name == "page_list") {
      std::vector<int> pages;
      const std::string& v = it->second;
      for (size_t p = 0; p < v.size();) {
        int n = 0;
        auto [end, ec] = std::from_chars(v.data() + p, v.data() + v.size(), n);
        if (ec != std::errc()) break;
        pages.push_back(n);
        p = static_cast<size_t>(end - v.data()) + 1;
      }
      out += page_list(pages, lang);
    } else if (!it->second.empty() && it->second[0] == '@') {
      out += render(Text(it->second.substr(1)), lang);
    } else {
      out += it->second;
    }
    i = close + 1;
  }
  return out;
}

std::string rule_title(std::string_view rule, Lang lang) {
  return render(Text("audit.rule." + std::string(rule)), lang);
}

std::vector<std::string> missing_texts() {
  std::vector<std::string> out;
  for (const Entry& e : kEntries)
    if (e.en.empty() || e.zh.empty()) out.emplace_back(e.code);
  return out;
}

bool has_text(std::string_view code) { return find(code) != nullptr; }

}  // namespace banshi::audit
