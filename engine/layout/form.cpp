#include "layout/form.h"

#include <algorithm>
#include <optional>

#include "fields/field_table.h"
#include "layout/paragraph_spec.h"
#include "layout/placeholders.h"
#include "layout/table.h"

namespace banshi {

namespace {

class FormLayout {
 public:
  FormLayout(FormEnv& env, Flow& flow) : env_(env), flow_(flow), g_(env.tmpl.page) {}

  void page(const FrontPage& p);

 private:
  std::string where(int line) const { return env_.tmpl.file.string() + ":" + std::to_string(line); }
  std::string fill(const std::string& text, int line, const model::FieldGroup* row = nullptr) const {
    return fill_placeholders(text, Bindings{env_.report, row}, where(line));
  }
  // The groups a <tr repeat="…"> prints a row for: those whose key field has
  // the option of that name (repeat="changes.original-member": every person
  // with role="original-member"), in document order.
  std::vector<const model::FieldGroup*> repeated(const FormRow& row) const {
    const FieldSpec* key = nullptr;
    const FieldOption* option = report_fields().repeat_option(row.repeat, &key);
    std::vector<const model::FieldGroup*> out;
    if (!option) return out;
    for (const model::FieldGroup* g : env_.report.groups(key->group))
      if (g->text(key->name) == option->value) out.push_back(g);
    return out;
  }
  ComposedParagraph compose(const std::string& text, const TextStyle& style, ParagraphSpec spec) {
    CollectedText t;
    t.push(text, span_style(style, env_.fonts));
    return env_.composer.compose(t, spec);
  }

  void text(const FormText& t);
  void fields(const FormFields& f);
  void table(const FormTable& t);
  // For a row with a long="own-row" cell whose value wraps: that cell and
  // its label taken out of `out` into the row returned.
  std::optional<model::TableRow> own_row(const FormRow& row, model::TableRow& out, const TableEnv& tenv);
  void box(const FormBox& b);

  FormEnv& env_;
  Flow& flow_;
  const PageGeometry& g_;
};

void FormLayout::text(const FormText& t) {
  const TextStyle& style = env_.tmpl.style(t.style);
  const std::string s = fill(t.text, t.line);
  if (s.empty()) return;
  flow_.add_space(style.lines_before);
  flow_.add_paragraph(compose(s, style, paragraph_spec(style, env_.tmpl)), 0, style.size, style.keep_with_next);
  flow_.add_space(style.lines_after);
}

void FormLayout::fields(const FormFields& f) {
  const TextStyle& style = env_.tmpl.style(f.style);
  const double em = paragraph_spec(style, env_.tmpl).cell > 0 && style.size == env_.tmpl.style(Role::Body).size
                        ? g_.char_pitch()
                        : style.size;
  const double indent = f.indent.resolve(em);
  const double label_w = f.label_width.resolve(em);
  const double value_x = label_w + f.gap.resolve(em);
  const double value_w = f.width.resolve(em) - value_x;
  flow_.add_space(style.lines_before);
  for (const FormField& field : f.fields) {
    // The label spread evenly over its width (立 项 编 号), the value on an
    // underline, wrapped onto further underlines when long.
    ParagraphSpec label_spec = paragraph_spec(style, env_.tmpl);
    label_spec.measure = label_w;
    label_spec.indent = label_spec.first_indent = label_spec.hanging = 0;
    label_spec.align = ParagraphSpec::AlignMode::Distribute;
    label_spec.balance = false;
    ComposedParagraph label = compose(field.label, style, label_spec);

    ParagraphSpec value_spec = label_spec;
    value_spec.measure = value_w;
    value_spec.align = ParagraphSpec::AlignMode::Left;
    const std::string value = fill(field.value, field.line);
    ComposedParagraph v = value.empty() ? ComposedParagraph{} : compose(value, style, value_spec);
    if (v.lines.empty()) v.lines.emplace_back();
    for (ComposedLine& line : v.lines) {
      shift_line(line, value_x);
      // The underline runs the value's whole width, a little below the
      // baseline (clear of the descenders of 仿宋).
      line.marks.push_back({value_x, style.size * 0.2, value_w, f.rule, 0, true});
    }
    ComposedLine& first = v.lines.front();
    if (!label.lines.empty())
      for (TextRun& r : label.lines.front().runs) first.runs.insert(first.runs.begin(), std::move(r));
    flow_.add_paragraph(std::move(v), indent, style.size, false);
  }
  flow_.add_space(style.lines_after);
}

void FormLayout::table(const FormTable& t) {
  // The form table as a report table: placeholders filled, repeated rows
  // expanded, rowspan="auto" resolved, long values given rows of their
  // own; then the ruled table layout.
  TableEnv tenv{env_.tmpl, env_.fonts, env_.composer, env_.collector, env_.diags, env_.report};
  tenv.number = 0;
  // Form cells hold the report's fields, whose lengths are the field
  // table's to check (where it can name the field), not a table cell's.
  tenv.max_chars = SIZE_MAX;
  tenv.numbered = false;
  tenv.cell_style = t.cell_style;
  tenv.header_style = t.header_style;
  tenv.widths = t.widths;

  model::Table table;
  table.pos.line = t.line;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const FormRow& row = t.rows[r];
    std::vector<const model::FieldGroup*> groups{nullptr};
    if (!row.repeat.empty()) {
      groups = repeated(row);
      while (groups.size() < static_cast<size_t>(row.min)) groups.push_back(nullptr);
      if (groups.empty()) groups.push_back(nullptr);
    }
    for (const model::FieldGroup* group : groups) {
      model::TableRow out;
      for (const FormCell& cell : row.cells) {
        model::TableCell c;
        c.header = cell.header;
        c.colspan = cell.colspan;
        c.rowspan = cell.rowspan;
        if (cell.rowspan_auto) {
          // This row and every row the next repeated row expands into.
          int span = 1;
          if (r + 1 < t.rows.size() && !t.rows[r + 1].repeat.empty()) {
            const FormRow& next = t.rows[r + 1];
            const int n = static_cast<int>(repeated(next).size());
            span += std::max({n, next.min, 1});
          }
          c.rowspan = span;
        }
        model::Inline text;
        text.text = fill(cell.text, cell.line, group);
        if (!text.text.empty()) c.content.push_back(std::move(text));
        out.cells.push_back(std::move(c));
      }
      std::optional<model::TableRow> below = own_row(row, out, tenv);
      table.rows.push_back(std::move(out));
      if (below) table.rows.push_back(std::move(*below));
    }
  }
  layout_table(table, tenv, flow_);
}

std::optional<model::TableRow> FormLayout::own_row(const FormRow& row, model::TableRow& out, const TableEnv& tenv) {
  // Columns counted from the row's own cells: a row that a merged cell
  // from above reaches into has no use for long="own-row".
  int cols = 0;
  for (const model::TableCell& c : out.cells) cols += c.colspan;
  int col = 0;
  for (size_t k = 0; k < row.cells.size(); col += out.cells[k].colspan, ++k) {
    if (!row.cells[k].own_row_when_long || k < 2 || !out.cells[k - 1].header || out.cells[k].content.empty()) continue;
    const double measure = form_cell_measure(tenv, cols, col, out.cells[k].colspan);
    ParagraphSpec spec = paragraph_spec(env_.tmpl.style(tenv.cell_style), env_.tmpl);
    spec.measure = measure;
    if (compose(out.cells[k].content.front().text, env_.tmpl.style(tenv.cell_style), spec).lines.size() <= 1) continue;
    model::TableRow below;
    model::TableCell label = std::move(out.cells[k - 1]);
    model::TableCell value = std::move(out.cells[k]);
    out.cells[k - 2].colspan += label.colspan + value.colspan;
    label.colspan = out.cells.front().colspan;
    value.colspan = cols - label.colspan;
    out.cells.erase(out.cells.begin() + static_cast<std::ptrdiff_t>(k - 1),
                    out.cells.begin() + static_cast<std::ptrdiff_t>(k + 1));
    below.cells.push_back(std::move(label));
    below.cells.push_back(std::move(value));
    return below;
  }
  return std::nullopt;
}

void FormLayout::box(const FormBox& b) {
  // A ruled box of a fixed number of grid lines: its heading and prompt at
  // the top, the signature lines at the foot, the rest left for the
  // reviewer's handwriting.
  const double pitch = g_.line_pitch();
  const double pad = 0.4 * env_.tmpl.style(Role::Body).size;
  FlowBox box;
  box.height = b.lines * pitch;
  box.items.emplace_back(Rect{0, 0, g_.text_width, box.height, 0.75, false});
  auto place = [&](const FormText& t, double& top) {
    const TextStyle& style = env_.tmpl.style(t.style);
    ParagraphSpec spec = paragraph_spec(style, env_.tmpl);
    spec.measure = g_.text_width - 2 * pad;
    const std::string s = fill(t.text, t.line);
    if (s.empty()) return;
    ComposedParagraph p = compose(s, style, spec);
    for (const ComposedLine& line : p.lines) {
      const double baseline = top + (pitch - style.size) / 2 + kBaselineRatio * style.size;
      place_line(line, pad, baseline, box.items, box.links);
      top += pitch;
    }
  };
  double top = pad;  // clear of the frame's top rule
  for (const FormText& t : b.top) place(t, top);
  double bottom_top = box.height - pad - static_cast<double>(b.bottom.size()) * pitch;
  for (const FormText& t : b.bottom) place(t, bottom_top);
  flow_.add_box(std::move(box));
}

void FormLayout::page(const FrontPage& p) {
  for (const FormItem& item : p.items) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, FormText>) text(v);
          else if constexpr (std::is_same_v<T, FormSpace>) {
            if (v.fill) flow_.add_fill();
            else flow_.add_space(v.lines);
          } else if constexpr (std::is_same_v<T, FormFields>) fields(v);
          else if constexpr (std::is_same_v<T, FormTable>) table(v);
          else if constexpr (std::is_same_v<T, FormBox>) box(v);
        },
        item);
  }
}

}  // namespace

void layout_front(FormEnv& env, Flow& flow) {
  FormLayout form(env, flow);
  for (const FrontPage& page : env.tmpl.front) {
    flow.add_break(page.recto, FolioMode::None, true, page.name);
    form.page(page);
  }
}

}  // namespace banshi
