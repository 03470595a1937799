#include "docx/form.h"

#include <array>
#include <map>

#include "docx/form_labels.h"
#include "docx/form_text.h"

namespace banshi::docx {

namespace {

constexpr std::array<std::string_view, 6> kProjectKeys{"project.id",     "project.category",     "project.title",
                                                       "project.leader", "project.organization", "project.filled"};
constexpr std::array<std::string_view, 7> kChangesKeys{
    "changes.project-title", "changes.result-title", "changes.what-changed", "changes.planned-form",
    "changes.actual-form",   "changes.planned-date", "changes.actual-date"};
constexpr std::array<std::string_view, 9> kPersonKeys{"person.name", "person.gender",       "person.ethnicity",
                                                      "person.born", "person.organization", "person.post",
                                                      "person.rank", "person.address",      "person.phone"};
constexpr std::array<std::string_view, 4> kRoles{"original-leader", "current-leader", "original-member",
                                                 "current-member"};
constexpr std::array<std::string_view, 2> kYesNo{"是", "否"};

bool is_leader(std::string_view role) { return role.ends_with("leader"); }

// Every label printed on the form, for FormText: a blank field's value is
// never the next field's label.
std::vector<std::string> all_labels() {
  std::vector<std::string> out;
  auto add = [&](std::string_view key) {
    for (const auto& l : form_field(key).printed) out.push_back(label_key(l));
  };
  for (auto k : kProjectKeys) add(k);
  for (auto k : kChangesKeys) add(k);
  for (auto k : kPersonKeys) add(k);
  add("changes.changed");
  for (auto r : kRoles) out.push_back(label_key(role_label(r)));
  return out;
}

// The field a printed label names among `keys`, or "".
std::string_view field_of(std::string_view text, std::span<const std::string_view> keys) {
  const std::string k = label_key(text);
  if (k.empty()) return {};
  for (auto key : keys)
    for (const auto& l : form_field(key).printed)
      if (label_key(l) == k) return key;
  return {};
}

bool is_marker(const Para& p) {
  if (p.in_toc) return false;
  const std::string k = label_key(p.text);
  return k == "最终成果" || k == "附：最终成果" || k == "附:最终成果" || k == "附件：最终成果";
}

void note_value(ImportLog& log, const FoundValue& v, const std::string& role = {}) {
  const FormField f = form_field(v.key, role);
  if (v.text.empty()) return;
  log.about(Severity::Note, v.paragraph, "docx.form-field", f.path, f.label, {{"value", v.text}});
}

// A choice of 是/否 read from its ticked box.
std::optional<FoundValue> yes_no(const FormText& text, std::string_view key, ImportLog& log) {
  const FormField f = form_field(key);
  const auto choice = text.ticked(f.printed.front(), kYesNo);
  if (!choice) return std::nullopt;
  FoundValue v{std::string(key), "", choice->paragraph};
  if (choice->index == -2) {
    log.about(Severity::Warning, choice->paragraph, "docx.form-boxes-both", f.path, f.label, {});
  } else if (choice->index >= 0) {
    v.text = choice->index == 0 ? "yes" : "no";
    log.about(Severity::Note, choice->paragraph, "docx.form-box", f.path, f.label,
              {{"option", std::string(kYesNo[static_cast<size_t>(choice->index)])}});
  }
  return v;
}

// ---- the change table's people

struct RoleBlock {
  std::string role;
  std::vector<const Row*> rows;
};

// Rows opened by a cell that names a role (原负责人 …), with the rows its
// cell spans downwards.
std::vector<RoleBlock> role_blocks(const Table& t) {
  std::vector<RoleBlock> out;
  bool open = false;
  for (const Row& row : t.rows) {
    if (row.cells.empty()) {
      open = false;
      continue;
    }
    const Cell& first = row.cells.front();
    const std::string k = label_key(cell_text(first));
    std::string role;
    for (auto r : kRoles)
      if (!k.empty() && k == label_key(role_label(r))) role = r;
    if (!role.empty()) {
      out.push_back({role, {&row}});
      open = true;
    } else if (open && first.vmerge == Cell::Merge::Continue) {
      out.back().rows.push_back(&row);
    } else {
      open = false;
    }
  }
  return out;
}

// A leader's rows: label, value, label, value … (姓名 胡明 性别 男 …).
FoundPerson labelled_person(const RoleBlock& b, const FormText& text) {
  FoundPerson p{b.role, 0, {}};
  for (const Row* row : b.rows) {
    for (size_t c = 1; c < row->cells.size(); ++c) {
      const std::string_view key = field_of(cell_text(row->cells[c]), kPersonKeys);
      if (key.empty()) continue;
      FoundValue v{std::string(key), "", cell_paragraph(row->cells[c], 0)};
      if (c + 1 < row->cells.size() && !text.is_label(cell_text(row->cells[c + 1]))) {
        v.text = label_key(cell_text(row->cells[c + 1])).empty() ? "" : cell_text(row->cells[c + 1]);
        v.paragraph = cell_paragraph(row->cells[c + 1], v.paragraph);
        ++c;
      }
      if (!p.paragraph) p.paragraph = v.paragraph;
      p.values.push_back(std::move(v));
    }
  }
  return p;
}

// Members: a head row of labels (姓名 单位 职称 联系电话), then a person a row.
std::vector<FoundPerson> listed_people(const RoleBlock& b) {
  std::map<int, std::string_view> columns;  // grid column → field
  for (size_t c = 1; c < b.rows.front()->cells.size(); ++c) {
    const Cell& cell = b.rows.front()->cells[c];
    if (auto key = field_of(cell_text(cell), kPersonKeys); !key.empty()) columns[cell.column] = key;
  }
  std::vector<FoundPerson> out;
  for (size_t r = 1; r < b.rows.size(); ++r) {
    FoundPerson p{b.role, 0, {}};
    for (size_t c = 1; c < b.rows[r]->cells.size(); ++c) {
      const Cell& cell = b.rows[r]->cells[c];
      const auto it = columns.find(cell.column);
      const std::string t = cell_text(cell);
      if (it == columns.end() || label_key(t).empty()) continue;
      p.values.push_back({std::string(it->second), t, cell_paragraph(cell, 0)});
      if (!p.paragraph) p.paragraph = p.values.back().paragraph;
    }
    if (!p.values.empty()) out.push_back(std::move(p));
  }
  return out;
}

// Is the block a list (a head row of labels, then rows of values) rather
// than label–value pairs? Its second row has no label in it.
bool is_list(const RoleBlock& b, const FormText& text) {
  if (b.rows.size() < 2) return false;
  for (size_t c = 1; c < b.rows[1]->cells.size(); ++c)
    if (text.is_label(cell_text(b.rows[1]->cells[c]))) return false;
  return true;
}

}  // namespace

std::optional<FormExtent> find_form(std::span<const Block> blocks) {
  FormExtent e;
  e.end = e.outcome = blocks.size();
  for (size_t k = 0; k < blocks.size(); ++k) {
    const Para* p = std::get_if<Para>(&blocks[k]);
    if (p && is_marker(*p)) {
      e.end = k;
      e.outcome = k + 1;
      e.marker_paragraph = p->index;
      break;
    }
  }
  // The change table, or most of the cover's labels: a report that opens
  // with a line such as 立项编号：BZ25YB119 is not a form for that.
  const FormText text(blocks.subspan(0, e.end));
  if (text.table_with(form_field("changes.changed").printed.front())) return e;
  int labels = 0;
  for (auto key : kProjectKeys)
    if (text.after_label(form_field(key).printed.front())) ++labels;
  if (labels >= 3) return e;
  return std::nullopt;
}

FoundForm read_form(std::span<const Block> blocks, ImportLog& log) {
  FoundForm out;
  if (!blocks.empty()) {
    const Block& b = blocks.front();
    out.first_paragraph = std::holds_alternative<Para>(b) ? std::get<Para>(b).index : std::get<Table>(b).index;
  }
  const FormText text(blocks, all_labels());

  // The change table: the one with 是否变更 (or a person's role) in a cell.
  const Table* changes = text.table_with(form_field("changes.changed").printed.front());
  for (size_t r = 0; !changes && r < kRoles.size(); ++r) changes = text.table_with(role_label(kRoles[r]));

  // The cover: labels on lines or in a table, outside the change table
  // (which has a 所在单位 of its own).
  for (auto key : kProjectKeys) {
    const FormField f = form_field(key);
    for (const auto& label : f.printed) {
      const auto found = text.after_label(label, changes);
      if (!found) continue;
      out.project.push_back({std::string(key), found->text, found->paragraph});
      note_value(log, out.project.back());
      break;
    }
  }

  // The 声明's two boxes.
  for (auto key : {"declaration.sensitive", "declaration.secret"})
    if (auto v = yes_no(text, key, log)) out.declaration.push_back(std::move(*v));

  if (!changes) return out;
  out.has_changes = true;
  out.changes_paragraph = changes->index;
  log.note(changes->index, "docx.form-table", {});
  // Its own fields, searched in it alone.
  std::vector<Block> just_it;
  just_it.emplace_back(*changes);
  const FormText in_table(just_it, all_labels());
  if (auto v = yes_no(in_table, "changes.changed", log)) out.changes.push_back(std::move(*v));
  for (auto key : kChangesKeys) {
    const auto found = in_table.after_label(form_field(key).printed.front());
    if (!found) continue;
    out.changes.push_back({std::string(key), found->text, found->paragraph});
    note_value(log, out.changes.back());
  }
  for (const RoleBlock& b : role_blocks(*changes)) {
    std::vector<FoundPerson> people;
    if (!is_leader(b.role) && is_list(b, in_table)) people = listed_people(b);
    else if (FoundPerson p = labelled_person(b, in_table); !p.values.empty()) people.push_back(std::move(p));
    for (auto& p : people) {
      bool any = false;
      for (const auto& v : p.values) any = any || !v.text.empty();
      if (!any) continue;  // the form's blank rows
      log.note(p.paragraph, "docx.form-person", {{"role", role_label(p.role)}});
      out.persons.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace banshi::docx
