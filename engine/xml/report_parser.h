// Builds the document model from the tinyxml2 tree, checking every element
// against the schema table (schema.h) on the way in. The checks are
// generic — allowed children and attributes, required and repeated
// children, text where only elements belong — so the typed readers below
// only turn already-valid XML into model nodes. What the table cannot say
// (section depth, template requirements, citations that must resolve, a
// <quote> mixing text and <p>) is checked by the reader concerned.
//
// The first error throws InputError; warnings go to the Diagnostics.
#pragma once

#include <tinyxml2.h>

#include <filesystem>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/document.h"
#include "util/diag.h"
#include "xml/labels.h"
#include "xml/schema.h"
#include "xml/source_map.h"

namespace banshi::xml {

// A text or date field of a model struct, filled from the child element `id`.
template <class T>
struct FieldSlot {
  ElementId id;
  model::Field T::*text = nullptr;
  model::DateField T::*date = nullptr;
};

class ReportParser {
 public:
  ReportParser(std::string file, std::filesystem::path base_dir, const SourceMap& map, Diagnostics& diags);

  model::Report parse(const tinyxml2::XMLDocument& doc);

 private:
  using El = tinyxml2::XMLElement;

  // The open elements, outermost first: for XML paths, labels and the
  // no-self-nesting rule.
  struct Frame {
    ElementId id;
    const El* el;
    std::string segment;  // "<person role=\"original-leader\">"
  };

  // Closes the element opened by open().
  class Scope {
   public:
    explicit Scope(std::vector<Frame>& frames) : frames_(&frames) {}
    Scope(Scope&& other) noexcept : frames_(std::exchange(other.frames_, nullptr)) {}
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    Scope& operator=(Scope&&) = delete;
    ~Scope() {
      if (frames_) frames_->pop_back();
    }

   private:
    std::vector<Frame>* frames_;
  };

  struct CiteUse {
    std::string id;
    model::Pos pos;
    std::string path;
    std::string label;
  };

  // ------------------------------------------------ schema (report_parser.cpp)
  // Enters `el` and checks its attributes and children against the schema.
  [[nodiscard]] Scope open(const El& el, ElementId id);
  void check_attributes(const El& el, ElementId id) const;
  void check_children(const El& el, ElementId id) const;
  const ChildSpec* allowed_child(ElementId parent, std::string_view name) const;
  std::string allowed_children_text(ElementId parent) const;
  std::string segment_of(const El& el, ElementId id) const;
  // Calls f(child, id) for each child element of the current element.
  template <class F>
  void each_child(const El& el, F&& f) const;

  // ------------------------------------------------ messages
  // The XML path of the current element, with `extra` ("<id>", "@role") appended.
  std::string path_with(std::string_view extra = {}) const;
  LabelContext label_context() const;
  std::string label() const;  // of the current element
  std::string label_of(ElementId id) const { return element_label(id, label_context()); }
  model::Pos pos(const tinyxml2::XMLNode* node) const { return map_.pos(node); }
  [[noreturn]] void fail_at(model::Pos pos, std::string path, std::string label, std::string message) const;
  // An error about the current element.
  [[noreturn]] void fail_here(model::Pos pos, std::string message) const;
  void warn_at(model::Pos pos, std::string path, std::string label, std::string message);
  // Warns, once per character in a report, of look-alike characters in
  // `text` (xml/lookalikes.h), at `pos` where the text begins.
  void check_lookalikes(std::string_view text, model::Pos pos);

  // ------------------------------------------------ metadata (report_parser.cpp)
  void read_report(const El& el, model::Report& report);
  model::Project read_project(const El& el);
  model::Changes read_changes(const El& el);
  model::Person read_person(const El& el);
  template <class T>
  void read_fields(const El& el, T& out, std::span<const FieldSlot<T>> slots);
  model::Field read_field(const El& el, ElementId id);
  model::DateField read_date(const El& el, ElementId id);
  std::string field_text(const El& el) const;

  // ------------------------------------------------ outcome (outcome_parser.cpp)
  model::Outcome read_outcome(const El& el);
  std::vector<model::Author> read_authors(const El& el);
  std::vector<model::Reference> read_references(const El& el);
  model::Blocks read_blocks(const El& el);
  model::Section read_section(const El& el);
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
  void check_citations(const model::Outcome& outcome);

  std::string file_;
  std::filesystem::path base_dir_;
  const SourceMap& map_;
  Diagnostics& diags_;
  std::vector<Frame> frames_;
  std::vector<CiteUse> cites_;
  std::vector<std::string> reference_paths_;  // parallel to Outcome::references
  std::set<char32_t> lookalikes_;             // already warned of
};

template <class F>
void ReportParser::each_child(const El& el, F&& f) const {
  const ElementId parent = frames_.back().id;
  for (const El* c = el.FirstChildElement(); c; c = c->NextSiblingElement())
    f(*c, find_child(parent, c->Name())->id);  // open() has checked every child
}

// Attribute value with surrounding white space trimmed (as XML does for
// tokenised attributes); empty when absent.
std::string_view attribute(const tinyxml2::XMLElement& el, std::string_view name);
bool has_attribute(const tinyxml2::XMLElement& el, std::string_view name);

}  // namespace banshi::xml
