// Filling a form's placeholders ({project.id}, {box changes.changed=yes},
// …; the list is in style/form.h) from the report.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace banshi {

struct Bindings {
  const model::Report& report;
  const model::Person* person = nullptr;  // {person.*} in a repeated row
};

// The text with every placeholder replaced. Throws EngineError naming
// `where` (the template's file:line) for an unknown placeholder.
std::string fill_placeholders(std::string_view text, const Bindings& b, const std::string& where);

}  // namespace banshi
