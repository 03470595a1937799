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
    {E::Project, "封面"},
    {E::ProjectId, "立项编号"},
    {E::ProjectCategory, "项目类别"},
    {E::ProjectTitle, "项目名称"},
    {E::ProjectLeader, "项目负责人"},
    {E::ProjectOrganization, "所在单位"},
    {E::ProjectFilled, "填表日期"},
    {E::Declaration, "声明"},
    {E::Changes, "项目变更情况数据表"},
    {E::ChangesProjectTitle, "立项项目名称"},
    {E::ChangesResultTitle, "结项成果名称"},
    {E::ChangesWhatChanged, "变更的内容"},
    {E::ChangesPlannedForm, "原计划成果形式"},
    {E::ChangesActualForm, "现成果形式"},
    {E::ChangesPlannedDate, "原计划完成时间"},
    {E::ChangesActualDate, "实际完成时间"},
    {E::Person, "项目负责人及参与人员"},
    {E::PersonName, "姓名"},
    {E::PersonGender, "性别"},
    {E::PersonEthnicity, "民族"},
    {E::PersonBorn, "出生日期"},
    {E::PersonOrganization, "所在单位"},
    {E::PersonPost, "行政职务"},
    {E::PersonRank, "专业职务"},
    {E::PersonAddress, "通讯地址"},
    {E::PersonPhone, "联系电话"},
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

constexpr std::array<AttributeLabel, 17> kAttributeLabels{{
    {E::Declaration, "sensitive", "成果是否涉及敏感问题或其他不宜公开出版的内容"},
    {E::Declaration, "secret", "成果是否涉密"},
    {E::Report, "template", "模板"},
    {E::Report, "version", "格式版本"},
    {E::Changes, "changed", "是否变更"},
    {E::Person, "role", "人员类别"},
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

struct RoleLabel {
  model::PersonRole role;
  std::string_view label;
};

constexpr std::array<RoleLabel, 4> kRoleLabels{{
    {model::PersonRole::OriginalLeader, "原负责人"},
    {model::PersonRole::CurrentLeader, "现负责人"},
    {model::PersonRole::OriginalMember, "原参与人员"},
    {model::PersonRole::CurrentMember, "现参与人员"},
}};

constexpr std::array<std::string_view, kMaxSectionDepth> kHeadingLabels{"一级标题", "二级标题", "三级标题", "四级标题"};

bool is_person_field(ElementId id) {
  return index_of(id) > index_of(E::Person) && index_of(id) <= index_of(E::PersonPhone);
}

}  // namespace

std::string_view role_label(model::PersonRole role) {
  for (const auto& r : kRoleLabels)
    if (r.role == role) return r.label;
  return {};
}

std::string_view heading_label(int depth) {
  if (depth < 1 || depth > kMaxSectionDepth) return "标题";
  return kHeadingLabels[static_cast<std::size_t>(depth - 1)];
}

std::string element_label(ElementId id, const LabelContext& ctx) {
  if (id == E::Heading) return std::string(heading_label(ctx.section_depth));
  if (id == E::Person && ctx.role) return std::string(role_label(*ctx.role));
  std::string label(kElementLabels[index_of(id)].label);
  // The form's person table repeats 姓名, 所在单位 … for every person: the
  // role says which row.
  if (is_person_field(id) && ctx.role) return std::string(role_label(*ctx.role)) + " " + label;
  return label;
}

std::string attribute_label(ElementId id, std::string_view attr, const LabelContext& ctx) {
  for (const auto& a : kAttributeLabels)
    if (a.id == id && a.attr == attr) return std::string(a.label);
  return element_label(id, ctx);
}

}  // namespace banshi::xml
