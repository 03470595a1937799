// The typed document model: what a report says, independent of how it is
// printed. The XML stage builds it; the layout stage reads it. Every node
// keeps the source position it came from, so later stages (citations,
// fonts, layout limits) can still point at file:line:column.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "util/diag.h"

namespace banshi::model {

struct Pos {
  int line = 0;
  int column = 0;
};

// ---------------------------------------------------------------- inline

struct Inline;
using Inlines = std::vector<Inline>;

enum class InlineKind {
  Text,       // text: already whitespace-normalised UTF-8
  Bold,       // <b>: children
  Emphasis,   // <em>: children, printed with 着重号 dots
  Sup,        // <sup>: children
  Sub,        // <sub>: children
  Footnote,   // <fn>: children are the note's text; the marker goes here
  Cite,       // <cite ref="r1 r2"/>: refs
  Link,       // <a href>: children, href
  LineBreak,  // <br/>
};

struct Inline {
  InlineKind kind = InlineKind::Text;
  std::string text;               // Text
  Inlines children;               // Bold, Emphasis, Sup, Sub, Footnote, Link
  std::string href;               // Link
  std::vector<std::string> refs;  // Cite: reference ids in source order
  Pos pos;
};

// Plain text of inlines (footnote contents and citations excluded): for
// bookmarks, document info and checks.
std::string plain_text(const Inlines& in);

// ---------------------------------------------------------------- blocks

struct Block;
using Blocks = std::vector<Block>;

struct Paragraph {
  Inlines content;
  Pos pos;
};

struct ListBlock {
  bool ordered = false;
  std::vector<Inlines> items;
  std::vector<Pos> item_pos;
  Pos pos;
};

struct TableCell {
  Inlines content;
  bool header = false;  // <th>
  int colspan = 1;
  int rowspan = 1;
  Pos pos;
};

struct TableRow {
  std::vector<TableCell> cells;
  Pos pos;
};

struct Table {
  Inlines caption;  // may be empty
  std::vector<TableRow> rows;
  Inlines note;  // <note>, may be empty
  Pos pos;
};

// Where a figure's image comes from: figures are bytes with an origin, not
// paths. The XML reader knows only the name written in src, and the image
// stage (image/figure_files.h) reads the file under the allowed roots. An
// importer or a server that holds the bytes already (a part of a .docx
// package, an upload) hands them in here, and no path is involved. The
// image limits apply to the bytes, the root rules to a file's origin.
struct FigureImage {
  enum class Origin { File, PackagePart, Upload };
  Origin origin = Origin::File;
  // File: the path as written, relative to the report's directory;
  // PackagePart: the part's name ("word/media/image1.png"); Upload: the
  // name it was uploaded under. Shown in messages.
  std::string name;
  // The bytes, when whoever built the model has them; null for a File.
  std::shared_ptr<const std::string> bytes;
};

struct Figure {
  std::string src;  // as written in the XML
  FigureImage image;
  std::optional<double> width_pt;  // width="120mm" resolved to points
  Inlines caption;
  Pos pos;
  // Where src was written, for a message about the image found there (the
  // same place, path and form label as the parser's own messages).
  Pos src_pos;
  std::string src_path;   // e.g. "<outcome>/<body>/<figure>/@src"
  std::string src_label;  // e.g. "图片文件"
};

struct Quote {
  std::vector<Paragraph> paragraphs;  // <quote> text, or its <p> children
  Pos pos;
};

struct Section {
  Inlines heading;  // <h> without its number
  Pos heading_pos;
  bool numbered = true;        // numbered="no" turns numbering off
  std::optional<bool> run_in;  // run-in="yes|no"; unset = template decides
  int depth = 1;               // 1..4
  Blocks blocks;
  Pos pos;
};

struct Block {
  std::variant<Paragraph, Section, ListBlock, Table, Figure, Quote> node;
};

// ---------------------------------------------------------------- report

struct Date {
  int year = 0;
  int month = 0;  // 1..12, 0 = not given (e.g. <born>1979-12</born> has no day)
  int day = 0;    // 1..31, 0 = not given
};

// A value the applicant filled in on the form: the text as written (white
// space normalised; a choice's value such as "yes" or "original-leader")
// and, for a date, the date. What each field is — its label, type and
// checks, its group — is the field table's business (templates/fields.xml,
// engine/fields), so the model holds values by name and never lists fields.
struct FieldValue {
  std::string text;
  std::optional<Date> date;  // date and year-month fields
  Pos pos;
  // Not written: the value of the field its row names as default (立项项目名称
  // = 项目名称), so the XML writer leaves it out as the report did.
  bool defaulted = false;
};

// One filled-in group of the form's fields: the project (封面), the 声明, the
// change data, one person of the change table.
struct FieldGroup {
  std::string name;                                       // the field table's group: "project", "person"
  std::map<std::string, FieldValue, std::less<>> values;  // by field name: "id", "filled"
  Pos pos;

  const FieldValue* find(std::string_view field) const;
  // The field's text; empty when it was not given.
  std::string_view text(std::string_view field) const;
};

struct Author {
  std::string role;  // 课题负责人, 课题参与者, …
  std::string name;
  Pos pos;
};

struct Reference {
  std::string id;
  Inlines content;
  Pos pos;
};

struct Outcome {
  Inlines title;
  Pos title_pos;
  std::vector<Author> authors;
  std::optional<Inlines> abstract;
  Pos abstract_pos;
  std::vector<std::string> keywords;
  Pos keywords_pos;
  Blocks body;
  std::vector<Reference> references;
  Pos references_pos;
  Pos pos;
};

struct Report {
  std::string source_file;  // as given on the command line
  // A report imported from a .docx: positions are paragraphs (Pos::line is
  // the paragraph's number, Pos::column 0) and this holds each paragraph's
  // opening words, by number, for messages. Empty for XML.
  std::vector<std::string> paragraph_openings;
  std::string base_dir;       // directory for resolving relative paths
  std::string template_name;  // report/@template
  Pos template_pos;
  int version = 1;
  // The form's fields, group by group in document order (each person
  // after the changes that hold it).
  std::vector<FieldGroup> form;
  Outcome outcome;

  // Where `p` is in the source, for a message: file:line:column, or a .docx
  // paragraph with its opening words.
  SourceLoc loc(Pos p) const;
  // The first group called `name` ("project"); null when the report has none.
  const FieldGroup* group(std::string_view name) const;
  // Every group called `name`, in document order ("person").
  std::vector<const FieldGroup*> groups(std::string_view name) const;
  // The text of the field `key` ("project.title") in the first group of its
  // name; empty when not given.
  std::string_view field(std::string_view key) const;
};

}  // namespace banshi::model
