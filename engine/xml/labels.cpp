#include "xml/labels.h"

#include <array>

namespace banshi::xml {

namespace {

using E = ElementId;

struct ElementLabel {
  ElementId id;
  std::string_view label;
};

// Field labels as printed on the 结项申请书 form; block and inline labels as
// an editor of the 最终成果 would call them.
constexpr std::array<ElementLabel, kElementCount> kElementLabels{{
    {E::Document, ""},
    {E::Report, "结项申请书"},
    {E::Group, ""},  // the field table's
    {E::Field, ""},
    {E::Outcome, "最终成果"},
    {E::OutcomeTitle, "标题"},
    {E::Authors, "作者"},
    {E::Author, "作者"},
    {E::Abstract, "摘要"},
    {E::Keywords, "关键词"},
    {E::Keyword, "关键词"},
    {E::Body, "正文"},
    {E::References, "参考文献"},
    {E::Reference, "参考文献"},
    {E::Section, "章节"},
    {E::Heading, "标题"},  // by depth: heading_label()
    {E::Paragraph, "段落"},
    {E::List, "列表"},
    {E::Item, "列表项"},
    {E::Table, "表格"},
    {E::TableCaption, "表题"},
    {E::TableRow, "表格行"},
    {E::HeaderCell, "表头单元格"},
    {E::DataCell, "单元格"},
    {E::TableNote, "表注"},
    {E::Figure, "图"},
    {E::FigureCaption, "图题"},
    {E::Quote, "引文"},
    {E::Bold, "加粗"},
    {E::Emphasis, "着重号"},
    {E::Sup, "上标"},
    {E::Sub, "下标"},
    {E::Footnote, "脚注"},
    {E::Cite, "文献引用"},
    {E::Link, "链接"},
    {E::LineBreak, "换行"},
}};

constexpr bool labels_in_order() {
  for (std::size_t i = 0; i < kElementLabels.size(); ++i)
    if (index_of(kElementLabels[i].id) != i) return false;
  return true;
}
static_assert(labels_in_order(), "kElementLabels must list the elements in ElementId order");

struct AttributeLabel {
  ElementId id;
  std::string_view attr;
  std::string_view label;
};

constexpr std::array<AttributeLabel, 13> kAttributeLabels{{
    {E::Report, "template", "模板"},
    {E::Report, "version", "格式版本"},
    {E::Author, "role", "作者身份"},
    {E::Reference, "id", "参考文献编号"},
    {E::Section, "numbered", "标题编号"},
    {E::Section, "run-in", "标题接排"},
    {E::List, "type", "列表类型"},
    {E::HeaderCell, "colspan", "跨列数"},
    {E::HeaderCell, "rowspan", "跨行数"},
    {E::DataCell, "colspan", "跨列数"},
    {E::DataCell, "rowspan", "跨行数"},
    {E::Figure, "src", "图片文件"},
    {E::Figure, "width", "图宽"},
}};

constexpr std::array<std::string_view, kMaxSectionDepth> kHeadingLabels{"一级标题", "二级标题", "三级标题", "四级标题"};

}  // namespace

std::string_view heading_label(int depth) {
  if (depth < 1 || depth > kMaxSectionDepth) return "标题";
  return kHeadingLabels[static_cast<std::size_t>(depth - 1)];
}

std::string element_label(ElementId id, const LabelContext& ctx) {
  if (id == E::Heading) return std::string(heading_label(ctx.section_depth));
  return std::string(kElementLabels[index_of(id)].label);
}

std::string attribute_label(ElementId id, std::string_view attr, const LabelContext& ctx) {
  for (const auto& a : kAttributeLabels)
    if (a.id == id && a.attr == attr) return std::string(a.label);
  return element_label(id, ctx);
}

}  // namespace banshi::xml
