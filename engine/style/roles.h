// The style roles the layout asks a template for, declared once. Each is a
// <style name="…"> every template must define (itself or through what it
// extends); load_template() refuses a template that lacks one, at its
// file:line, so a missing role is the template author's input error and
// never an internal failure halfway through a report. The names are the
// templates' own.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace banshi {

enum class Role : std::uint8_t {
  Title,     // the outcome's title
  Authors,   // the line of authors under it
  Heading1,  // 一级标题 … 四级标题, unless <numbering> names other styles
  Heading2,
  Heading3,
  Heading4,
  Body,               // paragraphs; its size is the grid's
  Label,              // 摘要：, 关键词：
  List,               // list items
  Quote,              // block quotations
  FigureCaption,      // 图1 …
  TableCaption,       // 表1 …, 续表1
  Table,              // table cells
  TableHeader,        // header cells
  TableNote,          // 注：… under a table
  ReferencesHeading,  // 参考文献
  Reference,          // one entry of the references
  Footnote,           // the notes at the foot of the page
  Count
};

struct RoleInfo {
  Role role;
  std::string_view name;   // the template's <style name="…">
  std::string_view label;  // what the role is, as the template's label says it
};

inline constexpr std::array<RoleInfo, static_cast<std::size_t>(Role::Count)> kRoles{{
    {Role::Title, "title", "主标题"},
    {Role::Authors, "authors", "作者"},
    {Role::Heading1, "heading1", "一级标题"},
    {Role::Heading2, "heading2", "二级标题"},
    {Role::Heading3, "heading3", "三级标题"},
    {Role::Heading4, "heading4", "四级标题"},
    {Role::Body, "body", "正文"},
    {Role::Label, "label", "摘要、关键词标签"},
    {Role::List, "list", "列表"},
    {Role::Quote, "quote", "引文"},
    {Role::FigureCaption, "figure-caption", "图题"},
    {Role::TableCaption, "table-caption", "表题"},
    {Role::Table, "table", "表格文字"},
    {Role::TableHeader, "table-header", "表头"},
    {Role::TableNote, "table-note", "表注"},
    {Role::ReferencesHeading, "references-heading", "参考文献标题"},
    {Role::Reference, "reference", "参考文献"},
    {Role::Footnote, "footnote", "脚注"},
}};

constexpr std::string_view role_name(Role role) { return kRoles[static_cast<std::size_t>(role)].name; }

// Heading1 … Heading4 for depth 1 … 4.
constexpr Role heading_role(int depth) {
  return static_cast<Role>(static_cast<int>(Role::Heading1) + (depth < 1 ? 0 : depth > 4 ? 3 : depth - 1));
}

constexpr bool roles_in_order() {
  for (std::size_t i = 0; i < kRoles.size(); ++i)
    if (static_cast<std::size_t>(kRoles[i].role) != i) return false;
  return true;
}
static_assert(roles_in_order(), "kRoles must list the roles in Role order");

}  // namespace banshi
