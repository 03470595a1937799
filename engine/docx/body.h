// The walk over WordprocessingML: document.xml (and the notes parts) into
// paragraphs and tables as a reader of the printed page sees them —
// formatting resolved, automatic numbers worked out, tracked insertions
// kept and deletions dropped, comments and field codes left out (their
// results kept), text boxes taken out of their drawings, footnotes and
// endnotes at their references. What the paragraphs *are* (title,
// headings, captions …) is decided afterwards, in structure.h.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "docx/import_log.h"
#include "docx/numbering.h"
#include "docx/styles.h"
#include "model/document.h"

namespace banshi::docx {

class Package;

// A picture in the text: where its bytes are in the package.
struct ImageRef {
  std::string part;    // word/media/image1.png; empty when not inside the package
  std::string target;  // as the relationship wrote it
  bool external = false;
  bool escapes = false;
  bool missing = false;  // no such relationship or part
  std::string kind;      // "chart", "object", "" for a picture
  std::optional<double> width_pt;
  std::string description;  // the alt text
};

struct Para {
  int index = 0;           // ¶N: the paragraph's number in the document
  std::string style;       // w:pStyle, the style's id
  std::string style_name;  // its name, for messages ("标题 2")
  StyleRole role = StyleRole::Other;
  int style_heading_level = 0;  // from the style's name, 0 = none
  ParaProps props;              // style chain, then direct
  bool direct_outline = false;  // the outline level is the paragraph's own
  model::Inlines content;
  std::string text;  // what it prints (tabs as \t), footnote markers left out
  std::optional<GeneratedNumber> number;
  // The formatting of its visible text, for guessing headings.
  bool all_bold = false;
  int bold_prefix_chars = 0;  // characters from the start set in bold
  int max_half_points = 0;
  int main_half_points = 0;  // the size most of its characters have (the audit's)
  int main_spacing = 0;      // and their character spacing, twips
  // The East Asian font and size of its first Han character: a run-in
  // heading's ("1.培育新型人才。" before its paragraph's text).
  std::string lead_font;
  int lead_half_points = 0;
  std::string font;  // the East Asian font of most of its characters
  bool page_break = false;
  bool in_toc = false;  // part of a generated table of contents
  bool from_text_box = false;
  std::vector<ImageRef> images;
};

struct Cell {
  std::vector<Para> paras;
  int span = 1;  // grid columns (w:gridSpan)
  enum class Merge { None, Restart, Continue } vmerge = Merge::None;
  int column = 0;  // first grid column
};

struct Row {
  std::vector<Cell> cells;
  bool header = false;  // w:tblHeader: repeats on each page
};

struct Table {
  int index = 0;  // ¶ of its first paragraph
  std::vector<Row> rows;
};

using Block = std::variant<Para, Table>;

struct Body {
  std::vector<Block> blocks;
  // Each paragraph's opening words, by number ([0] unused): for messages
  // (SourceLoc::docx_paragraph cuts them to size).
  std::vector<std::string> openings;
};

// Walks the main document. Problems found at a paragraph (a picture in a
// format the printout cannot take, a symbol with no Unicode form) go to
// `log`.
Body read_body(const Package& package, const StyleSheet& styles, Numbering& numbering, ImportLog& log);

// "二、巴中发展新质生产力…": the first `chars` characters of `text`, blank
// runs as one space.
std::string opening_words(std::string_view text, size_t chars = 12);

}  // namespace banshi::docx
