#include "xml/write.h"

#include <climits>
#include <cstdio>
#include <variant>

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

std::string date_text(const model::DateField& d) {
  if (!d.value) return d.raw;
  char buf[48];
  if (d.value->day > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.value->year, d.value->month, d.value->day);
  else if (d.value->month > 0) std::snprintf(buf, sizeof buf, "%04d-%02d", d.value->year, d.value->month);
  else std::snprintf(buf, sizeof buf, "%04d", d.value->year);
  return buf;
}

std::string points(double pt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fpt", pt);
  return buf;
}

const char* role_name(model::PersonRole r) {
  switch (r) {
    case model::PersonRole::OriginalLeader: return "original-leader";
    case model::PersonRole::CurrentLeader: return "current-leader";
    case model::PersonRole::OriginalMember: return "original-member";
    case model::PersonRole::CurrentMember: return "current-member";
  }
  return "original-member";
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
    if (r.project) project(*r.project);
    if (r.declaration) declaration(*r.declaration);
    if (r.changes) changes(*r.changes);
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

  // <name>text</name> on a line of its own, only when there is text.
  void field(int depth, const char* name, const model::Field& f) {
    if (!f.present && f.value.empty()) return;
    indent(depth);
    out_ += "<";
    out_ += name;
    out_ += ">";
    escape(out_, f.value, false);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }

  void date(int depth, const char* name, const model::DateField& d) {
    if (!d.present && !d.value && d.raw.empty()) return;
    model::Field f;
    f.value = date_text(d);
    f.present = true;
    field(depth, name, f);
  }

  void project(const model::Project& p) {
    comments(p.pos, 1);
    out_ += "  <project>\n";
    field(2, "id", p.id);
    field(2, "category", p.category);
    field(2, "title", p.title);
    field(2, "leader", p.leader);
    field(2, "organization", p.organization);
    date(2, "filled", p.filled);
    out_ += "  </project>\n";
  }

  void declaration(const model::Declaration& d) {
    comments(d.pos, 1);
    out_ += "  <declaration";
    if (d.sensitive) out_ += *d.sensitive ? " sensitive=\"yes\"" : " sensitive=\"no\"";
    if (d.secret) out_ += *d.secret ? " secret=\"yes\"" : " secret=\"no\"";
    out_ += "/>\n";
  }

  void changes(const model::Changes& c) {
    comments(c.pos, 1);
    out_ += "  <changes";
    if (c.changed) out_ += *c.changed ? " changed=\"yes\"" : " changed=\"no\"";
    const bool empty = !c.project_title.present && !c.result_title.present && !c.what_changed.present &&
                       !c.planned_form.present && !c.actual_form.present && !c.planned_date.present &&
                       !c.actual_date.present && c.persons.empty();
    if (empty) {
      out_ += "/>\n";
      return;
    }
    out_ += ">\n";
    field(2, "project-title", c.project_title);
    field(2, "result-title", c.result_title);
    field(2, "what-changed", c.what_changed);
    field(2, "planned-form", c.planned_form);
    field(2, "actual-form", c.actual_form);
    date(2, "planned-date", c.planned_date);
    date(2, "actual-date", c.actual_date);
    for (const auto& p : c.persons) {
      comments(p.pos, 2);
      out_ += "    <person role=\"";
      out_ += role_name(p.role);
      out_ += "\">\n";
      field(3, "name", p.name);
      field(3, "gender", p.gender);
      field(3, "ethnicity", p.ethnicity);
      date(3, "born", p.born);
      field(3, "organization", p.organization);
      field(3, "post", p.post);
      field(3, "rank", p.rank);
      field(3, "address", p.address);
      field(3, "phone", p.phone);
      out_ += "    </person>\n";
    }
    out_ += "  </changes>\n";
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
