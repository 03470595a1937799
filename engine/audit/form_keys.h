// The fixed words of a form's pages, read from the template, by which the
// audit finds those pages in a PDF (internal to the audit).
#pragma once

#include <string>
#include <vector>

#include "style/template.h"

namespace banshi::audit {

struct FormPageKeys {
  std::vector<std::u32string> keys;  // normalised: no spaces, no placeholders
  std::u32string title;              // the first of them, to name the page
};

// Per front page of the template: the longest placeholder-free piece of
// each paragraph, field label, box text and table label it prints.
std::vector<FormPageKeys> form_page_keys(const Template& tpl);

// The cover's field labels (立项编号 …), normalised.
std::vector<std::u32string> cover_field_labels(const Template& tpl);

// Drops spaces (ASCII, ideographic, no-break) from UTF-8 text.
std::u32string normalised(const std::string& utf8_text);

}  // namespace banshi::audit
