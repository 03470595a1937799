// Builds the document model from the tinyxml2 tree. Every element is
// checked on the way in by the generic checker (checker.h: the schema and
// the field table), so the typed readers here only turn checked XML into
// model nodes and check what the tables cannot say (section depth,
// citations that must resolve, a <quote> mixing text and <p>, a value's
// form). Every independent error is recorded and reading goes on; errors
// go to `errors`, warnings to `diags`.
#pragma once

#include <tinyxml2.h>

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "util/diag.h"
#include "xml/checker.h"
#include "xml/source_map.h"

namespace banshi::xml {

// The report fields (keys of the field table) a template requires, by the
// template's name; throws InputError for a name that is not installed.
using RequiredFields = std::function<std::vector<std::string>(const std::string& template_name)>;

class ReportParser {
 public:
  ReportParser(std::string file, std::filesystem::path base_dir, const SourceMap& map, Diagnostics& diags,
               std::vector<Diagnostic>& errors, RequiredFields required);

  model::Report parse(const tinyxml2::XMLDocument& doc);

 private:
  using El = tinyxml2::XMLElement;

  struct CiteUse {
    std::string id;
    model::Pos pos;
    std::string path;
    std::string label;
  };

  // Warns, once per character in a report, of look-alike characters in
  // `text` (xml/lookalikes.h), at `pos` where the text begins.
  void check_lookalikes(std::string_view text, model::Pos pos);
  model::Pos pos(const tinyxml2::XMLNode* node) const { return check_.pos(node); }

  // ------------------------------------------------ the report and its form (report_parser.cpp)
  void read_report(const El& el, model::Report& report);
  void require_template_fields(const El& el, const std::string& template_name);
  // Reads a group of fields into `out`, its groups (a changes' persons) after it.
  void read_group(const El& el, const Kind& kind, std::vector<model::FieldGroup>& out);
  void read_field(const El& el, const Kind& kind, model::FieldGroup& group);
  std::string field_text(const El& el) const;

  // ------------------------------------------------ outcome (outcome_parser.cpp)
  model::Outcome read_outcome(const El& el);
  std::vector<model::Author> read_authors(const El& el);
  std::vector<model::Reference> read_references(const El& el);
  model::Blocks read_blocks();
  std::optional<model::Section> read_section(const El& el);
  model::Inlines read_heading(const El& el, bool numbered);
  model::Paragraph read_paragraph(const El& el);
  model::ListBlock read_list(const El& el);
  model::Table read_table(const El& el);
  model::TableRow read_row(const El& el);
  model::Figure read_figure(const El& el);
  model::Quote read_quote(const El& el);
  // Opens `el` and reads it as one block of inline content.
  model::Inlines read_inline_block(const El& el, ElementId id);
  // The current element's inline content, white space normalised.
  model::Inlines block_content(const El& el);
  model::Inlines read_inlines(const El& el);
  model::Inline read_inline_element(const El& el, ElementId id);
  std::string text_of(const El& el, ElementId id);
  void check_citations(const model::Outcome& outcome);

  std::string file_;
  std::filesystem::path base_dir_;
  Checker check_;
  RequiredFields required_;
  std::vector<CiteUse> cites_;
  std::vector<std::string> reference_paths_;  // parallel to Outcome::references
  std::set<char32_t> lookalikes_;             // already warned of
};

}  // namespace banshi::xml
