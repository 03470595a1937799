#include "audit/rules.h"

#include <algorithm>
#include <cmath>

#include "util/units.h"

namespace banshi::audit {

std::vector<Finding> run_rules(const Analysis& a) {
  std::vector<Finding> out;
  for (const RuleSpec& spec : rule_specs()) {
    const std::string_view id = spec.id;
    if (id == "page.size") out.push_back(rule_page_size(a));
    else if (id == "booklet.order") out.push_back(rule_booklet_order(a));
    else if (id == "margins") out.push_back(rule_margins(a));
    else if (id == "block.outside") out.push_back(rule_block_outside(a));
    else if (id == "body.style") out.push_back(rule_body_style(a));
    else if (id == "title.style") out.push_back(rule_title_style(a));
    else if (id == "heading1.style") out.push_back(rule_heading_style(a, 1));
    else if (id == "heading2.style") out.push_back(rule_heading_style(a, 2));
    else if (id == "heading3.style") out.push_back(rule_heading_style(a, 3));
    else if (id == "heading4.style") out.push_back(rule_heading_style(a, 4));
    else if (id == "fonts.embedded") out.push_back(rule_fonts_embedded(a));
    else if (id == "fonts.type3") out.push_back(rule_fonts_type3(a));
    else if (id == "text.extractable") out.push_back(rule_text_extractable(a));
    else if (id == "grid.lines") out.push_back(rule_grid_lines(a));
    else if (id == "grid.chars") out.push_back(rule_grid_chars(a));
    else if (id == "body.justified") out.push_back(rule_body_justified(a));
    else if (id == "linebreak.start") out.push_back(rule_linebreak(a, true));
    else if (id == "linebreak.end") out.push_back(rule_linebreak(a, false));
    else if (id == "folio.format") out.push_back(rule_folio_format(a));
    else if (id == "folio.position") out.push_back(rule_folio_position(a));
    else if (id == "folio.sequence") out.push_back(rule_folio_sequence(a));
    else if (id == "footnotes.page") out.push_back(rule_footnotes_page(a));
    else if (id == "form.pages") out.push_back(rule_form_pages(a));
    else if (id == "form.cover") out.push_back(rule_form_cover(a));
  }
  return out;
}

Finding make(std::string rule, Verdict v, Text measured, std::vector<int> pages) {
  Finding f;
  f.rule = std::move(rule);
  f.verdict = v;
  f.measured = std::move(measured);
  f.pages = unique_pages(std::move(pages));
  return f;
}

double tol(const Analysis& a, std::string_view rule, std::string_view name) {
  return a.settings->tolerance(rule, name);
}

bool mirrored(const Analysis& a) { return a.mirrored; }

Rect page_block(const Analysis& a, const Page& p) {
  Rect r = a.block(p.seq, mirrored(a));
  if (p.left > 0) {
    const double w = r.width();
    r.x0 = p.left;
    r.x1 = p.left + w;
  }
  return r;
}

std::string mm_text(double pt) { return fixed(pt / kPtPerMm, 1); }

std::string excerpt(const std::u32string& text, size_t max) {
  std::u32string t = text.substr(0, max);
  if (text.size() > max) t += U'…';
  return utf8(t);
}

std::vector<int> unique_pages(std::vector<int> pages) {
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
  return pages;
}

}  // namespace banshi::audit
