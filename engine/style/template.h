// Templates are data: templates/NAME/template.xml holds the page geometry,
// the text styles per role, heading numbering and the folio, so that the
// federation — not the applicant and not the C++ — decides the layout.
// This stage reads that file into plain structs; layout consumes them.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "style/form.h"
#include "style/roles.h"
#include "util/diag.h"
#include "util/units.h"

namespace banshi {

enum class Align { Left, Center, Right, Justify, Distribute };

// GB/T 9704 page: A4, 版心 156×225 mm at 37 mm from the top and 28 mm from
// the binding edge, 22 lines × 28 characters.
struct PageGeometry {
  double width = mm(210), height = mm(297);
  double top = mm(37);      // 天头: paper edge to the text block
  double binding = mm(28);  // 订口: binding edge to the text block
  double text_width = mm(156), text_height = mm(225);
  int lines = 22;      // grid lines per page
  int chars = 28;      // grid cells per line (at the body size)
  bool mirror = true;  // double-sided: even pages bind on the right
  SourceLoc where;     // the <page> that set it, for messages

  double line_pitch() const { return text_height / lines; }
  double char_pitch() const { return text_width / chars; }
  // Left edge of the text block on page `number` (1-based; odd = recto).
  double text_left(int number) const { return (mirror && number % 2 == 0) ? width - binding - text_width : binding; }
};

struct TextStyle {
  std::string name;
  std::string label;              // Chinese role name for messages: "一级标题"
  std::string face = "fangsong";  // face id in the font map
  double size = 16;               // pt
  bool bold = false;              // synthetic bold when the face has no bold
  Align align = Align::Justify;
  Length first_indent;   // first-line indent ("2em" = two grid cells)
  Length left_indent;    // whole paragraph
  Length hanging;        // lines after the first indented by this much
  int lines_before = 0;  // blank grid lines before / after the block
  int lines_after = 0;
  double letter_spacing = 0;  // extra em between characters (titles, labels)
  bool keep_with_next = false;
  // line-break="phrases": lines end after punctuation or between words,
  // inside a word only when nothing else fits (titles and captions, read
  // in phrases); "anywhere" (default): between any two characters, as
  // Chinese body text breaks.
  bool break_in_phrases = false;
  bool on_grid = true;    // lines at the page grid's pitch
  double line_pitch = 0;  // pt; 0 = the grid's pitch
  SourceLoc where;        // the <style> that defined it, for messages
};

// Heading numbering for one depth: "{zh}、" → 一、, "（{zh}）" → （一）,
// "{n}." → 1., "（{n}）" → （1）.
struct NumberingLevel {
  int depth = 1;
  std::string format;
  std::string style;    // the TextStyle used for the heading
  bool run_in = false;  // heading runs into its section's first paragraph
  int line = 0;         // template source line, for messages
};

struct FolioStyle {
  std::string format = "— {n} —";
  std::string face = "song";
  double size = 14;
  double below = mm(7);   // from the text block's bottom to the folio
  Length inset{1, true};  // from the outer edge of the text block
  bool enabled = true;
  SourceLoc where;  // the <folio> that set it, for messages
};

struct FootnoteStyle {
  bool per_page = false;  // numbering restarts on each page
  bool circled = false;   // ① ② … instead of superscript 1 2 …
};

struct Template {
  std::string name;
  std::string description;
  std::filesystem::path dir;
  std::filesystem::path file;
  PageGeometry page;
  FolioStyle folio;
  FootnoteStyle footnotes;
  std::map<std::string, TextStyle, std::less<>> styles;
  std::vector<NumberingLevel> numbering;  // by depth, 1-based order
  std::string default_impose = "none";    // "none" | "a3-booklet"
  bool default_pdfa = false;              // write PDF/A-1b unless asked not to
  std::vector<FrontPage> front;           // pages before the outcome
  bool outcome_recto = false;             // the outcome starts on an odd page
  bool outcome_new_page = true;           // false: it follows the last front page's text
  // <requires fields="project.id …"/>: the report fields (keys of the field
  // table, templates/fields.xml) a report must give to be printed with
  // this template; with what it extends.
  std::vector<std::string> required_fields;

  // A role's style: every template has one for each (load_template checks).
  const TextStyle& style(Role role) const;
  // A style the template itself names (a form item's, a numbering level's):
  // checked when the template is loaded.
  const TextStyle& style(std::string_view name) const;
  const NumberingLevel* level(int depth) const;
};

// Reads templates/NAME/template.xml. Errors (malformed XML, unknown
// elements or attributes, bad lengths or sizes, a role without its style,
// a placeholder or a required field the field table does not know) are
// InputErrors with the template's file:line, as for reports.
Template load_template(const std::filesystem::path& template_dir);

// Names and one-line descriptions of the templates under `root`.
struct TemplateSummary {
  std::string name, description;
  // Why a template that is there cannot be loaded (its file:line and the
  // message, in both languages): `banshi templates` says so, nothing uses it.
  std::optional<Localized> problem;
};
std::vector<TemplateSummary> list_templates(const std::filesystem::path& root);

}  // namespace banshi
