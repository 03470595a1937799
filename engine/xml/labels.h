// Chinese names for the outcome's elements (一级标题, 脚注, 图片文件 …), as an
// editor of the 最终成果 calls them. Applicants know the form, not the XML,
// so every message carries a label; the form's fields (立项编号, 原负责人 姓名)
// have theirs in the field table (templates/fields.xml).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/document.h"
#include "xml/schema.h"

namespace banshi::xml {

// What a label depends on besides the element: a heading is named after
// its section's depth.
struct LabelContext {
  int section_depth = 0;  // of the enclosing <section>
};

// "立项编号", "原负责人 出生日期", "二级标题"; empty for the document itself.
std::string element_label(ElementId id, const LabelContext& ctx = {});

// "是否变更" for changes/@changed; falls back to the element's label.
std::string attribute_label(ElementId id, std::string_view attr, const LabelContext& ctx = {});

// 一级标题 … 四级标题; "标题" outside 1..4.
std::string_view heading_label(int depth);

}  // namespace banshi::xml
