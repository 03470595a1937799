// The rules, each a function of the analysed document (internal to the
// audit). Each returns one finding with its rule id.
#pragma once

#include <string>
#include <vector>

#include "audit/analysis.h"
#include "audit/audit.h"

namespace banshi::audit {

// Every rule of rule_specs(), in that order.
std::vector<Finding> run_rules(const Analysis& a);

// Page, block and margins (rules_page.cpp).
Finding rule_page_size(const Analysis& a);
Finding rule_booklet_order(const Analysis& a);
Finding rule_margins(const Analysis& a);
Finding rule_block_outside(const Analysis& a);
// Fonts and text (rules_fonts.cpp).
Finding rule_fonts_embedded(const Analysis& a);
Finding rule_fonts_type3(const Analysis& a);
Finding rule_text_extractable(const Analysis& a);
// Sizes and faces (rules_style.cpp).
Finding rule_body_style(const Analysis& a);
Finding rule_title_style(const Analysis& a);
Finding rule_heading_style(const Analysis& a, int level);
// Grid and composition (rules_grid.cpp).
Finding rule_grid_lines(const Analysis& a);
Finding rule_grid_chars(const Analysis& a);
Finding rule_body_justified(const Analysis& a);
Finding rule_linebreak(const Analysis& a, bool start);
// Page numbers and notes (rules_folio.cpp).
Finding rule_folio_format(const Analysis& a);
Finding rule_folio_position(const Analysis& a);
Finding rule_folio_sequence(const Analysis& a);
Finding rule_footnotes_page(const Analysis& a);
// The form (rules_form.cpp).
Finding rule_form_pages(const Analysis& a);
Finding rule_form_cover(const Analysis& a);

// ---- helpers shared by the rules ----

Finding make(std::string rule, Verdict v, Text measured, std::vector<int> pages = {});
double tol(const Analysis& a, std::string_view rule, std::string_view name);
// Whether even pages are mirrored (binding on the right), as measured on
// the body's left edges.
bool mirrored(const Analysis& a);
// The page's text block: the template's, at the measured left edge when
// there is one.
Rect page_block(const Analysis& a, const Page& p);
std::string mm_text(double pt);
std::string excerpt(const std::u32string& text, size_t max = 12);
// The most common of the values (to a point), the median of those near it.
double most_common(const std::vector<double>& v);
// Sorted, without duplicates.
std::vector<int> unique_pages(std::vector<int> pages);

}  // namespace banshi::audit
