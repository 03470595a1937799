// Inline content: runs and their text, fields, hyperlinks, notes, symbols,
// pictures and text boxes.
#include <cstdlib>
#include <cstring>

#include "docx/package.h"
#include "docx/symbols.h"
#include "docx/walker.h"
#include "util/utf8.h"
#include "xml/schema.h"
#include "xml/values.h"

namespace banshi::docx {

namespace {

bool is_cjk_cp(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

std::string upper_word(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  std::string out;
  while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\\') {
    out += (s[i] >= 'a' && s[i] <= 'z') ? static_cast<char>(s[i] - 'a' + 'A') : s[i];
    ++i;
  }
  return out;
}

// HYPERLINK "https://…" \o "tip": the first quoted argument (or the first
// bare one), unless it is a \l bookmark inside the document.
std::string hyperlink_target(std::string_view instr) {
  size_t i = instr.find_first_not_of(" \t");
  i = instr.find_first_of(" \t", i);
  while (i != std::string_view::npos && i < instr.size()) {
    i = instr.find_first_not_of(" \t", i);
    if (i == std::string_view::npos) break;
    if (instr[i] == '\\') {
      if (instr.substr(i, 2) == "\\l") return {};
      i = instr.find_first_of(" \t", i);
      // the switch's own argument, if quoted
      continue;
    }
    if (instr[i] == '"') {
      const size_t e = instr.find('"', i + 1);
      return std::string(instr.substr(i + 1, e == std::string_view::npos ? std::string_view::npos : e - i - 1));
    }
    const size_t e = instr.find_first_of(" \t", i);
    return std::string(instr.substr(i, e == std::string_view::npos ? std::string_view::npos : e - i));
  }
  return {};
}

// "width:415.3pt;height:…" → 415.3
std::optional<double> vml_width(const char* style) {
  if (!style) return std::nullopt;
  const char* w = std::strstr(style, "width:");
  while (w && w != style && w[-1] != ';' && w[-1] != ' ') w = std::strstr(w + 1, "width:");
  if (!w) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(w + 6, &end);
  if (end == w + 6 || v <= 0) return std::nullopt;
  if (std::strncmp(end, "pt", 2) == 0) return v;
  if (std::strncmp(end, "in", 2) == 0) return v * 72;
  if (std::strncmp(end, "cm", 2) == 0) return v * 72 / 2.54;
  if (std::strncmp(end, "mm", 2) == 0) return v * 72 / 25.4;
  return std::nullopt;
}

// A link report XML can hold: <a href> is a token (no white space) to the
// web or an address — the XML reader's own two checks.
bool printable_link(std::string_view href) {
  const xml::AttrSpec* spec = xml::find_attr(xml::ElementId::Link, "href");
  return !xml::check_href(href) && !(spec && xml::check_attribute_value(*spec, href));
}

}  // namespace

void set_pos(model::Inlines& in, model::Pos pos) {
  for (auto& n : in) {
    n.pos = pos;
    set_pos(n.children, pos);
  }
}

bool Walker::suppressed() const {
  for (const Field& f : fields_)
    if (!f.result || f.kind == Field::Kind::Hidden) return true;
  return false;
}

int Walker::current_link(ParaState& st) const {
  for (auto it = fields_.rbegin(); it != fields_.rend(); ++it)
    if (it->result && it->kind == Field::Kind::Hyperlink && !it->href.empty()) return st.out.link(it->href);
  return -1;
}

void Walker::inlines(const El* parent, ParaState& st, const Format& f) {
  const std::string& w = ns_.w;
  for (const El* c = parent->FirstChildElement(); c; c = c->NextSiblingElement()) {
    if (is(c, w, "r")) {
      run(c, st, f);
    } else if (is(c, w, "hyperlink")) {
      Format g = f;
      const char* id = attr(c, ns_.r, "id");
      if (const Relationship* rel = id ? ctx_.package.relationship(part_, id) : nullptr) {
        if (rel->external) {
          if (!printable_link(rel->target)) {
            ctx_.log.warn(here(), "docx.link-not-web", {{"target", rel->target.substr(0, 200)}});
          } else {
            g.link = st.out.link(rel->target);
          }
        }
      }
      inlines(c, st, g);
    } else if (is(c, w, "fldSimple")) {
      Field field;
      if (const char* instr = attr(c, w, "instr")) field.instr = instr;
      field.result = true;
      begin_field_result(field);
      fields_.push_back(field);
      Format g = f;
      if (g.link < 0) g.link = current_link(st);
      inlines(c, st, g);
      fields_.pop_back();
    } else if (is(c, w, "ins") || is(c, w, "moveTo") || is(c, w, "smartTag") || is(c, w, "customXml") ||
               is(c, w, "dir") || is(c, w, "bdo")) {
      inlines(c, st, f);
    } else if (is(c, w, "sdt")) {
      if (const El* content = child(c, w, "sdtContent")) inlines(content, st, f);
    } else if (is(c, ns_.mc, "AlternateContent")) {
      if (const El* choice = child(c, ns_.mc, "Choice")) inlines(choice, st, f);
    } else if (is(c, ns_.m, "oMath") || is(c, ns_.m, "oMathPara")) {
      // An equation: its characters in reading order, as plain text.
      std::string text;
      auto collect = [&](auto&& self, const El* e) -> void {
        for (const El* k = e->FirstChildElement(); k; k = k->NextSiblingElement()) {
          if (is(k, ns_.m, "t")) text += k->GetText() ? k->GetText() : "";
          else self(self, k);
        }
      };
      collect(collect, c);
      if (!text.empty()) {
        run_text(text, ctx_.styles.run(para_style_), st, f);
        ctx_.log.once(Severity::Warning, here(), "docx.equation", {{"text", text.substr(0, 60)}});
      }
    }
    // w:del, w:moveFrom (deleted), w:proofErr, bookmarks, comment ranges:
    // nothing the printed page shows.
  }
}

void Walker::run(const El* r, ParaState& st, Format f) {
  const std::string& w = ns_.w;
  const El* rpr = child(r, w, "rPr");
  std::string_view char_style;
  if (const El* rs = child(rpr, w, "rStyle"))
    if (const char* v = attr(rs, w, "val")) char_style = v;
  RunProps rp = ctx_.styles.run(para_style_, char_style);
  rp.apply(read_run_props(rpr, ns_));
  const bool hidden = rp.hidden.value_or(false);
  f.bold = rp.bold.value_or(false);
  f.dot = rp.dot_emphasis.value_or(false);
  f.valign = rp.valign.value_or(VertAlign::Baseline);

  auto content = [&](auto&& self, const El* parent) -> void {
    for (const El* c = parent->FirstChildElement(); c; c = c->NextSiblingElement()) {
      if (is(c, w, "fldChar")) {
        field_char(c, st);
        continue;
      }
      if (is(c, w, "instrText")) {
        if (!fields_.empty() && !fields_.back().result && c->GetText()) fields_.back().instr += c->GetText();
        continue;
      }
      if (is(c, ns_.mc, "AlternateContent")) {
        if (const El* choice = child(c, ns_.mc, "Choice")) self(self, choice);
        continue;
      }
      if (hidden || suppressed()) continue;
      Format g = f;
      if (g.link < 0) g.link = current_link(st);
      for (const Field& fl : fields_) st.para.in_toc = st.para.in_toc || fl.kind == Field::Kind::Toc;
      if (is(c, w, "t")) {
        if (const char* t = c->GetText()) run_text(t, rp, st, g);
      } else if (is(c, w, "tab") || is(c, w, "ptab")) {
        run_text("\t", rp, st, g);
      } else if (is(c, w, "br")) {
        const char* type = attr(c, w, "type");
        if (type && (std::strcmp(type, "page") == 0 || std::strcmp(type, "column") == 0)) {
          st.para.page_break = true;
        } else {
          model::Inline br;
          br.kind = model::InlineKind::LineBreak;
          st.out.node(std::move(br));
          st.para.text += '\n';
        }
      } else if (is(c, w, "cr")) {
        model::Inline br;
        br.kind = model::InlineKind::LineBreak;
        st.out.node(std::move(br));
        st.para.text += '\n';
      } else if (is(c, w, "noBreakHyphen")) {
        run_text("-", rp, st, g);
      } else if (is(c, w, "sym")) {
        symbol(c, rp, st, g);
      } else if (is(c, w, "footnoteReference")) {
        footnote(c, st, false);
      } else if (is(c, w, "endnoteReference")) {
        footnote(c, st, true);
      } else if (is(c, w, "drawing") || is(c, w, "pict")) {
        drawing(c, st);
      } else if (is(c, w, "object")) {
        ImageRef img;
        img.kind = "object";
        st.para.images.push_back(img);
      }
      // w:softHyphen, w:lastRenderedPageBreak, w:commentReference,
      // w:footnoteRef (a note's own number), separators: not printed text.
    }
  };
  content(content, r);
}

void Walker::run_text(std::string_view text, const RunProps& rp, ParaState& st, const Format& f) {
  const std::string font = rp.ascii_font.value_or("");
  std::string clean;
  clean.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t c = utf8_next(text, i);
    if (c < 0x20 && c != '\t') continue;  // control characters print nothing
    if ((c >= 0xF000 && c <= 0xF0FF) || is_symbol_font(font)) {
      if (const char32_t mapped = symbol_char(font, c)) {
        c = mapped;
      } else if (c >= 0xF000 && c <= 0xF0FF) {
        ctx_.log.once(Severity::Warning, here(), "docx.unknown-symbol", {{"font", font}});
        continue;
      }
    }
    utf8_append(clean, c);
    st.para.text += c == '\t' ? std::string("\t") : utf8_encode(c);
    if (c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0) continue;
    ++st.chars;
    const bool bold = f.bold;
    if (bold) ++st.bold_chars;
    if (!bold) st.bold_prefix_open = false;
    if (st.bold_prefix_open) ++st.para.bold_prefix_chars;
    const std::string& face = is_cjk_cp(c) ? rp.east_asia_font.value_or(font) : font;
    if (is_cjk_cp(c) && st.para.lead_half_points == 0) {
      st.para.lead_font = face;
      st.para.lead_half_points = rp.half_points.value_or(21);
    }
    if (!face.empty()) ++st.font_chars[face];
    st.para.max_half_points = std::max(st.para.max_half_points, rp.half_points.value_or(21));
    ++st.size_chars[rp.half_points.value_or(21)];
    ++st.spacing_chars[rp.spacing.value_or(0)];
  }
  // A tab separates like a space in printed text; the form reader sees it
  // in Para::text.
  for (char& ch : clean)
    if (ch == '\t') ch = ' ';
  st.out.text(clean, f);
}

void Walker::symbol(const El* sym, const RunProps& rp, ParaState& st, const Format& f) {
  const char* font = attr(sym, ns_.w, "font");
  const char* code = attr(sym, ns_.w, "char");
  const char32_t cp = code ? static_cast<char32_t>(std::strtoul(code, nullptr, 16)) : 0;
  const char32_t mapped = symbol_char(font ? font : "", cp);
  if (!mapped) {
    ctx_.log.once(Severity::Warning, here(), "docx.unknown-symbol", {{"font", font ? font : ""}});
    return;
  }
  RunProps plain = rp;
  plain.ascii_font.reset();
  run_text(utf8_encode(mapped), plain, st, f);
}

void Walker::field_char(const El* fc, ParaState& st) {
  const char* type = attr(fc, ns_.w, "fldCharType");
  if (!type) return;
  if (std::strcmp(type, "begin") == 0) {
    // A legacy form check box (FORMCHECKBOX) shows its state, not text.
    if (const El* box = child(child(fc, ns_.w, "ffData"), ns_.w, "checkBox")) {
      const El* checked = child(box, ns_.w, "checked");
      const El* dflt = child(box, ns_.w, "default");
      const bool on = checked ? on_off(checked, ns_.w) : dflt && on_off(dflt, ns_.w);
      if (!suppressed()) run_text(on ? "☑" : "☐", RunProps{}, st, Format{});
    }
    fields_.push_back({});
    if (fields_.size() > 64) fields_.erase(fields_.begin());  // unbalanced fields in a hostile file
  } else if (std::strcmp(type, "separate") == 0) {
    if (!fields_.empty() && !fields_.back().result) {
      fields_.back().result = true;
      begin_field_result(fields_.back());
    }
  } else if (std::strcmp(type, "end") == 0) {
    if (!fields_.empty()) fields_.pop_back();
  }
}

void Walker::begin_field_result(Field& f) {
  const std::string word = upper_word(f.instr);
  if (word == "HYPERLINK") {
    f.kind = Field::Kind::Hyperlink;
    f.href = hyperlink_target(f.instr);
    if (!f.href.empty() && !printable_link(f.href)) f.href.clear();
  } else if (word == "TOC") {
    f.kind = Field::Kind::Toc;
  }
}

void Walker::footnote(const El* ref, ParaState& st, bool endnote) {
  if (!numbered_) return;  // a note inside a note
  const char* id = attr(ref, ns_.w, "id");
  NotesPart& part = endnote ? ctx_.endnotes : ctx_.footnotes;
  auto it = id ? part.notes.find(std::string_view(id)) : part.notes.end();
  if (it == part.notes.end()) {
    ctx_.log.warn(here(), endnote ? MessageCode("docx.endnote-missing") : MessageCode("docx.footnote-missing"));
    return;
  }
  Walker notes(ctx_, part.part, part.ns, false);
  notes.report_at(here());
  model::Inline fn;
  fn.kind = model::InlineKind::Footnote;
  for (auto& p : notes.paragraphs(it->second)) {
    if (p.content.empty()) continue;
    if (!fn.children.empty()) {
      model::Inline br;
      br.kind = model::InlineKind::LineBreak;
      fn.children.push_back(std::move(br));
    }
    for (auto& n : p.content) fn.children.push_back(std::move(n));
  }
  set_pos(fn.children, model::Pos{here(), 0});
  if (fn.children.empty()) {
    ctx_.log.warn(here(), endnote ? MessageCode("docx.endnote-empty") : MessageCode("docx.footnote-empty"));
    return;
  }
  if (endnote) ctx_.log.once(Severity::Note, here(), "docx.endnotes-as-footnotes");
  st.out.node(std::move(fn));
}

void Walker::drawing(const El* d, ParaState& st) {
  ImageRef img;
  bool found = false;
  auto visit = [&](auto&& self, const El* e) -> void {
    for (const El* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
      const std::string_view local = local_name(c);
      if (is(c, ns_.mc, "AlternateContent")) {
        if (const El* choice = child(c, ns_.mc, "Choice")) self(self, choice);
        continue;
      }
      if (is(c, ns_.w, "txbxContent")) {
        if (box_depth_ >= 8) continue;
        ++box_depth_;
        for (auto& p : paragraphs(c)) {
          p.from_text_box = true;
          st.boxes.push_back(std::move(p));
        }
        --box_depth_;
        continue;
      }
      const char* rid = nullptr;
      if (is(c, ns_.a, "blip")) {
        rid = attr(c, ns_.r, "embed");
        if (!rid || !*rid) rid = attr(c, ns_.r, "link");
      } else if (is(c, ns_.v, "imagedata")) {
        rid = attr(c, ns_.r, "id");
      } else if (local == "chart" || local == "relIds") {
        img.kind = "chart";
        found = true;
        continue;
      } else if (is(c, ns_.wp, "extent")) {
        if (const char* cx = plain_attr(c, "cx")) {
          const double emu = std::strtod(cx, nullptr);
          if (emu > 0) img.width_pt = emu / 12700.0;
        }
      } else if (is(c, ns_.wp, "docPr")) {
        if (const char* descr = plain_attr(c, "descr")) img.description = descr;
      } else if (is(c, ns_.v, "shape") && !img.width_pt) {
        img.width_pt = vml_width(plain_attr(c, "style"));
      }
      if (rid && !found) {
        found = true;
        const Relationship* rel = ctx_.package.relationship(part_, rid);
        if (!rel) {
          img.missing = true;
        } else {
          img.target = rel->target;
          img.external = rel->external;
          img.escapes = rel->escapes;
          if (!rel->external && !rel->escapes) {
            img.part = rel->part;
            img.missing = !ctx_.package.has(rel->part);
          }
        }
        continue;
      }
      self(self, c);
    }
  };
  visit(visit, d);
  if (found) st.para.images.push_back(img);
}

}  // namespace banshi::docx
