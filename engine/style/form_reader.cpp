#include "style/form_reader.h"

#include <sstream>

#include "fields/placeholder.h"

namespace banshi {

namespace {

std::string text_of(const XMLElement* e) { return e->GetText() ? e->GetText() : ""; }

FormText read_text(const TemplateReader& r, const XMLElement* e) {
  r.check_attributes(e, {"style"});
  return {r.required(e, "style"), text_of(e), e->GetLineNum()};
}

FormFields read_fields(const TemplateReader& r, const XMLElement* e) {
  r.check_attributes(e, {"style", "indent", "label-width", "gap", "width", "rule"});
  FormFields f;
  f.line = e->GetLineNum();
  f.style = r.required(e, "style");
  f.indent = r.length(e, "indent").value_or(f.indent);
  f.label_width = r.length(e, "label-width").value_or(f.label_width);
  f.gap = r.length(e, "gap").value_or(f.gap);
  f.width = r.length(e, "width").value_or(f.width);
  f.rule = r.points(e, "rule", f.rule);
  for (const XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
    if (std::string_view(c->Name()) != "field") r.unknown_child(e, c, {"field"});
    r.check_attributes(c, {"label"});
    f.fields.push_back({r.required(c, "label"), text_of(c), c->GetLineNum()});
  }
  return f;
}

std::vector<double> read_widths(const TemplateReader& r, const XMLElement* e) {
  std::vector<double> out;
  const char* v = e->Attribute("widths");
  if (!v) return out;
  std::istringstream in(v);
  std::string item;
  while (in >> item) {
    double w = 0;
    auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), w);
    if (ec != std::errc() || p != item.data() + item.size() || w <= 0) r.fail(e, "template.widths", {{"value", v}});
    out.push_back(w);
  }
  return out;
}

FormTable read_table(const TemplateReader& r, const XMLElement* e) {
  r.check_attributes(e, {"cell-style", "label-style", "widths"});
  FormTable t;
  t.line = e->GetLineNum();
  t.cell_style = r.attr(e, "cell-style", t.cell_style);
  t.header_style = r.attr(e, "label-style", t.header_style);
  t.widths = read_widths(r, e);
  for (const XMLElement* tr = e->FirstChildElement(); tr; tr = tr->NextSiblingElement()) {
    if (std::string_view(tr->Name()) != "tr") r.unknown_child(e, tr, {"tr"});
    r.check_attributes(tr, {"repeat", "min"});
    FormRow row;
    row.line = tr->GetLineNum();
    row.repeat = r.attr(tr, "repeat");
    if (!row.repeat.empty() && !report_fields().repeat_option(row.repeat)) {
      std::vector<std::string> names;
      for (const auto& g : report_fields().groups())
        for (const auto& f : g.fields)
          for (const auto& o : f.options)
            if (!o.repeat.empty()) names.push_back(o.repeat);
      r.fail(tr, "data.choice",
             {{"element", "tr"}, {"attribute", "repeat"}, {"value", row.repeat}, {"allowed", names}});
    }
    row.min = r.integer(tr, "min", 0, 0, 50);
    for (const XMLElement* td = tr->FirstChildElement(); td; td = td->NextSiblingElement()) {
      const std::string_view n = td->Name();
      if (n != "td" && n != "th") r.unknown_child(tr, td, {"th", "td"});
      if (n == "td") r.check_attributes(td, {"colspan", "rowspan", "long"});
      else r.check_attributes(td, {"colspan", "rowspan"});  // a label never moves
      FormCell cell;
      cell.line = td->GetLineNum();
      cell.header = n == "th";
      cell.text = text_of(td);
      cell.colspan = r.integer(td, "colspan", 1, 1, 50);
      cell.own_row_when_long = n == "td" && r.choice(td, "long", {"wrap", "own-row"}) == "own-row";
      if (r.attr(td, "rowspan") == "auto") {
        cell.rowspan_auto = true;
      } else {
        cell.rowspan = r.integer(td, "rowspan", 1, 1, 200);
      }
      row.cells.push_back(std::move(cell));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

FormBox read_box(const TemplateReader& r, const XMLElement* e) {
  r.check_attributes(e, {"lines"});
  FormBox b;
  b.line = e->GetLineNum();
  b.lines = r.integer(e, "lines", b.lines, 1, 30);
  for (const XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
    const std::string_view n = c->Name();
    if (n == "p") {
      b.top.push_back(read_text(r, c));
    } else if (n == "bottom") {
      r.check_attributes(c, {});
      for (const XMLElement* p = c->FirstChildElement(); p; p = p->NextSiblingElement()) {
        if (std::string_view(p->Name()) != "p") r.unknown_child(c, p, {"p"});
        b.bottom.push_back(read_text(r, p));
      }
    } else {
      r.unknown_child(e, c, {"p", "bottom"});
    }
  }
  return b;
}

}  // namespace

std::vector<FrontPage> read_front(const TemplateReader& r, const XMLElement* front) {
  std::vector<FrontPage> pages;
  for (const XMLElement* pe = front->FirstChildElement(); pe; pe = pe->NextSiblingElement()) {
    if (std::string_view(pe->Name()) != "page") r.unknown_child(front, pe, {"page"});
    r.check_attributes(pe, {"recto", "name"});
    FrontPage page;
    page.recto = r.flag(pe, "recto", false);
    if (const char* name = pe->Attribute("name")) page.name = name;
    for (const XMLElement* ie = pe->FirstChildElement(); ie; ie = ie->NextSiblingElement()) {
      const std::string_view n = ie->Name();
      if (n == "p") {
        page.items.emplace_back(read_text(r, ie));
      } else if (n == "space") {
        r.check_attributes(ie, {"lines"});
        page.items.emplace_back(FormSpace{r.integer(ie, "lines", 1, 1, 50)});
      } else if (n == "fill") {
        r.check_attributes(ie, {});
        page.items.emplace_back(FormSpace{0, true});
      } else if (n == "fields") {
        page.items.emplace_back(read_fields(r, ie));
      } else if (n == "table") {
        page.items.emplace_back(read_table(r, ie));
      } else if (n == "box") {
        page.items.emplace_back(read_box(r, ie));
      } else {
        r.unknown_child(pe, ie, {"p", "space", "fill", "fields", "table", "box"});
      }
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

namespace {

// A form item's style exists and its placeholders name fields of the field
// table ({person.…} only in a repeated row).
class FrontChecker {
 public:
  FrontChecker(const TemplateReader& r, const Template& t) : r_(r), t_(t) {}

  void style(const std::string& name, int line, std::string_view element) const {
    if (!t_.styles.count(name)) r_.fail_at(line, "template.undefined-style", {{"element", element}, {"style", name}});
  }

  void text(std::string_view text, int line, std::string_view element, bool repeated_row = false) const {
    const bool closed = scan_placeholders(
        text, [](std::string_view) {},
        [&](std::string_view inside) {
          const auto p = resolve_placeholder(inside, report_fields());
          if (!p) r_.fail_at(line, "template.unknown-placeholder", {{"element", element}, {"placeholder", inside}});
          if (p->repeated_row && !repeated_row)
            r_.fail_at(line, "template.placeholder-outside-repeat", {{"element", element}, {"placeholder", inside}});
        });
    if (!closed) r_.fail_at(line, "template.unclosed-placeholder", {{"element", element}});
  }

  void paragraph(const FormText& p) const {
    style(p.style, p.line, "p");
    text(p.text, p.line, "p");
  }

  void operator()(const FormText& p) const { paragraph(p); }
  void operator()(const FormSpace&) const {}
  void operator()(const FormFields& f) const {
    style(f.style, f.line, "fields");
    for (const auto& field : f.fields) text(field.value, field.line, "field");
  }
  void operator()(const FormTable& t) const {
    style(t.cell_style, t.line, "table");
    style(t.header_style, t.line, "table");
    for (const auto& row : t.rows)
      for (const auto& cell : row.cells) text(cell.text, cell.line, cell.header ? "th" : "td", !row.repeat.empty());
  }
  void operator()(const FormBox& b) const {
    for (const auto& p : b.top) paragraph(p);
    for (const auto& p : b.bottom) paragraph(p);
  }

 private:
  const TemplateReader& r_;
  const Template& t_;
};

}  // namespace

void check_front(const TemplateReader& r, const Template& t) {
  const FrontChecker check(r, t);
  for (const FrontPage& page : t.front)
    for (const FormItem& item : page.items) std::visit(check, item);
}

}  // namespace banshi
