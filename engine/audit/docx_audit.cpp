// banshi audit FILE.docx: the rules as far as a Word file declares them —
// page size and margins from its sections, the document grid and line
// spacing, the fonts and sizes its title, headings and body paragraphs
// resolve to through styles and direct formatting, justification, the
// page number in its footers, footnotes or endnotes, the form's pages —
// each finding at the paragraph it is about (report.docx:¶12 「…」), so an
// applicant can fix the Word file before printing it. What only the
// printed page shows (embedded fonts, line breaks, what is outside the
// block) is n/a here: audit the PDF for that.
//
// The package, styles and paragraphs are read by engine/docx, the Word
// importer's own reader.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "audit/audit.h"
#include "audit/form_keys.h"
#include "audit/numbering.h"
#include "audit/rules.h"
#include "docx/body.h"
#include "docx/headings.h"
#include "docx/import_log.h"
#include "docx/numbering.h"
#include "docx/package.h"
#include "docx/styles.h"
#include "docx/xml_part.h"
#include "util/units.h"
#include "util/utf8.h"

namespace banshi::audit {

namespace {

using docx::El;

constexpr double kTwip = 1.0 / 20;  // pt

// A section's page as w:sectPr declares it (twips).
struct Section {
  int index = 0;  // ¶ of the paragraph that ends it (0: the last, the body's)
  double width = 0, height = 0;
  double top = 0, bottom = 0, left = 0, right = 0, gutter = 0, footer = 0;
  std::string grid_type;             // docGrid: "", lines, linesAndChars, snapToChars
  double line_pitch = 0;             // pt
  int char_space = 0;                // 4096ths of a point
  std::vector<std::string> footers;  // parts, default first then even
  std::vector<std::string> headers;
  std::optional<int> restart;  // w:pgNumType w:start
};

// What the document is made of, for the rules.
struct WordDoc {
  std::string name;
  const docx::Package* package = nullptr;
  const docx::StyleSheet* styles = nullptr;
  docx::Body body;
  std::vector<Section> sections;
  bool mirror = false, odd_even = false;
  double default_size = 10.5;  // the Normal style's size, pt
};

std::optional<double> twips(const El* e, const std::string& w, const char* name) {
  if (const char* v = docx::attr(e, w, name)) {
    char* end = nullptr;
    const double d = std::strtod(v, &end);
    if (end != v) return d * kTwip;
  }
  return std::nullopt;
}

Section read_section(const El* sect, const docx::Namespaces& ns, const docx::Package& pkg, const std::string& main) {
  Section s;
  const std::string& w = ns.w;
  if (const El* sz = docx::child(sect, w, "pgSz")) {
    s.width = twips(sz, w, "w").value_or(0);
    s.height = twips(sz, w, "h").value_or(0);
  }
  if (const El* m = docx::child(sect, w, "pgMar")) {
    s.top = std::fabs(twips(m, w, "top").value_or(0));
    s.bottom = std::fabs(twips(m, w, "bottom").value_or(0));
    s.left = twips(m, w, "left").value_or(0);
    s.right = twips(m, w, "right").value_or(0);
    s.gutter = twips(m, w, "gutter").value_or(0);
    s.footer = twips(m, w, "footer").value_or(0);
  }
  if (const El* g = docx::child(sect, w, "docGrid")) {
    if (const char* t = docx::attr(g, w, "type")) s.grid_type = t;
    s.line_pitch = twips(g, w, "linePitch").value_or(0);
    if (const char* c = docx::attr(g, w, "charSpace")) s.char_space = std::atoi(c);
  }
  if (const El* n = docx::child(sect, w, "pgNumType"))
    if (const char* start = docx::attr(n, w, "start")) s.restart = std::atoi(start);
  for (const El* e = sect->FirstChildElement(); e; e = e->NextSiblingElement()) {
    const bool footer = docx::is(e, w, "footerReference"), header = docx::is(e, w, "headerReference");
    if (!footer && !header) continue;
    const char* type = docx::attr(e, w, "type");
    const char* id = docx::attr(e, ns.r, "id");
    const docx::Relationship* rel = id ? pkg.relationship(main, id) : nullptr;
    if (!rel || rel->part.empty()) continue;
    auto& list = footer ? s.footers : s.headers;
    const bool first = !type || std::string_view(type) == "default";
    if (first) list.insert(list.begin(), rel->part);
    else if (std::string_view(type) == "even") list.push_back(rel->part);
  }
  return s;
}

// Every section of the document (w:pPr/w:sectPr ends one, the body's last
// w:sectPr the last).
void read_sections(WordDoc& d) {
  const std::string& main = d.package->main_part();
  const auto doc = docx::parse_part(*d.package, main);
  const El* root = doc->RootElement();
  const docx::Namespaces ns = docx::Namespaces::of(root);
  const El* body = docx::child(root, ns.w, "body");
  if (!body) return;
  int paragraph = 0;
  for (const El* e = body->FirstChildElement(); e; e = e->NextSiblingElement()) {
    if (docx::is(e, ns.w, "p")) {
      ++paragraph;
      if (const El* ppr = docx::child(e, ns.w, "pPr"))
        if (const El* sect = docx::child(ppr, ns.w, "sectPr")) {
          Section s = read_section(sect, ns, *d.package, main);
          s.index = paragraph;
          d.sections.push_back(s);
        }
    } else if (docx::is(e, ns.w, "sectPr")) {
      d.sections.push_back(read_section(e, ns, *d.package, main));
    }
  }
  if (const docx::Relationship* rel = d.package->related(main, "settings"); rel && !rel->part.empty()) {
    const auto settings = docx::parse_part(*d.package, rel->part);
    const El* sroot = settings->RootElement();
    const docx::Namespaces sns = docx::Namespaces::of(sroot);
    d.mirror =
        docx::child(sroot, sns.w, "mirrorMargins") && docx::on_off(docx::child(sroot, sns.w, "mirrorMargins"), sns.w);
    d.odd_even = docx::child(sroot, sns.w, "evenAndOddHeaders") &&
                 docx::on_off(docx::child(sroot, sns.w, "evenAndOddHeaders"), sns.w);
  }
}

// ---- the paragraphs and what each is ----------------------------------------

enum class Kind { Empty, Form, Title, Author, Heading, Caption, Body };

struct Item {
  const docx::Para* para = nullptr;
  Kind kind = Kind::Body;
  int depth = 0;          // a heading's depth in the template's scheme
  size_t head_chars = 0;  // a run-in heading's characters
};

std::u32string u32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out += utf8_next(s, i);
  return out;
}

bool caption_text(std::string_view text) {
  const std::u32string t = normalised(std::string(text));
  size_t i = t.rfind(U"续表", 0) == 0 ? 2 : (t.rfind(U"表", 0) == 0 || t.rfind(U"图", 0) == 0) ? 1 : 0;
  return i > 0 && i < t.size() && ((t[i] >= '0' && t[i] <= '9') || (t[i] >= 0xFF10 && t[i] <= 0xFF19));
}

std::vector<Item> classify(const WordDoc& d, const Template& tpl, size_t& outcome_from) {
  std::vector<Item> items;
  for (const auto& b : d.body.blocks)
    if (const auto* p = std::get_if<docx::Para>(&b)) items.push_back({p, Kind::Body});
  // The form: paragraphs up to the last front page's words (最终成果).
  outcome_from = 0;
  const auto keys = form_page_keys(tpl);
  if (!keys.empty() && !keys.back().keys.empty()) {
    for (size_t i = 0; i < items.size(); ++i)
      if (normalised(items[i].para->text) == keys.back().keys.front()) outcome_from = i + 1;
    // No 最终成果: the form alone, its outcome a file of its own (render
    // form.docx --outcome report.docx). Its paragraphs are not body text.
    if (outcome_from == 0) outcome_from = items.size();
  }
  bool seen_text = false, title_done = false;
  for (size_t i = 0; i < items.size(); ++i) {
    Item& it = items[i];
    const docx::Para& p = *it.para;
    if (i < outcome_from) {
      it.kind = Kind::Form;
      continue;
    }
    if (normalised(p.text).empty() || p.in_toc || p.from_text_box) {
      it.kind = Kind::Empty;
      continue;
    }
    const bool centred = p.props.align == docx::Align::Center;
    if (!seen_text) {
      seen_text = true;
      if (p.role == docx::StyleRole::Title || centred || p.main_half_points >= 36) {
        it.kind = Kind::Title;
        continue;
      }
    }
    if (!title_done && centred && items[i - 1].kind == Kind::Title && p.main_half_points >= 36) {
      it.kind = Kind::Title;  // a title in two paragraphs
      continue;
    }
    if (!title_done && centred && (items[i - 1].kind == Kind::Title || items[i - 1].kind == Kind::Author)) {
      it.kind = Kind::Author;
      continue;
    }
    title_done = true;
    if (caption_text(p.text)) {
      it.kind = Kind::Caption;
      continue;
    }
    const docx::HeadingGuess h = docx::guess_heading(p, p.content);
    if (h.level > 0) {
      it.kind = Kind::Heading;
      it.depth = h.typed_depth ? h.typed_depth : h.generated_depth ? h.generated_depth : std::min(h.level, 4);
      it.head_chars = h.run_in ? h.heading_chars : 0;
      continue;
    }
    // A number typed by hand in the template's own format, in the body's
    // face and not bold, is still a heading by GB/T 9704.
    const std::u32string t = u32(p.text);
    for (const NumberingLevel& n : tpl.numbering)
      if (match_numbering(n.format, t) > 0 && t.size() <= 40) {
        it.kind = Kind::Heading;
        it.depth = n.depth;
        break;
      }
  }
  return items;
}

// ---- helpers for findings ------------------------------------------------------

std::string place(const WordDoc& d, int paragraph) {
  const auto& o = d.body.openings;
  const std::string words =
      paragraph > 0 && static_cast<size_t>(paragraph) < o.size() ? o[static_cast<size_t>(paragraph)] : "";
  return SourceLoc::docx_paragraph(d.name, paragraph, words).format(Lang::En);
}

void add_detail(Finding& f, const WordDoc& d, int paragraph, Text t) {
  if (f.details.size() >= 12) return;
  f.details.push_back(std::move(t));
  f.places.push_back(paragraph > 0 ? place(d, paragraph) : d.name);
}

// The face of a paragraph's font: a bold paragraph is set in the family's
// bold face where it has one (Noto Serif CJK SC bold is the 小标宋
// stand-in), else in the family itself.
std::string face_of_font(const FamilyTable& families, const std::string& font, bool bold = false) {
  if (bold)
    if (const FamilyMatch m = families.match(font + " Bold"); m.face && m.rest.empty()) return m.face->id;
  const FamilyMatch m = families.match(font);
  return m.face ? m.face->id : "";
}

std::string face_label(const FamilyTable& families, const std::string& id, const std::string& font) {
  if (const FaceFamilies* f = id.empty() ? nullptr : families.face(id)) return f->name + "（" + font + "）";
  return font.empty() ? "—" : font;
}

double size_pt(const docx::Para& p) { return p.main_half_points / 2.0; }

Finding na(const char* rule, const char* code) { return make(rule, Verdict::NotApplicable, Text(code)); }

// Size, face and (when the style asks) bold of paragraphs against a style.
Finding style_rule(const std::string& id, const WordDoc& d, const Settings& settings, const FamilyTable& families,
                   const TextStyle& want, const std::vector<const Item*>& items) {
  if (items.empty()) return make(id, Verdict::NotApplicable, Text("audit.docx.none"));
  const double size_tol = settings.tolerance(id, "size-pt"), face_tol = settings.tolerance(id, "other-face-fraction");
  Finding f = make(id, Verdict::Pass, Text());
  long chars = 0, off_face = 0;
  std::map<std::string, long> faces;
  std::vector<double> sizes;
  for (const Item* it : items) {
    const docx::Para& p = *it->para;
    // A run-in heading is judged on its own words, the rest of the
    // paragraph being body text.
    const bool run_in = it->head_chars > 0 && p.lead_half_points > 0;
    const std::string& font = run_in ? p.lead_font : p.font;
    const double size = run_in ? p.lead_half_points / 2.0 : size_pt(p);
    const long n = static_cast<long>(run_in ? it->head_chars : u32(p.text).size());
    const std::string face = face_of_font(families, font, p.all_bold);
    chars += n;
    faces[face_label(families, face, font)] += n;
    sizes.push_back(size);
    const bool size_bad = std::fabs(size - want.size) > size_tol;
    const bool face_bad = face != want.face;
    const bool bold_bad = want.bold && !(p.all_bold || (it->head_chars > 0 && p.bold_prefix_chars >= 2));
    if (face_bad) off_face += n;
    if (size_bad)
      add_detail(f, d, p.index,
                 Text("audit.docx.size").arg("size", fixed(size_pt(p))).arg("expected", fixed(want.size)));
    if (face_bad)
      add_detail(f, d, p.index,
                 Text("audit.docx.face")
                     .arg("font", font.empty() ? "—" : font)
                     .arg("expected", families.face(want.face) ? families.face(want.face)->name : want.face));
    if (bold_bad) add_detail(f, d, p.index, Text("audit.docx.not-bold"));
    if (size_bad || bold_bad || face_bad) f.pages.push_back(p.index);
  }
  std::sort(sizes.begin(), sizes.end());
  std::string main_face;
  long most = 0;
  for (const auto& [face, n] : faces)
    if (n > most) most = n, main_face = face;
  // A few paragraphs in another face are allowed as for a PDF's characters.
  const bool faces_ok = off_face <= static_cast<long>(face_tol * static_cast<double>(chars));
  bool other = false;
  for (const Text& t : f.details) other = other || t.code != "audit.docx.face";
  f.verdict = faces_ok && !other ? Verdict::Pass : Verdict::Fail;
  if (f.verdict == Verdict::Pass) {
    f.details.clear();
    f.places.clear();
  }
  f.pages.clear();  // paragraphs, not pages: they are in `places`
  f.measured = Text(items.size() == 1 ? "audit.docx.style-one" : "audit.docx.style")
                   .arg("count", std::to_string(items.size()))
                   .arg("size", fixed(sizes[sizes.size() / 2]))
                   .arg("face", main_face)
                   .arg("expected_size", fixed(want.size))
                   .arg("expected_face", families.face(want.face) ? families.face(want.face)->name : want.face);
  return f;
}

// The text of a footer part, the page number field as "{n}", and its
// paragraph's alignment and run size.
struct Footer {
  std::string text;  // "— {n} —"
  bool page = false;
  docx::Align align = docx::Align::Left;
  double size = 0;
  double right_indent = 0, left_indent = 0;
};

Footer read_footer(const WordDoc& d, const std::string& part) {
  Footer out;
  const auto doc = docx::parse_part(*d.package, part);
  const El* root = doc->RootElement();
  const docx::Namespaces ns = docx::Namespaces::of(root);
  const std::string& w = ns.w;
  // Depth-first over the footer's paragraphs (the first with a PAGE field).
  std::vector<const El*> stack{root};
  while (!stack.empty()) {
    const El* e = stack.back();
    stack.pop_back();
    if (docx::is(e, w, "p")) {
      Footer f;
      const El* ppr = docx::child(e, w, "pPr");
      const char* pstyle =
          ppr && docx::child(ppr, w, "pStyle") ? docx::attr(docx::child(ppr, w, "pStyle"), w, "val") : nullptr;
      docx::ParaProps props = d.styles->paragraph(pstyle ? pstyle : "");
      props.apply(docx::read_para_props(ppr, ns));
      f.align = props.align.value_or(docx::Align::Left);
      if (ppr)
        if (const El* ind = docx::child(ppr, w, "ind")) {
          f.right_indent = twips(ind, w, "right").value_or(0);
          f.left_indent = twips(ind, w, "left").value_or(0);
        }
      bool in_field = false, result = false;
      std::vector<const El*> runs;
      std::vector<const El*> inner{e};
      while (!inner.empty()) {  // runs in document order
        const El* x = inner.back();
        inner.pop_back();
        if (docx::is(x, w, "r")) {
          runs.push_back(x);
          continue;
        }
        if (docx::is(x, w, "fldSimple")) {
          const char* instr = docx::attr(x, w, "instr");
          if (instr && std::string_view(instr).find("PAGE") != std::string_view::npos) {
            f.page = true;
            runs.push_back(nullptr);  // stands for the number
            continue;
          }
        }
        std::vector<const El*> kids;
        for (const El* k = x->FirstChildElement(); k; k = k->NextSiblingElement()) kids.push_back(k);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it) inner.push_back(*it);
      }
      for (const El* r : runs) {
        if (!r) {
          f.text += "{n}";
          continue;
        }
        const docx::RunProps rp = [&] {
          docx::RunProps p = d.styles->run(pstyle ? pstyle : "");
          p.apply(docx::read_run_props(docx::child(r, w, "rPr"), ns));
          return p;
        }();
        for (const El* k = r->FirstChildElement(); k; k = k->NextSiblingElement()) {
          if (docx::is(k, w, "fldChar")) {
            const char* t = docx::attr(k, w, "fldCharType");
            const std::string_view type = t ? t : "";
            if (type == "begin") in_field = true, result = false;
            else if (type == "separate") result = true;
            else if (type == "end") in_field = false, result = false;
          } else if (docx::is(k, w, "instrText") && in_field) {
            if (const char* txt = k->GetText(); txt && std::string_view(txt).find("PAGE") != std::string_view::npos) {
              f.page = true;
              f.text += "{n}";
            }
          } else if (docx::is(k, w, "t") && !(in_field && result)) {
            if (const char* txt = k->GetText()) f.text += txt;
            if (rp.half_points) f.size = *rp.half_points / 2.0;
          } else if (docx::is(k, w, "t") && in_field && result && rp.half_points) {
            f.size = *rp.half_points / 2.0;
          }
        }
        if (f.size == 0 && rp.half_points) f.size = *rp.half_points / 2.0;
      }
      if (f.page) return f;
      continue;
    }
    std::vector<const El*> kids;
    for (const El* k = e->FirstChildElement(); k; k = k->NextSiblingElement()) kids.push_back(k);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

}  // namespace

Report Auditor::audit_docx(std::string bytes, const std::string& name, const AuditOptions& options,
                           std::string* explanation) const {
  WordDoc d;
  d.name = name;
  std::optional<docx::Package> package;
  docx::StyleSheet styles;
  try {
    package.emplace(docx::Package::open_bytes(std::move(bytes), name));
    styles = docx::StyleSheet::read(*package);
    docx::Numbering numbering = docx::Numbering::read(*package);
    docx::ImportLog log;
    d.package = &*package;
    d.styles = &styles;
    d.body = docx::read_body(*package, styles, numbering, log);
    read_sections(d);
  } catch (const InputError& e) {
    const Diagnostic& diag = e.diagnostic();
    // The reader's own message, in the audit's words.
    Text why = diag.code ? Text(std::string(diag.code->str())) : Text("audit.unreadable.bad-docx");
    for (const Arg& a : diag.args) why.arg(a.name, a.value);
    throw UnreadableError(Unreadable::Docx, diag.message_text(Lang::En), why);
  }
  if (const docx::Style* normal = styles.default_paragraph())
    if (auto hp = styles.run(normal->id).half_points) d.default_size = *hp / 2.0;

  // The template: one with form pages when the file has their words.
  const Template* tpl = nullptr;
  std::string all;
  for (const auto& b : d.body.blocks)
    if (const auto* p = std::get_if<docx::Para>(&b)) all += p->text;
    else if (const auto* t = std::get_if<docx::Table>(&b))
      for (const auto& row : t->rows)
        for (const auto& cell : row.cells)
          for (const auto& q : cell.paras) all += q.text;
  const std::u32string text = normalised(all);
  if (!options.template_name.empty()) tpl = &template_named(options.template_name);
  for (const auto& [n, t] : templates_) {
    if (tpl || t->front.empty()) continue;
    const auto keys = form_page_keys(*t);
    int found = 0, total = 0;
    for (const auto& k : keys.front().keys) {
      ++total;
      found += text.find(k.substr(0, 14)) != std::u32string::npos;
    }
    if (total > 0 && 2 * found >= total) tpl = t.get();
  }
  if (!tpl)
    tpl = templates_.count("outcome") ? templates_.find("outcome")->second.get() : templates_.begin()->second.get();

  size_t outcome_from = 0;
  const std::vector<Item> items = classify(d, *tpl, outcome_from);
  if (explanation) {
    // How each paragraph was read: what it is, its size and face, its opening words.
    static constexpr const char* kKinds[] = {"empty", "form", "title", "author", "heading", "caption", "body"};
    std::string& out = *explanation;
    out += "template " + tpl->name + "; " + std::to_string(d.sections.size()) + " section(s)" +
           (d.mirror ? ", mirrored margins" : "") + "\n";
    for (const Item& it : items) {
      const docx::Para& p = *it.para;
      out += "  " + place(d, p.index) + "  " + kKinds[static_cast<int>(it.kind)];
      if (it.kind == Kind::Heading) out += std::to_string(it.depth) + (it.head_chars ? " run-in" : "");
      out += "  " + fixed(size_pt(p)) + " pt " + (p.font.empty() ? "—" : p.font) + (p.all_bold ? " bold" : "") + "\n";
    }
    return {};
  }
  const PageGeometry& g = tpl->page;
  Report r;
  r.file = name;
  r.kind = "docx";
  r.template_name = tpl->name;
  auto tol_of = [&](std::string_view rule, std::string_view t) { return settings_.tolerance(rule, t); };
  const Section* main = d.sections.empty() ? nullptr : &d.sections.back();

  // The form alone: the outcome's rules are for the file that holds it.
  const bool form_only = !items.empty() && outcome_from >= items.size();
  const std::set<std::string_view> outcome_rules{"body.style",     "title.style",    "heading1.style", "heading2.style",
                                                 "heading3.style", "heading4.style", "grid.lines",     "grid.chars",
                                                 "body.justified", "folio.format",   "folio.position", "folio.sequence",
                                                 "footnotes.page"};

  for (const RuleSpec& spec : rule_specs()) {
    const std::string id(spec.id);
    Finding f;
    if (form_only && outcome_rules.count(id)) {
      r.findings.push_back(na(id.c_str(), "audit.docx.form-only"));
      continue;
    }
    if (id == "page.size") {
      if (!main) {
        f = na("page.size", "audit.docx.no-section");
      } else {
        const double t = mm(tol_of(id, "size-mm"));
        f = make(id, Verdict::Pass,
                 Text("audit.docx.page").arg("w", mm_text(main->width)).arg("h", mm_text(main->height)));
        for (const Section& s : d.sections)
          if (std::fabs(s.width - g.width) > t || std::fabs(s.height - g.height) > t) {
            f.verdict = Verdict::Fail;
            add_detail(f, d, s.index, Text("audit.docx.page").arg("w", mm_text(s.width)).arg("h", mm_text(s.height)));
          }
      }
    } else if (id == "booklet.order") {
      f = na("booklet.order", "audit.docx.printing");
    } else if (id == "margins") {
      if (!main) {
        f = na("margins", "audit.docx.no-section");
      } else {
        const double t = mm(tol_of(id, "margin-mm"));
        const double outer = g.width - g.binding - g.text_width, bottom = g.height - g.top - g.text_height;
        f = make(id, Verdict::Pass,
                 Text(d.mirror ? "audit.docx.margins.mirrored" : "audit.docx.margins.plain")
                     .arg("top", mm_text(main->top))
                     .arg("bottom", mm_text(main->bottom))
                     .arg("left", mm_text(main->left + main->gutter))
                     .arg("right", mm_text(main->right)));
        for (const Section& s : d.sections) {
          auto check = [&](const char* code, double value, double want) {
            if (std::fabs(value - want) <= t) return;
            f.verdict = Verdict::Fail;
            add_detail(f, d, s.index, Text(code).arg("value", mm_text(value)).arg("expected", mm_text(want)));
          };
          check("audit.docx.margin.top", s.top, g.top);
          check("audit.docx.margin.bottom", s.bottom, bottom);
          check("audit.docx.margin.binding", s.left + s.gutter, g.binding);
          check("audit.docx.margin.outer", s.right, outer);
        }
      }
    } else if (id == "block.outside") {
      // A running head is outside the block; the footer holds the folio.
      f = make(id, Verdict::Pass, Text("audit.docx.no-header"));
      for (const Section& s : d.sections)
        for (const std::string& part : s.headers) {
          std::string t;
          const auto doc = docx::parse_part(*d.package, part);
          std::vector<const El*> stack{doc->RootElement()};
          const docx::Namespaces ns = docx::Namespaces::of(doc->RootElement());
          while (!stack.empty()) {
            const El* e = stack.back();
            stack.pop_back();
            if (docx::is(e, ns.w, "t") && e->GetText()) t += e->GetText();
            for (const El* k = e->FirstChildElement(); k; k = k->NextSiblingElement()) stack.push_back(k);
          }
          if (normalised(t).empty()) continue;
          f.verdict = Verdict::Fail;
          add_detail(f, d, s.index, Text("audit.docx.header").arg("text", excerpt(normalised(t))));
        }
    } else if (id == "body.style" || id == "title.style" || id.rfind("heading", 0) == 0) {
      std::vector<const Item*> chosen;
      const TextStyle* want = nullptr;
      if (id == "body.style") {
        want = &tpl->style("body");
        for (const Item& it : items)
          if (it.kind == Kind::Body) chosen.push_back(&it);
      } else if (id == "title.style") {
        want = &tpl->style("title");
        for (const Item& it : items)
          if (it.kind == Kind::Title) chosen.push_back(&it);
        if (chosen.empty()) {
          f = make(id, Verdict::Fail, Text("audit.title.none"));
          r.findings.push_back(std::move(f));
          continue;
        }
      } else {
        const int level = id[7] - '0';
        const NumberingLevel* n = tpl->level(level);
        if (!n) {
          r.findings.push_back(na(id.c_str(), "audit.heading.no-level"));
          continue;
        }
        want = &tpl->style(n->style);
        for (const Item& it : items)
          if (it.kind == Kind::Heading && it.depth == level) chosen.push_back(&it);
      }
      f = style_rule(id, d, settings_, families_, *want, chosen);
    } else if (id == "fonts.embedded" || id == "fonts.type3" || id == "text.extractable" || id == "linebreak.start" ||
               id == "linebreak.end") {
      f = make(id, Verdict::NotApplicable, Text("audit.docx.in-the-pdf"));
    } else if (id == "grid.lines") {
      // The document grid, else the body's exact line spacing.
      double pitch = 0;
      const char* how = "audit.docx.grid.lines";
      if (main && !main->grid_type.empty() && main->line_pitch > 0) pitch = main->line_pitch;
      std::map<long, int> exact;
      int automatic = 0;
      for (const Item& it : items) {
        if (it.kind != Kind::Body) continue;
        const auto& pp = it.para->props;
        const std::string rule = pp.line_rule.value_or("auto");
        if (pp.line && rule == "exact") ++exact[std::lround(*pp.line * kTwip * 100)];
        else ++automatic;
      }
      if (!exact.empty() && exact.rbegin()->second > 0) {
        long best = 0;
        int most = 0;
        for (const auto& [p, n] : exact)
          if (n > most) most = n, best = p;
        if (most >= automatic) {
          pitch = static_cast<double>(best) / 100;
          how = "audit.docx.grid.exact";
        }
      }
      if (pitch <= 0) {
        f = make(id, Verdict::Fail, Text("audit.docx.grid.none"));
      } else {
        const double lines = g.text_height / pitch;
        f = make(id, std::fabs(lines - g.lines) <= tol_of(id, "lines") ? Verdict::Pass : Verdict::Fail,
                 Text(how)
                     .arg("lines", fixed(lines))
                     .arg("pitch", fixed(pitch, 2))
                     .arg("expected", std::to_string(g.lines)));
      }
    } else if (id == "grid.chars") {
      // Word's character grid: the Normal style's size plus charSpace/4096 pt.
      const double width = main ? main->width - main->left - main->right - main->gutter : g.text_width;
      double pitch = 0;
      const char* how = "audit.docx.chars.grid";
      if (main && (main->grid_type == "linesAndChars" || main->grid_type == "snapToChars"))
        pitch = d.default_size + main->char_space / 4096.0;
      if (pitch <= 0) {
        // No character grid: characters at the body's own size, less (or
        // more) the character spacing it is set with.
        std::vector<double> sizes;
        for (const Item& it : items)
          if (it.kind == Kind::Body) sizes.push_back(size_pt(*it.para) + it.para->main_spacing * kTwip);
        std::sort(sizes.begin(), sizes.end());
        pitch = sizes.empty() ? 0 : sizes[sizes.size() / 2];
        how = "audit.docx.chars.size";
      }
      if (pitch <= 0) {
        f = na("grid.chars", "audit.docx.none");
      } else {
        const double chars = width / pitch;
        f = make(id, std::fabs(chars - g.chars) <= tol_of(id, "chars") ? Verdict::Pass : Verdict::Fail,
                 Text(how)
                     .arg("chars", fixed(chars))
                     .arg("pitch", fixed(pitch, 2))
                     .arg("expected", std::to_string(g.chars)));
      }
    } else if (id == "body.justified") {
      int body = 0;
      f = make(id, Verdict::Pass, Text());
      for (const Item& it : items) {
        if (it.kind != Kind::Body) continue;
        ++body;
        const auto a = it.para->props.align.value_or(docx::Align::Left);
        if (a == docx::Align::Justify || a == docx::Align::Distribute) continue;
        f.verdict = Verdict::Fail;
        add_detail(f, d, it.para->index, Text("audit.docx.not-justified"));
      }
      f.measured =
          Text(body == 1 ? "audit.docx.justified-one" : "audit.docx.justified").arg("count", std::to_string(body));
      if (body == 0) f.verdict = Verdict::NotApplicable;
    } else if (id == "folio.format" || id == "folio.position" || id == "folio.sequence") {
      const std::string odd_part = main && !main->footers.empty() ? main->footers.front() : "";
      const Footer odd = odd_part.empty() ? Footer{} : read_footer(d, odd_part);
      if (!odd.page) {
        f = id == "folio.format" ? make(id, Verdict::Fail, Text("audit.docx.folio.none"))
                                 : na(id.c_str(), "audit.docx.folio.none");
      } else if (id == "folio.format") {
        const std::u32string got = normalised(odd.text), want = normalised(tpl->folio.format);
        const bool size_ok = std::fabs(odd.size - tpl->folio.size) <= tol_of(id, "size-pt");
        f = make(id, got == want && size_ok ? Verdict::Pass : Verdict::Fail,
                 Text("audit.docx.folio")
                     .arg("text", utf8(got))
                     .arg("size", fixed(odd.size))
                     .arg("expected", utf8(want))
                     .arg("expected_size", fixed(tpl->folio.size)));
        if (f.verdict == Verdict::Fail) add_detail(f, d, 0, Text("audit.docx.folio.part").arg("part", odd_part));
      } else if (id == "folio.position") {
        // Odd pages at the right, one character in; even pages (their own
        // footer) at the left.
        bool ok = odd.align == docx::Align::Right;
        f = make(id, Verdict::Pass, Text("audit.docx.folio.place"));
        if (!ok) add_detail(f, d, 0, Text("audit.docx.folio.odd"));
        if (d.odd_even && main->footers.size() > 1) {
          const Footer even = read_footer(d, main->footers[1]);
          if (even.align != docx::Align::Left) {
            ok = false;
            add_detail(f, d, 0, Text("audit.docx.folio.even"));
          }
        } else if (d.mirror) {
          ok = false;
          add_detail(f, d, 0, Text("audit.docx.folio.one-footer"));
        }
        // The footer's distance from the paper's foot puts the number
        // 7 mm under the block.
        const double want = g.height - g.top - g.text_height - tpl->folio.below - tpl->folio.size;
        if (std::fabs(main->footer - want) > mm(tol_of(id, "below-mm")) + tpl->folio.size * 0.5) {
          ok = false;
          add_detail(
              f, d, 0,
              Text("audit.docx.folio.distance").arg("value", mm_text(main->footer)).arg("expected", mm_text(want)));
        }
        f.verdict = ok ? Verdict::Pass : Verdict::Fail;
      } else {
        f = make(id, Verdict::Pass, Text("audit.docx.folio.consecutive"));
        for (size_t k = 0; k + 1 < d.sections.size(); ++k)
          if (d.sections[k + 1].restart) {
            f.verdict = Verdict::Fail;
            add_detail(f, d, d.sections[k].index,
                       Text("audit.docx.folio.restart").arg("number", std::to_string(*d.sections[k + 1].restart)));
          }
      }
    } else if (id == "footnotes.page") {
      const bool endnotes = d.package->related(d.package->main_part(), "endnotes") != nullptr && [&] {
        const auto doc = docx::parse_part(*d.package, d.package->main_part());
        std::vector<const El*> stack{doc->RootElement()};
        const docx::Namespaces ns = docx::Namespaces::of(doc->RootElement());
        while (!stack.empty()) {
          const El* e = stack.back();
          stack.pop_back();
          if (docx::is(e, ns.w, "endnoteReference")) return true;
          for (const El* k = e->FirstChildElement(); k; k = k->NextSiblingElement()) stack.push_back(k);
        }
        return false;
      }();
      f = endnotes ? make(id, Verdict::Fail, Text("audit.docx.endnotes"))
                   : make(id, Verdict::Pass, Text("audit.docx.footnotes"));
    } else if (id == "form.pages" || id == "form.cover") {
      const auto keys = form_page_keys(*tpl);
      if (keys.empty()) {
        f = na(id.c_str(), "audit.form.outcome-only");
      } else if (id == "form.pages") {
        // Each front page's words, in order through the paragraphs (and cells).
        std::vector<std::pair<int, std::u32string>> paras;
        for (const auto& b : d.body.blocks)
          if (const auto* p = std::get_if<docx::Para>(&b)) paras.emplace_back(p->index, normalised(p->text));
          else if (const auto* t = std::get_if<docx::Table>(&b))
            for (const auto& row : t->rows)
              for (const auto& cell : row.cells)
                for (const auto& q : cell.paras) paras.emplace_back(q.index, normalised(q.text));
        // A short key opens its paragraph (立项编号：…, 最终成果), since the
        // same words also occur in the instructions' prose (“并附最终成果
        //打印”); a long one is found by its opening words anywhere.
        auto holds = [](const std::u32string& t, const std::u32string& k) {
          return k.size() < 8 ? t.rfind(k, 0) == 0 : t.find(k.substr(0, 14)) != std::u32string::npos;
        };
        // Where a key occurs first at or after `from`, else first anywhere (0: nowhere).
        auto where = [&](const std::u32string& k, int from) {
          int any = 0;
          for (const auto& [index, t] : paras)
            if (holds(t, k)) {
              if (index >= from) return index;
              if (!any) any = index;
            }
          return any;
        };
        int last = 0, found = 0;
        f = make(id, Verdict::Pass, Text());
        for (const FormPageKeys& page : keys) {
          if (form_only && &page == &keys.back()) continue;  // 最终成果, in its own file
          int at = 0, hits = 0;
          for (const auto& k : page.keys)
            if (const int i = where(k, last)) {
              ++hits;
              if (!at) at = i;
            }
          if (2 * hits < static_cast<int>(page.keys.size()) || !at) {
            f.verdict = Verdict::Fail;
            add_detail(f, d, 0, Text("audit.form.missing").arg("name", utf8(page.title)));
            continue;
          }
          ++found;
          if (at < last) {
            f.verdict = Verdict::Fail;
            add_detail(f, d, at, Text("audit.docx.form-order").arg("name", utf8(page.title)));
          }
          last = std::max(last, at);
        }
        f.measured = Text(f.verdict == Verdict::Pass ? "audit.form.pages.pass" : "audit.form.pages.fail")
                         .arg("found", std::to_string(found))
                         .arg("total", std::to_string(keys.size() - (form_only ? 1 : 0)));
      } else {
        // The cover's labels and what follows them, in a paragraph or the
        // next cell of their table row.
        const auto labels = cover_field_labels(*tpl);
        int filled = 0;
        f = make(id, Verdict::Pass, Text());
        for (const auto& label : labels) {
          std::optional<std::u32string> value;
          int at = 0;
          for (const auto& b : d.body.blocks) {
            if (value) break;
            if (const auto* p = std::get_if<docx::Para>(&b)) {
              const std::u32string t = normalised(p->text);
              if (const size_t k = t.find(label); k != std::u32string::npos)
                value = t.substr(k + label.size()), at = p->index;
            } else if (const auto* tab = std::get_if<docx::Table>(&b)) {
              for (const auto& row : tab->rows)
                for (size_t c = 0; c < row.cells.size() && !value; ++c) {
                  std::u32string t;
                  for (const auto& q : row.cells[c].paras) t += normalised(q.text);
                  const size_t k = t.find(label);
                  if (k == std::u32string::npos) continue;
                  value = t.substr(k + label.size());
                  at = row.cells[c].paras.empty() ? tab->index : row.cells[c].paras.front().index;
                  if (value->find_first_not_of(U"：:_") == std::u32string::npos && c + 1 < row.cells.size()) {
                    value->clear();
                    for (const auto& q : row.cells[c + 1].paras) *value += normalised(q.text);
                  }
                }
            }
          }
          if (!value) {
            f.verdict = Verdict::Fail;
            add_detail(f, d, 0, Text("audit.form.field-missing").arg("field", utf8(label)));
            continue;
          }
          std::u32string v = *value;
          v.erase(std::remove_if(v.begin(), v.end(), [](char32_t c) { return c == U'：' || c == ':' || c == '_'; }),
                  v.end());
          const bool blank =
              std::all_of(v.begin(), v.end(), [](char32_t c) { return c == U'年' || c == U'月' || c == U'日'; });
          if (blank) {
            f.verdict = Verdict::Fail;
            add_detail(f, d, at, Text("audit.form.field-empty").arg("field", utf8(label)));
          } else {
            ++filled;
          }
        }
        f.measured = Text("audit.form.cover.measured")
                         .arg("filled", std::to_string(filled))
                         .arg("total", std::to_string(labels.size()));
      }
    }
    if (f.rule.empty()) f.rule = id;
    if (f.measured.code.empty()) f.measured = Text("audit.docx.none");
    r.findings.push_back(std::move(f));
  }
  return r;
}

}  // namespace banshi::audit
