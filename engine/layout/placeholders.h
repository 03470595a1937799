// Filling a form's placeholders ({project.id}, {box changes.changed=yes},
// …; fields/placeholder.h says which there are) from the report.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace banshi {

struct Bindings {
  const model::Report& report;
  const model::FieldGroup* row = nullptr;  // {person.*} in a repeated row
};

// The text with every placeholder replaced. The template loader has
// refused unknown placeholders; one that still does not resolve (a
// template built by hand, not loaded) throws EngineError naming `where`.
std::string fill_placeholders(std::string_view text, const Bindings& b, const std::string& where);

}  // namespace banshi
