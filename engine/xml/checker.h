// The generic schema check, apart from the readers that build the model:
// an element's attributes and children against the schema (schema.h) and,
// for the form's groups and fields, the field table; and what every message
// needs — the XML path, the form's label, the position.
//
// Every finding is recorded and the check goes on (an unknown child is
// skipped, a bad attribute value ignored), so one run reports every
// independent error; the readers skip what the check refused.
#pragma once

#include <tinyxml2.h>

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fields/field_table.h"
#include "model/document.h"
#include "util/diag.h"
#include "xml/labels.h"
#include "xml/schema.h"
#include "xml/source_map.h"

namespace banshi::xml {

// What an element is: a row of the schema, or a group or a field of the
// field table (id Group or Field).
struct Kind {
  ElementId id = ElementId::Document;
  const FieldGroupSpec* group = nullptr;
  const FieldSpec* field = nullptr;
};

class Checker {
 public:
  using El = tinyxml2::XMLElement;

  struct Accepted {
    const El* el;
    Kind kind;
  };

  // Errors go to `errors`, warnings to `diags`.
  Checker(std::string file, const SourceMap& map, Diagnostics& diags, std::vector<Diagnostic>& errors);

  // The fields (keys of the field table) the report's template requires.
  void require(const std::vector<std::string>& keys, std::string template_name);
  bool required(const FieldSpec& f) const { return f.always_required || required_.count(f.key) > 0; }
  // A group is required when one of its fields is.
  bool required(const FieldGroupSpec& g) const;

  // Closes the element opened by open().
  class Scope {
   public:
    explicit Scope(Checker& c) : c_(&c) {}
    Scope(Scope&& other) noexcept : c_(std::exchange(other.c_, nullptr)) {}
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    Scope& operator=(Scope&&) = delete;
    ~Scope() {
      if (c_) c_->frames_.pop_back();
    }

   private:
    Checker* c_;
  };

  // Enters `el` as `kind` and checks its attributes and children.
  [[nodiscard]] Scope open(const El& el, Kind kind);
  // Enters the document (the parent of the root element).
  void open_document();
  // The children of the current element the check accepted, in order (a
  // copy: reading them opens further elements).
  std::vector<Accepted> children() const { return frames_.back().children; }
  // No error was found in the current element's own markup: its value can
  // be checked without repeating what is already said.
  bool clean() const { return errors_.size() == frames_.back().errors_at_open; }
  const Kind& current() const { return frames_.back().kind; }
  int section_depth() const;
  // The element `name` would be as a child of the current element, if allowed.
  std::optional<Kind> child_kind(std::string_view name) const;

  // ------------------------------------------------ messages
  // The XML path of the current element, with `extra` ("<id>", "@role") appended.
  std::string path_with(std::string_view extra = {}) const;
  std::string label() const { return frames_.back().label; }
  // The label `kind` would have as a child of the current element.
  std::string label_of(const Kind& kind) const;
  std::string attribute_label_of(const Kind& kind, std::string_view attr) const;
  std::string segment_of(const El& el, const Kind& kind) const;
  model::Pos pos(const tinyxml2::XMLNode* node) const { return map_.pos(node); }
  const SourceMap& map() const { return map_; }
  const std::string& file() const { return file_; }

  void error_at(model::Pos pos, std::string path, std::string label, MessageCode code, Args args = {});
  // An error found elsewhere (a template that cannot be read).
  void add_error(Diagnostic d) { errors_.push_back(std::move(d)); }
  // An error about the current element.
  void error_here(model::Pos pos, MessageCode code, Args args = {});
  void warn_at(model::Pos pos, std::string path, std::string label, MessageCode code, Args args = {});
  size_t error_count() const { return errors_.size(); }

 private:
  struct Child {
    Kind kind;
    Occurs occurs;
  };
  struct Frame {
    Kind kind;
    const El* el = nullptr;
    std::string segment;  // "<person role=\"original-leader\">"
    std::string label;    // "原负责人", "二级标题"
    std::vector<Accepted> children;
    size_t errors_at_open = 0;
  };

  std::vector<Child> allowed_children(const Kind& parent) const;
  std::string element_name(const Kind& kind) const;
  Message allowed_children_text(const Kind& parent) const;
  void check_attributes(const El& el, const Kind& kind);
  void check_children(const El& el, const Kind& kind);
  bool no_self_nesting_violated(const Kind& kind) const;
  // An unknown child of a group whose text fits exactly one missing field
  // (<date>2025-10-15</date> where <filled> is missing): that field.
  const FieldSpec* misnamed_field(const El& child, const std::vector<const FieldSpec*>& missing) const;
  // The one allowed child whose name `name` is a typo of (<bdy> for <body>).
  std::optional<Kind> typo_of(std::string_view name, const Kind& parent) const;
  std::string instance_label(const El& el, const Kind& kind) const;

  std::string file_;
  const SourceMap& map_;
  Diagnostics& diags_;
  std::vector<Diagnostic>& errors_;
  std::set<std::string, std::less<>> required_;
  std::string template_name_;
  std::vector<Frame> frames_;
};

// Attribute value with surrounding white space trimmed (as XML does for
// tokenised attributes); empty when absent.
std::string_view attribute(const tinyxml2::XMLElement& el, std::string_view name);
bool has_attribute(const tinyxml2::XMLElement& el, std::string_view name);

}  // namespace banshi::xml
