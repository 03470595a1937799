// A PDF read as a submission: its A4 pages in reading order (an A3
// booklet's sheets cut into halves and put back in page order), each page's
// glyphs gathered into lines, and every line given a role — page number,
// footnote, table, caption, figure, form, title, heading, body — before
// any rule looks at it. Internal to the audit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/raw_pdf.h"
#include "audit/settings.h"
#include "fonts/families.h"
#include "style/template.h"

namespace banshi::audit {

enum class Role : uint8_t {
  Unknown,
  Folio,
  Footnote,
  Table,    // inside a ruled table (or its note)
  Figure,   // inside an image or drawing
  Caption,  // 表1 …, 图1 …
  Form,     // a page of the 结项申请书 form, or the 最终成果 divider
  Title,
  Author,   // centred lines under the title
  Heading,  // numbered 一、 （一） 1. （1）, or a short line in a heading's style
  Body,     // paragraphs (body, lists, references, abstract)
  Quote,    // a paragraph in another face the template allows (引文 in 楷体)
  Other,    // text of another size outside everything above
};

// Whether a run of glyphs is bold, as far as the PDF shows it.
enum class Bold : uint8_t { Yes, No, Unknown };

struct Line {
  std::vector<uint32_t> glyphs;   // indices into Page::glyphs, left to right
  std::vector<uint32_t> scripts;  // smaller raised or lowered glyphs (note markers, exponents)
  double y = 0;                   // baseline
  double size = 0;                // median em of the glyphs
  double x0 = 0, x1 = 0;          // where the ink starts and ends (punctuation's blank half excluded)
  std::u32string text;            // the glyphs' characters, no spaces
  Role role = Role::Unknown;
  int level = 0;    // Heading: 1 … 4 (0: not numbered, level from its style)
  size_t head = 0;  // glyphs of a heading (or label) run at the start; the rest is body
  bool para_start = false, para_end = false;
  bool list_item = false;  // starts with a list marker followed by a gap
  bool numbered = false;   // Heading: found by its number, not only its style

  double em_top() const { return y - 0.88 * size; }
  double em_bottom() const { return y + 0.12 * size; }
};

struct Folio {
  size_t line = 0;
  std::optional<long> number;  // the digits it shows
  std::u32string text;
  double size = 0;
  double x0 = 0, x1 = 0, em_top = 0;
};

struct Page {
  int seq = 0;       // 1-based position among the A4 pages, in reading order
  int pdf_page = 0;  // the PDF page it is on
  int half = 0;      // 0 whole page; 1 left, 2 right half of an A3 sheet
  double width = 0, height = 0;
  std::vector<Glyph> glyphs;
  std::vector<Rule> rules;
  std::vector<Rect> areas, curves, images;
  std::vector<Line> lines;       // top to bottom
  std::vector<uint32_t> tilted;  // glyphs not set upright (rotated, vertical writing)
  std::vector<bool> mark;        // per rule: a printer's mark at the paper's edge
  std::optional<Folio> folio;
  std::optional<Rule> note_rule;  // the footnote separator
  std::vector<Rect> tables, figures;
  bool form = false;     // wholly a page of the form
  bool outcome = false;  // holds (part of) the outcome
  double left = 0;       // measured left edge of the text (0: not measured)
};

// A face as the audit judges it: the table's face id ("fangsong"), or
// empty for a font the families table does not know.
struct FontFace {
  std::string face;
  std::string name;  // readable font name, for messages
  bool bold_by_name = false;
};

struct Booklet {
  bool sheets = false;  // the file is A3 sheets
  enum class Order { Unknown, Booklet, Reading, Neither } order = Order::Unknown;
  int numbered = 0;             // halves with a page number, the evidence for the order
  std::vector<int> odd_sheets;  // a sheet count that cannot fold (odd number of sides)
  // Per sheet side (file page), its halves as printed (their page in
  // reading order) and as a folded booklet must have them.
  struct Side {
    int pdf_page = 0;
    int left = 0, right = 0;            // seq of the halves as read
    int fold_left = 0, fold_right = 0;  // what a booklet needs there
  };
  std::vector<Side> sides;
};

// Where a page of the template's form was found.
struct FormMatch {
  size_t front = 0;  // index into the template's front pages
  int page = 0;      // seq of the page holding most of its words; 0: not found
  int found = 0, total = 0;
};

struct Analysis {
  const RawDocument* raw = nullptr;
  const Template* tpl = nullptr;
  const Settings* settings = nullptr;
  const FamilyTable* families = nullptr;
  std::vector<FontFace> faces;  // per RawDocument font
  std::vector<Page> pages;
  Booklet booklet;
  bool form_found = false;  // the document has the 结项申请书 form
  std::vector<FormMatch> form_pages;
  int outcome_first_page = 0;     // seq of the outcome's first page (0: none)
  size_t outcome_first_line = 0;  // on that page
  double body_size = 0;           // the dominant text's size and face, as found
  std::string body_face;
  double pitch_line = 0, pitch_char = 0;  // measured on the body (0: not measurable)
  int pitch_lines = 0;                    // lines the character pitch was measured on
  bool mirrored = true;                   // even pages bind on the right, as the body's left edges show

  // Page geometry of the template for page `seq` (mirrored or not).
  Rect block(int seq, bool mirror) const;
  Bold bold_of(const Glyph& g) const;
  const std::string& face_of(const Glyph& g) const { return faces[g.font].face; }
  // "仿宋" for "fangsong"; the id itself for a face the table lacks.
  std::string face_name(const std::string& id) const;
};

// Reads the pages of `raw` as A4 pages (cutting A3 sheets), finds lines
// and gives them roles. `tpl` supplies the geometry, sizes and faces.
Analysis analyse(const RawDocument& raw, const Template& tpl, const Settings& settings, const FamilyTable& families);

// Character helpers shared by the rules.
bool is_han(char32_t c);
bool is_space(char32_t c);
// Where a glyph's ink begins and ends along the line: a full-width stop or
// closing mark has its ink in the left half, an opening mark in the right.
double ink_left(const Glyph& g);
double ink_right(const Glyph& g);
std::string utf8(const std::u32string& s);

}  // namespace banshi::audit
