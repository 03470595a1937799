// The styles part (word/styles.xml) and the formatting a paragraph or run
// actually has: document defaults, then the style's basedOn chain from its
// root, then the character style, then direct formatting — the order in
// which Word applies them.
//
// Styles are known by what they are, not by their id: Chinese Word writes
// ids "1", "2" for heading 1, 2; WPS numeric ids; other producers
// "Heading1". The name (w:name "heading 1", "标题 1", "Title") and the
// outline level say what a style is. The audit reads formatting through
// this same interface.
#pragma once

#include <tinyxml2.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace banshi::docx {

class Package;
struct Namespaces;

enum class Align { Left, Center, Right, Justify, Distribute };
enum class VertAlign { Baseline, Super, Sub };

// Run formatting; unset = inherited.
struct RunProps {
  std::optional<bool> bold, italic, dot_emphasis, hidden, strike, underline;
  std::optional<VertAlign> valign;
  std::optional<int> half_points;  // w:sz: 32 = 16 pt = 3号
  std::optional<int> spacing;      // w:spacing: character spacing, twips (-4 = condensed by 0.2 pt)
  std::optional<std::string> east_asia_font, ascii_font;

  // Sets what `over` sets.
  void apply(const RunProps& over);
};

struct NumberingRef {
  int num_id = 0;  // 0 = numbering removed
  int level = 0;   // w:ilvl
};

// Paragraph formatting; unset = inherited.
struct ParaProps {
  std::optional<int> outline_level;  // 0..8; 9 = body text
  std::optional<Align> align;
  std::optional<NumberingRef> numbering;
  std::optional<int> first_line_twips, first_line_chars;  // chars in hundredths
  std::optional<int> left_twips;
  std::optional<int> line, before, after;  // w:spacing, twips (line: 240ths when auto)
  std::optional<std::string> line_rule;    // w:spacing w:lineRule: auto, exact, atLeast
  std::optional<bool> keep_next, page_break_before;

  void apply(const ParaProps& over);
};

// What a style is, from its name (and the built-in names' Chinese forms).
enum class StyleRole {
  Other,
  Normal,
  Heading,  // heading N / 标题 N: see heading_level
  Title,
  Subtitle,
  Toc,  // toc N / 目录 N
  Caption,
  FootnoteText,
  ListParagraph,
};

struct Style {
  std::string id, name;
  std::string type;  // paragraph, character, table, numbering
  std::string based_on;
  StyleRole role = StyleRole::Other;
  int heading_level = 0;  // from the name: 1..9; 0 = not a heading name
  bool is_default = false;
  ParaProps ppr;
  RunProps rpr;
};

// Reads w:pPr / w:rPr elements (also of a paragraph or run).
ParaProps read_para_props(const tinyxml2::XMLElement* ppr, const Namespaces& ns);
RunProps read_run_props(const tinyxml2::XMLElement* rpr, const Namespaces& ns);

// "heading 1", "Heading1", "标题 1", "标题1" → Heading and 1; "Title", "标题" →
// Title; "toc 2", "目录 2" → Toc; …
StyleRole role_of_name(std::string_view name, int* heading_level = nullptr);

class StyleSheet {
 public:
  StyleSheet() = default;
  // The styles part of the main document; an empty sheet when there is
  // none (python-docx writes documents without one).
  static StyleSheet read(const Package& package);
  static StyleSheet parse(const tinyxml2::XMLElement* root);

  const Style* find(std::string_view id) const;
  // The paragraph style a paragraph without w:pStyle has.
  const Style* default_paragraph() const;

  // The style's paragraph formatting through its basedOn chain, over the
  // document defaults. An unknown or empty id is the default style.
  const ParaProps& paragraph(std::string_view style_id) const;
  // The run formatting a paragraph style gives its runs (defaults, then the
  // chain); with a character style on top.
  RunProps run(std::string_view para_style, std::string_view char_style = {}) const;
  // The style's role and heading level, looking up the basedOn chain for a
  // style that only derives from a heading (WPS's "标题 1 Char" aside).
  StyleRole role(std::string_view style_id, int* heading_level = nullptr) const;

 private:
  template <class Props>
  Props chain(std::string_view id, Props Style::*member) const;

  std::map<std::string, Style, std::less<>> styles_;
  std::string default_paragraph_;
  ParaProps default_ppr_;
  RunProps default_rpr_;
  // Every style resolved through its chain when the sheet is read, so the
  // sheet is read-only (and safe to share) afterwards.
  std::map<std::string, ParaProps, std::less<>> para_cache_;
  std::map<std::string, RunProps, std::less<>> run_cache_;
};

}  // namespace banshi::docx
