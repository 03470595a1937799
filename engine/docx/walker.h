// The walker behind read_body (body.h), private to the room: one object per
// XML part walked (the main document, footnotes, endnotes), sharing the
// paragraph counter of the document.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "docx/body.h"
#include "docx/inline_builder.h"
#include "docx/xml_part.h"

namespace banshi::docx {

// A notes part (footnotes.xml, endnotes.xml): its notes are walked when the
// text refers to them, so their messages point at that paragraph.
struct NotesPart {
  std::string part;
  Namespaces ns;
  std::unique_ptr<tinyxml2::XMLDocument> doc;
  std::map<std::string, const El*, std::less<>> notes;  // w:id → w:footnote
};

// What all walkers of one document share.
struct WalkContext {
  WalkContext(const Package& p, const StyleSheet& s, Numbering& n, ImportLog& l)
      : package(p), styles(s), numbering(n), log(l) {}
  const Package& package;
  const StyleSheet& styles;
  Numbering& numbering;
  ImportLog& log;
  std::vector<std::string> openings{""};  // by paragraph number
  int paragraphs = 0;                     // numbered so far
  NotesPart footnotes, endnotes;
};

class Walker {
 public:
  // `numbered`: paragraphs get numbers ¶N (the main document); notes'
  // paragraphs do not and report at `at` instead.
  Walker(WalkContext& ctx, std::string part, const Namespaces& ns, bool numbered);

  // The block content of a container (w:body, w:tc, w:txbxContent, a note).
  void blocks(const El* container, std::vector<Block>& out);
  // The paragraphs of a container, tables flattened into their cells'
  // paragraphs (a text box, a note, a table inside a cell).
  std::vector<Para> paragraphs(const El* container);
  // The paragraph messages are reported at while walking notes.
  void report_at(int paragraph) { at_ = paragraph; }

 private:
  // The paragraph under construction.
  struct ParaState {
    Para para;
    InlineBuilder out;
    std::vector<Para> boxes;  // text-box paragraphs found in it
    int chars = 0, bold_chars = 0;
    bool bold_prefix_open = true;
    std::map<std::string, int> font_chars;
    std::map<int, int> size_chars;     // half points → characters
    std::map<int, int> spacing_chars;  // character spacing (twips) → characters
    explicit ParaState(model::Pos pos) : out(pos) {}
  };
  // A complex field (w:fldChar begin … separate … end) may span runs and
  // paragraphs.
  struct Field {
    std::string instr;
    bool result = false;  // past w:fldChar separate
    enum class Kind { Other, Hyperlink, Toc, Hidden } kind = Kind::Other;
    std::string href;
  };

  // ------------------------------------------------ walker_blocks.cpp
  void block(const El* e, std::vector<Block>& out);
  void paragraph(const El* p, std::vector<Block>& out);
  Table table(const El* tbl);
  // Calls f(child) for the children of `e`, looking through the wrappers
  // that carry no meaning of their own for the reader (content controls,
  // custom XML, tracked insertions) and leaving out tracked deletions.
  template <class F>
  void each(const El* e, F&& f) const;
  int here() const { return at_; }

  // ------------------------------------------------ walker_runs.cpp
  void inlines(const El* parent, ParaState& st, const Format& f);
  void run(const El* r, ParaState& st, Format f);
  void run_text(std::string_view text, const RunProps& rp, ParaState& st, const Format& f);
  void drawing(const El* d, ParaState& st);
  void field_char(const El* fc, ParaState& st);
  void begin_field_result(Field& f);
  bool suppressed() const;  // inside a field's instructions or a TOC
  int current_link(ParaState& st) const;
  void footnote(const El* ref, ParaState& st, bool endnote);
  void symbol(const El* sym, const RunProps& rp, ParaState& st, const Format& f);

  WalkContext& ctx_;
  std::string part_;
  Namespaces ns_;
  bool numbered_;
  int at_ = 0;
  std::vector<Field> fields_;
  std::string para_style_;  // of the paragraph being walked
  int box_depth_ = 0;       // text boxes inside text boxes
};

// Sets the position of every node of `in` (a note's text moves to the
// paragraph that refers to it).
void set_pos(model::Inlines& in, model::Pos pos);

}  // namespace banshi::docx
