#include "style/form_reader.h"

#include <sstream>

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
    if (std::string_view(c->Name()) != "field")
      r.fail(c, "<" + std::string(c->Name()) + "> is not allowed here; allowed in <fields>: <field>");
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
    if (ec != std::errc() || p != item.data() + item.size() || w <= 0)
      r.fail(e, "widths=\"" + std::string(v) + "\" must be positive numbers separated by spaces");
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
    if (std::string_view(tr->Name()) != "tr")
      r.fail(tr, "<" + std::string(tr->Name()) + "> is not allowed here; allowed in <table>: <tr>");
    r.check_attributes(tr, {"repeat", "min"});
    FormRow row;
    row.line = tr->GetLineNum();
    row.repeat = r.attr(tr, "repeat");
    if (!row.repeat.empty() && row.repeat != "changes.original-member" && row.repeat != "changes.current-member")
      r.fail(tr, "repeat=\"" + row.repeat + "\" must be changes.original-member or changes.current-member");
    row.min = r.integer(tr, "min", 0, 0, 50);
    for (const XMLElement* td = tr->FirstChildElement(); td; td = td->NextSiblingElement()) {
      const std::string_view n = td->Name();
      if (n != "td" && n != "th")
        r.fail(td, "<" + std::string(n) + "> is not allowed here; allowed in <tr>: <th>, <td>");
      r.check_attributes(td, {"colspan", "rowspan"});
      FormCell cell;
      cell.line = td->GetLineNum();
      cell.header = n == "th";
      cell.text = text_of(td);
      cell.colspan = r.integer(td, "colspan", 1, 1, 50);
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
        if (std::string_view(p->Name()) != "p")
          r.fail(p, "<" + std::string(p->Name()) + "> is not allowed here; allowed in <bottom>: <p>");
        b.bottom.push_back(read_text(r, p));
      }
    } else {
      r.fail(c, "<" + std::string(n) + "> is not allowed here; allowed in <box>: <p>, <bottom>");
    }
  }
  return b;
}

}  // namespace

std::vector<FrontPage> read_front(const TemplateReader& r, const XMLElement* front) {
  std::vector<FrontPage> pages;
  for (const XMLElement* pe = front->FirstChildElement(); pe; pe = pe->NextSiblingElement()) {
    if (std::string_view(pe->Name()) != "page")
      r.fail(pe, "<" + std::string(pe->Name()) + "> is not allowed here; allowed in <front>: <page>");
    r.check_attributes(pe, {"recto"});
    FrontPage page;
    page.recto = r.flag(pe, "recto", false);
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
        r.fail(ie, "<" + std::string(n) +
                       "> is not allowed here; allowed in <page>: <p>, <space>, <fill>, <fields>, <table>, <box>");
      }
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

void check_front_styles(const Template& t) {
  auto need = [&](const std::string& style, int line, const char* element) {
    if (t.styles.count(style)) return;
    Diagnostic d;
    d.loc = {t.file.string(), line, 0};
    d.path = element;
    d.label = "模板";
    d.message = "undefined style \"" + style + "\"";
    throw InputError(std::move(d));
  };
  for (const FrontPage& page : t.front)
    for (const FormItem& item : page.items)
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, FormText>) need(v.style, v.line, "<p>");
            if constexpr (std::is_same_v<T, FormFields>) need(v.style, v.line, "<fields>");
            if constexpr (std::is_same_v<T, FormTable>) {
              need(v.cell_style, v.line, "<table>");
              need(v.header_style, v.line, "<table>");
            }
            if constexpr (std::is_same_v<T, FormBox>) {
              for (const auto& p : v.top) need(p.style, p.line, "<p>");
              for (const auto& p : v.bottom) need(p.style, p.line, "<p>");
            }
          },
          item);
}

}  // namespace banshi
