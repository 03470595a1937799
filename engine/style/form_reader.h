// Reading a template's <front> pages (see form.h for what they hold).
#pragma once

#include "style/template_reader.h"

namespace banshi {

// Reads <page> children of <front>; errors name the template's file:line.
std::vector<FrontPage> read_front(const TemplateReader& r, const XMLElement* front);

// Every style a form item names exists in the template, and every
// placeholder names a field of the field table (checked once the whole
// template, with what it extends, is read).
void check_front(const TemplateReader& r, const Template& t);

}  // namespace banshi
