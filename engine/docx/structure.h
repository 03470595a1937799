// From the walked paragraphs and tables to the report's outcome: what each
// paragraph is — the title, author lines, 摘要 and 关键词, headings and the
// sections they open, body paragraphs, lists, captions and notes of tables
// and figures, the 参考文献 and its entries — and then the model the XML
// reader would have built. Each guess is a note in the log at its
// paragraph.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "docx/body.h"
#include "docx/headings.h"
#include "docx/import_log.h"
#include "model/document.h"

namespace banshi::docx {

class Package;

// A paragraph or table on its way into the model.
struct Item {
  enum class Role {
    Body,
    Heading,
    Title,
    Subtitle,
    Author,
    Abstract,
    Keywords,
    ReferencesHeading,
    Reference,
    TableCaption,
    TableNote,
    FigureCaption,
    ListItem,
    Dropped,
  };
  Block* block = nullptr;
  Role role = Role::Body;
  model::Inlines content;  // a paragraph's content, blanks trimmed
  std::string text;        // visible_text(content)
  HeadingGuess heading;
  int depth = 0;  // a heading's depth in the report, 1..4

  Para* para() const { return std::get_if<Para>(block); }
  Table* table() const { return std::get_if<Table>(block); }
  int index() const { return para() ? para()->index : table()->index; }
};

struct StructureInput {
  const Package& package;
  Body& body;
  ImportLog& log;
  std::string fallback_title;  // the core properties' title, or the file's name
};

model::Outcome build_outcome(const StructureInput& in);

// ---- the parts, each in its own file

// front_matter.cpp: title, subtitle, authors, 摘要, 关键词 at the start.
// Returns the first item of the body.
size_t read_front_matter(std::vector<Item>& items, model::Outcome& out, const StructureInput& in);

// references.cpp: the 参考文献 heading and its entries; [n] and superscript
// citations in the text become <cite>.
bool is_references_heading(std::string_view text);
std::vector<model::Reference> read_references(std::vector<Item>& items, size_t heading, size_t end, ImportLog& log);
void link_citations(model::Outcome& out, ImportLog& log);

// tables.cpp: a table with its caption (表N … above, or below) and note
// (注：… below).
model::Table read_table(std::vector<Item>& items, size_t at, ImportLog& log);
bool looks_like_table_caption(std::string_view text);
bool looks_like_table_note(std::string_view text);

// figures.cpp: the pictures of a paragraph as figures, each with the
// caption paragraph (图N …) that follows it; other formats refused.
std::vector<model::Figure> read_figures(std::vector<Item>& items, size_t at, const StructureInput& in);
bool looks_like_figure_caption(std::string_view text);
// Hands a picture's bytes to the figure, with the part as their origin.
void attach_image(model::Figure& f, const std::string& part, std::shared_ptr<const std::string> bytes);

}  // namespace banshi::docx
