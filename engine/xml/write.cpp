#include "xml/write.h"

#include <climits>
#include <cstdio>
#include <variant>

#include "fields/field_table.h"
#include "util/utf8.h"

namespace banshi::xml {

namespace {

using model::InlineKind;

// Text as XML character data: markup characters escaped, and the control
// characters XML 1.0 cannot hold left out.
void escape(std::string& out, std::string_view s, bool attribute) {
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t c = utf8_next(s, i);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (attribute) out += "&quot;";
        else out += '"';
        break;
      default:
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) break;
        if (attribute && (c == '\t' || c == '\n' || c == '\r')) {
          out += ' ';
          break;
        }
        out.append(s, start, i - start);
    }
  }
}

std::string points(double pt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fpt", pt);
  return buf;
}

class Writer {
 public:
  explicit Writer(const WriteOptions& o) : o_(o) {}

  std::string report(const model::Report& r) {
    out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    for (const auto& h : o_.header) comment(0, h);
    out_ += "<report template=\"";
    escape(out_, r.template_name.empty() ? "outcome" : r.template_name, true);
    out_ += "\" version=\"1\">\n";
    form(r);
    outcome(r.outcome);
    comments({INT_MAX, 0}, 1);
    out_ += "</report>\n";
    return std::move(out_);
  }

 private:
  void indent(int depth) { out_.append(static_cast<size_t>(depth) * 2, ' '); }

  void comment(int depth, std::string_view text) {
    indent(depth);
    out_ += "<!-- ";
    // A comment holds text as it is, but not "--" nor control characters.
    std::string t;
    for (size_t i = 0; i < text.size();) {
      const size_t start = i;
      const char32_t c = utf8_next(text, i);
      if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) t += ' ';
      else t.append(text, start, i - start);
    }
    for (size_t k = t.find("--"); k != std::string::npos; k = t.find("--", k)) t.replace(k, 2, "- -");
    out_ += t;
    out_ += " -->\n";
  }

  void comments(model::Pos pos, int depth) {
    if (!o_.comments_before) return;
    for (const auto& line : o_.comments_before(pos)) comment(depth, line);
  }

  // <name>text</name> on a line of its own.
  void field(int depth, const std::string& name, std::string_view text) {
    indent(depth);
    out_ += "<" + name + ">";
    escape(out_, text, false);
    out_ += "</" + name + ">\n";
  }

  // The form's groups as the field table describes them (a person is
  // written inside the <changes> before it).
  void form(const model::Report& r) {
    const FieldTable& table = report_fields();
    for (size_t i = 0; i < r.form.size(); ++i) {
      const FieldGroupSpec* spec = table.group(r.form[i].name);
      if (!spec || !spec->parent.empty()) continue;
      std::vector<const model::FieldGroup*> children;
      for (size_t j = i + 1; j < r.form.size(); ++j) {
        const FieldGroupSpec* child = table.group(r.form[j].name);
        if (!child || child->parent != spec->name) break;
        children.push_back(&r.form[j]);
      }
      group(1, *spec, r.form[i], children);
    }
  }

  // A group's element: its attribute fields, then its element fields in
  // the table's order, then the groups it holds.
  void group(int depth, const FieldGroupSpec& spec, const model::FieldGroup& g,
             const std::vector<const model::FieldGroup*>& children) {
    comments(g.pos, depth);
    indent(depth);
    out_ += "<" + spec.element;
    bool has_content = !children.empty();
    // A value the report took from its field's default (立项项目名称 = 项目名称)
    // is not written: the reader gives it back.
    auto written = [&](const FieldSpec& f) -> const model::FieldValue* {
      const model::FieldValue* v = g.find(f.name);
      return v && !v->defaulted ? v : nullptr;
    };
    for (const FieldSpec& f : spec.fields) {
      const model::FieldValue* v = written(f);
      if (!v) continue;
      if (!f.attribute) {
        has_content = true;
        continue;
      }
      out_ += " " + f.name + "=\"";
      escape(out_, v->text, true);
      out_ += "\"";
    }
    if (!has_content) {
      out_ += "/>\n";
      return;
    }
    out_ += ">\n";
    for (const FieldSpec& f : spec.fields)
      if (const model::FieldValue* v = written(f); v && !f.attribute) field(depth + 1, f.name, v->text);
    for (const model::FieldGroup* c : children)
      if (const FieldGroupSpec* cs = report_fields().group(c->name)) group(depth + 1, *cs, *c, {});
    indent(depth);
    out_ += "</" + spec.element + ">\n";
  }

  void outcome(const model::Outcome& o) {
    comments(o.pos, 1);
    out_ += "  <outcome>\n";
    inline_block(2, "title", o.title, o.title_pos);
    if (!o.authors.empty()) {
      comments(o.authors.front().pos, 2);
      out_ += "    <authors>\n";
      for (const auto& a : o.authors) {
        comments(a.pos, 3);
        indent(3);
        out_ += "<author";
        if (!a.role.empty()) {
          out_ += " role=\"";
          escape(out_, a.role, true);
          out_ += "\"";
        }
        out_ += ">";
        escape(out_, a.name, false);
        out_ += "</author>\n";
      }
      out_ += "    </authors>\n";
    }
    if (o.abstract) inline_block(2, "abstract", *o.abstract, o.abstract_pos);
    if (!o.keywords.empty()) {
      comments(o.keywords_pos, 2);
      out_ += "    <keywords>";
      for (const auto& k : o.keywords) {
        out_ += "<k>";
        escape(out_, k, false);
        out_ += "</k>";
      }
      out_ += "</keywords>\n";
    }
    out_ += "    <body>\n";
    blocks(3, o.body);
    out_ += "    </body>\n";
    if (!o.references.empty()) {
      comments(o.references_pos, 2);
      out_ += "    <references>\n";
      for (const auto& ref : o.references) {
        comments(ref.pos, 3);
        indent(3);
        out_ += "<ref id=\"";
        escape(out_, ref.id, true);
        out_ += "\">";
        inlines(ref.content);
        out_ += "</ref>\n";
      }
      out_ += "    </references>\n";
    }
    out_ += "  </outcome>\n";
  }

  void inline_block(int depth, const char* name, const model::Inlines& in, model::Pos pos) {
    comments(pos, depth);
    indent(depth);
    out_ += "<";
    out_ += name;
    out_ += ">";
    inlines(in);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }

  void blocks(int depth, const model::Blocks& bs) {
    for (const auto& b : bs) std::visit([&](const auto& node) { block(depth, node); }, b.node);
  }

  void block(int depth, const model::Paragraph& p) { inline_block(depth, "p", p.content, p.pos); }

  void block(int depth, const model::Section& s) {
    comments(s.pos, depth);
    indent(depth);
    out_ += "<section";
    if (!s.numbered) out_ += " numbered=\"no\"";
    if (s.run_in) out_ += *s.run_in ? " run-in=\"yes\"" : " run-in=\"no\"";
    out_ += ">\n";
    inline_block(depth + 1, "h", s.heading, s.heading_pos);
    blocks(depth + 1, s.blocks);
    indent(depth);
    out_ += "</section>\n";
  }

  void block(int depth, const model::ListBlock& l) {
    comments(l.pos, depth);
    indent(depth);
    out_ += l.ordered ? "<list type=\"ordered\">\n" : "<list type=\"bullet\">\n";
    for (size_t i = 0; i < l.items.size(); ++i)
      inline_block(depth + 1, "item", l.items[i], i < l.item_pos.size() ? l.item_pos[i] : l.pos);
    indent(depth);
    out_ += "</list>\n";
  }

  void block(int depth, const model::Table& t) {
    comments(t.pos, depth);
    indent(depth);
    out_ += "<table>\n";
    if (!t.caption.empty()) inline_block(depth + 1, "caption", t.caption, t.pos);
    for (const auto& row : t.rows) {
      comments(row.pos, depth + 1);
      indent(depth + 1);
      out_ += "<tr>";
      for (const auto& c : row.cells) {
        const char* tag = c.header ? "th" : "td";
        out_ += "<";
        out_ += tag;
        if (c.colspan > 1) out_ += " colspan=\"" + std::to_string(c.colspan) + "\"";
        if (c.rowspan > 1) out_ += " rowspan=\"" + std::to_string(c.rowspan) + "\"";
        out_ += ">";
        inlines(c.content);
        out_ += "</";
        out_ += tag;
        out_ += ">";
      }
      out_ += "</tr>\n";
    }
    if (!t.note.empty()) inline_block(depth + 1, "note", t.note, t.pos);
    indent(depth);
    out_ += "</table>\n";
  }

  void block(int depth, const model::Figure& f) {
    comments(f.pos, depth);
    indent(depth);
    out_ += "<figure src=\"";
    escape(out_, f.src, true);
    out_ += "\"";
    if (f.width_pt) out_ += " width=\"" + points(*f.width_pt) + "\"";
    if (f.caption.empty()) {
      out_ += "/>\n";
      return;
    }
    out_ += ">\n";
    inline_block(depth + 1, "caption", f.caption, f.pos);
    indent(depth);
    out_ += "</figure>\n";
  }

  void block(int depth, const model::Quote& q) {
    comments(q.pos, depth);
    if (q.paragraphs.size() == 1) {
      inline_block(depth, "quote", q.paragraphs.front().content, q.pos);
      return;
    }
    indent(depth);
    out_ += "<quote>\n";
    for (const auto& p : q.paragraphs) inline_block(depth + 1, "p", p.content, p.pos);
    indent(depth);
    out_ += "</quote>\n";
  }

  void wrapped(const char* tag, const model::Inlines& in) {
    out_ += "<";
    out_ += tag;
    out_ += ">";
    inlines(in);
    out_ += "</";
    out_ += tag;
    out_ += ">";
  }

  void inlines(const model::Inlines& in) {
    for (const auto& n : in) {
      switch (n.kind) {
        case InlineKind::Text: escape(out_, n.text, false); break;
        case InlineKind::Bold: wrapped("b", n.children); break;
        case InlineKind::Emphasis: wrapped("em", n.children); break;
        case InlineKind::Sup: wrapped("sup", n.children); break;
        case InlineKind::Sub: wrapped("sub", n.children); break;
        case InlineKind::Footnote: wrapped("fn", n.children); break;
        case InlineKind::LineBreak: out_ += "<br/>"; break;
        case InlineKind::Cite: {
          out_ += "<cite ref=\"";
          std::string ids;
          for (const auto& r : n.refs) ids += (ids.empty() ? "" : " ") + r;
          escape(out_, ids, true);
          out_ += "\"/>";
          break;
        }
        case InlineKind::Link:
          out_ += "<a href=\"";
          escape(out_, n.href, true);
          out_ += "\">";
          inlines(n.children);
          out_ += "</a>";
          break;
      }
    }
  }

  const WriteOptions& o_;
  std::string out_;
};

}  // namespace

std::string write_report(const model::Report& report, const WriteOptions& options) {
  return Writer(options).report(report);
}

}  // namespace banshi::xml
