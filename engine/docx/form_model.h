// A filled-in form's values into the report's model: the values found by
// their labels (form.h) checked as the XML reader checks them — a field the
// form needs that is missing or blank, a date that cannot be read, a
// 立项编号 not of the federation's form — each an error at its paragraph
// with the form's label.
#pragma once

#include "docx/form.h"
#include "docx/import_log.h"
#include "model/document.h"

namespace banshi::docx {

void put_form(const FoundForm& form, model::Report& report, ImportLog& log);

}  // namespace banshi::docx
