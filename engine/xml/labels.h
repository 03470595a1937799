// The paper form's own Chinese names for what the XML holds (立项编号,
// 一级标题, 原负责人 姓名 …). Applicants know the form, not the XML, so every
// message about a field carries its label. All labels live in labels.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/document.h"
#include "xml/schema.h"

namespace banshi::xml {

// What a label depends on besides the element: a person's fields are
// named after the person's role, a heading after its section's depth.
struct LabelContext {
  std::optional<model::PersonRole> role;  // of the enclosing <person>
  int section_depth = 0;                  // of the enclosing <section>
};

// "立项编号", "原负责人 出生日期", "二级标题"; empty for the document itself.
std::string element_label(ElementId id, const LabelContext& ctx = {});

// "是否变更" for changes/@changed; falls back to the element's label.
std::string attribute_label(ElementId id, std::string_view attr, const LabelContext& ctx = {});

std::string_view role_label(model::PersonRole role);

// 一级标题 … 四级标题; "标题" outside 1..4.
std::string_view heading_label(int depth);

}  // namespace banshi::xml
