#include "docx/styles.h"

#include <cstdlib>
#include <cstring>
#include <vector>

#include "docx/package.h"
#include "docx/xml_part.h"

namespace banshi::docx {

namespace {

// A basedOn chain longer than this is a loop (or hostile): Word's own
// chains are a few styles deep.
constexpr int kMaxChain = 32;

std::optional<int> int_attr(const El* el, std::string_view w, std::string_view name) {
  const char* v = attr(el, w, name);
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  const long n = std::strtol(v, &end, 10);
  if (end == v || n < -10'000'000 || n > 10'000'000) return std::nullopt;
  return static_cast<int>(n);
}

std::string_view val(const El* el, std::string_view w) {
  const char* v = attr(el, w, "val");
  return v ? v : "";
}

template <class T>
void set_if(std::optional<T>& to, const std::optional<T>& from) {
  if (from) to = from;
}

// Lower-case ASCII, white space dropped: "Heading 1" → "heading1".
std::string squeeze_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == ' ' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool strip_prefix(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

}  // namespace

void RunProps::apply(const RunProps& o) {
  set_if(bold, o.bold);
  set_if(italic, o.italic);
  set_if(dot_emphasis, o.dot_emphasis);
  set_if(hidden, o.hidden);
  set_if(strike, o.strike);
  set_if(underline, o.underline);
  set_if(valign, o.valign);
  set_if(half_points, o.half_points);
  set_if(spacing, o.spacing);
  set_if(east_asia_font, o.east_asia_font);
  set_if(ascii_font, o.ascii_font);
}

void ParaProps::apply(const ParaProps& o) {
  set_if(outline_level, o.outline_level);
  set_if(align, o.align);
  set_if(numbering, o.numbering);
  set_if(first_line_twips, o.first_line_twips);
  set_if(first_line_chars, o.first_line_chars);
  set_if(left_twips, o.left_twips);
  set_if(line, o.line);
  set_if(line_rule, o.line_rule);
  set_if(before, o.before);
  set_if(after, o.after);
  set_if(keep_next, o.keep_next);
  set_if(page_break_before, o.page_break_before);
}

ParaProps read_para_props(const El* ppr, const Namespaces& ns) {
  ParaProps p;
  if (!ppr) return p;
  const std::string& w = ns.w;
  for (const El* e = ppr->FirstChildElement(); e; e = e->NextSiblingElement()) {
    if (is(e, w, "outlineLvl")) {
      p.outline_level = int_attr(e, w, "val");
    } else if (is(e, w, "jc")) {
      const std::string_view v = val(e, w);
      if (v == "center") p.align = Align::Center;
      else if (v == "right" || v == "end") p.align = Align::Right;
      else if (v == "both" || v == "justify") p.align = Align::Justify;
      else if (v == "distribute") p.align = Align::Distribute;
      else p.align = Align::Left;
    } else if (is(e, w, "numPr")) {
      NumberingRef n;
      n.num_id = int_attr(child(e, w, "numId"), w, "val").value_or(0);
      n.level = int_attr(child(e, w, "ilvl"), w, "val").value_or(0);
      p.numbering = n;
    } else if (is(e, w, "ind")) {
      if (auto v = int_attr(e, w, "firstLine")) p.first_line_twips = *v;
      if (auto v = int_attr(e, w, "hanging")) p.first_line_twips = -*v;
      if (auto v = int_attr(e, w, "firstLineChars")) p.first_line_chars = *v;
      if (auto v = int_attr(e, w, "hangingChars")) p.first_line_chars = -*v;
      if (auto v = int_attr(e, w, "left")) p.left_twips = *v;
      else if (auto s = int_attr(e, w, "start")) p.left_twips = *s;
    } else if (is(e, w, "spacing")) {
      p.line = int_attr(e, w, "line");
      if (const char* rule = attr(e, w, "lineRule")) p.line_rule = rule;
      p.before = int_attr(e, w, "before");
      p.after = int_attr(e, w, "after");
    } else if (is(e, w, "keepNext")) {
      p.keep_next = on_off(e, w);
    } else if (is(e, w, "pageBreakBefore")) {
      p.page_break_before = on_off(e, w);
    }
  }
  return p;
}

RunProps read_run_props(const El* rpr, const Namespaces& ns) {
  RunProps r;
  if (!rpr) return r;
  const std::string& w = ns.w;
  for (const El* e = rpr->FirstChildElement(); e; e = e->NextSiblingElement()) {
    if (is(e, w, "b")) r.bold = on_off(e, w);
    else if (is(e, w, "i")) r.italic = on_off(e, w);
    else if (is(e, w, "em")) r.dot_emphasis = !val(e, w).empty() && val(e, w) != "none";
    else if (is(e, w, "vanish")) r.hidden = on_off(e, w);
    else if (is(e, w, "strike") || is(e, w, "dstrike")) r.strike = on_off(e, w);
    else if (is(e, w, "u")) r.underline = !val(e, w).empty() && val(e, w) != "none";
    else if (is(e, w, "sz")) r.half_points = int_attr(e, w, "val");
    else if (is(e, w, "spacing")) r.spacing = int_attr(e, w, "val");
    else if (is(e, w, "vertAlign")) {
      const std::string_view v = val(e, w);
      r.valign = v == "superscript" ? VertAlign::Super : v == "subscript" ? VertAlign::Sub : VertAlign::Baseline;
    } else if (is(e, w, "rFonts")) {
      if (const char* f = attr(e, w, "eastAsia")) r.east_asia_font = f;
      if (const char* f = attr(e, w, "ascii")) r.ascii_font = f;
      else if (const char* h = attr(e, w, "hAnsi")) r.ascii_font = h;
    }
  }
  return r;
}

StyleRole role_of_name(std::string_view name, int* heading_level) {
  const std::string s = squeeze_name(name);
  std::string_view v = s;
  if (heading_level) *heading_level = 0;
  if (strip_prefix(v, "heading") || strip_prefix(v, "标题")) {
    if (v.empty()) return s.starts_with("heading") ? StyleRole::Other : StyleRole::Title;  // 标题 = Title
    if (v.size() == 1 && v[0] >= '1' && v[0] <= '9') {
      if (heading_level) *heading_level = v[0] - '0';
      return StyleRole::Heading;
    }
    return StyleRole::Other;
  }
  if (v == "title" || v == "主标题") return StyleRole::Title;
  if (v == "subtitle" || v == "副标题") return StyleRole::Subtitle;
  if (strip_prefix(v, "toc") || strip_prefix(v, "目录")) {
    if (v.empty() || (v.size() == 1 && v[0] >= '1' && v[0] <= '9') || v == "heading" || v == "标题")
      return StyleRole::Toc;
    return StyleRole::Other;
  }
  if (v == "caption" || v == "题注") return StyleRole::Caption;
  if (v == "footnotetext" || v == "脚注文本" || v == "endnotetext" || v == "尾注文本") return StyleRole::FootnoteText;
  if (v == "listparagraph" || v == "列出段落" || v == "列表段落") return StyleRole::ListParagraph;
  if (v == "normal" || v == "正文") return StyleRole::Normal;
  return StyleRole::Other;
}

StyleSheet StyleSheet::read(const Package& package) {
  const Relationship* rel = package.related(package.main_part(), "styles");
  std::string part = rel && !rel->part.empty() ? rel->part : "word/styles.xml";
  if (!package.has(part)) return {};
  const auto doc = parse_part(package, part);
  return parse(doc->RootElement());
}

StyleSheet StyleSheet::parse(const El* root) {
  StyleSheet sheet;
  if (!root) return sheet;
  const Namespaces ns = Namespaces::of(root);
  const std::string& w = ns.w;
  if (const El* dd = child(root, w, "docDefaults")) {
    sheet.default_rpr_ = read_run_props(child(child(dd, w, "rPrDefault"), w, "rPr"), ns);
    sheet.default_ppr_ = read_para_props(child(child(dd, w, "pPrDefault"), w, "pPr"), ns);
  }
  for (const El* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    if (!is(e, w, "style")) continue;
    Style s;
    if (const char* v = attr(e, w, "styleId")) s.id = v;
    if (const char* v = attr(e, w, "type")) s.type = v;
    if (const char* d = attr(e, w, "default"))
      s.is_default = std::strcmp(d, "1") == 0 || std::strcmp(d, "true") == 0 || std::strcmp(d, "on") == 0;
    if (const El* n = child(e, w, "name")) s.name = val(n, w);
    if (const El* b = child(e, w, "basedOn")) s.based_on = val(b, w);
    s.ppr = read_para_props(child(e, w, "pPr"), ns);
    s.rpr = read_run_props(child(e, w, "rPr"), ns);
    s.role = role_of_name(s.name, &s.heading_level);
    if (s.role == StyleRole::Other && s.name.empty()) s.role = role_of_name(s.id, &s.heading_level);
    if (s.type == "paragraph" && s.is_default && sheet.default_paragraph_.empty()) sheet.default_paragraph_ = s.id;
    sheet.styles_.try_emplace(s.id, std::move(s));
  }
  // Resolved once, so lookups are cheap and the sheet is read-only after.
  for (const auto& [id, s] : sheet.styles_) {
    ParaProps p = sheet.default_ppr_;
    p.apply(sheet.chain(id, &Style::ppr));
    sheet.para_cache_.emplace(id, p);
    RunProps r = sheet.default_rpr_;
    r.apply(sheet.chain(id, &Style::rpr));
    sheet.run_cache_.emplace(id, r);
  }
  return sheet;
}

template <class Props>
Props StyleSheet::chain(std::string_view id, Props Style::*member) const {
  std::vector<const Style*> styles;
  for (const Style* s = find(id); s && styles.size() < kMaxChain;
       s = s->based_on.empty() ? nullptr : find(s->based_on)) {
    bool seen = false;
    for (const Style* t : styles) seen = seen || t == s;
    if (seen) break;
    styles.push_back(s);
  }
  Props out;
  for (auto it = styles.rbegin(); it != styles.rend(); ++it) out.apply((*it)->*member);
  return out;
}

const Style* StyleSheet::find(std::string_view id) const {
  auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

const Style* StyleSheet::default_paragraph() const { return find(default_paragraph_); }

const ParaProps& StyleSheet::paragraph(std::string_view style_id) const {
  auto it = para_cache_.find(style_id.empty() || !find(style_id) ? std::string_view(default_paragraph_) : style_id);
  return it == para_cache_.end() ? default_ppr_ : it->second;
}

RunProps StyleSheet::run(std::string_view para_style, std::string_view char_style) const {
  auto it =
      run_cache_.find(para_style.empty() || !find(para_style) ? std::string_view(default_paragraph_) : para_style);
  RunProps r = it == run_cache_.end() ? default_rpr_ : it->second;
  if (!char_style.empty()) r.apply(chain(char_style, &Style::rpr));
  return r;
}

StyleRole StyleSheet::role(std::string_view style_id, int* heading_level) const {
  if (heading_level) *heading_level = 0;
  const Style* s = find(style_id.empty() ? std::string_view(default_paragraph_) : style_id);
  for (int i = 0; s && i < kMaxChain; ++i) {
    if (s->role != StyleRole::Other) {
      if (heading_level) *heading_level = s->heading_level;
      return s->role;
    }
    s = s->based_on.empty() ? nullptr : find(s->based_on);
  }
  return StyleRole::Other;
}

}  // namespace banshi::docx
