// Diagnostics: every message the engine gives about its input.
//
// HOW TO ADD A MESSAGE
//   1. Choose a stable code, "area.what-is-wrong" in lowercase English:
//      "figure.too-large". Scripts read it from --json; never reuse or
//      rename one.
//   2. Add the line `figure.too-large = is {width} × {height} pixels; …`
//      to i18n/messages/en.txt and the same code in natural Chinese to
//      i18n/messages/zh.txt (`figure.too-large = 有 {width} × {height} 像素，…`).
//      {name} is an argument; {name|or} joins a list "a, b or c" / "a、b 或 c".
//      The message follows the subject (the XML path and form label), so
//      write it as a predicate: "is missing" / "未填写".
//   3. Report it, with the arguments by name:
//        diags.error(loc, "figure.too-large", {{"width", w}, {"height", h}}, path, label);
//        diags.warn(...); diags.note(...);            // an importer's guesses are notes
//        throw InputError(Diagnostic(Severity::Error, "figure.too-large", {...}).at(loc));
//   A name or value taken from the input goes in as echoed(value)
//   (util/echo.h): cut to about 80 characters, invisible characters named.
//   A code is a string literal, checked for its shape when compiled; to
//   choose between two, write cond ? MessageCode("a.b") : MessageCode("a.c").
//   Write the code as a literal there: i18n_catalogue_test finds every code
//   in engine/ and fails for one a catalogue lacks, for a catalogue entry no
//   code uses, and for a translation using an {argument} the English lacks.
//   A text data gives in both languages is an argument too:
//   {"format", Localized{english, chinese}}.
//
// A diagnostic says where (file:line:column, a .docx paragraph with its
// opening words, or a PDF page), what (the XML path such as <project>/<id>)
// and — for the applicant, who knows the paper form and not the XML — the
// form's own Chinese label (立项编号). It is put in words only when shown,
// in the language of that call: format(Lang::Zh) for a Chinese terminal or
// web page, whatever the process's locale.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/lang.h"
#include "i18n/message.h"

namespace banshi {

enum class Severity { Note, Warning, Error };

// "note", "warning", "error": stable, for JSON.
const char* severity_name(Severity s);

// Where a diagnostic points. Exactly one kind is filled in beyond `file`:
// a line (and column) of a text file, a paragraph of a .docx, or a page of
// a PDF; with none, the message is about the file as a whole.
struct SourceLoc {
  SourceLoc() = default;
  SourceLoc(std::string f, int l = 0, int c = 0)
      : file(std::move(f)), line(l), column(c) {}  // NOLINT: {file, line, column}

  std::string file;
  int line = 0;         // 1-based; 0 = unknown
  int column = 0;       // 1-based; 0 = unknown
  int paragraph = 0;    // .docx: 1-based paragraph number (¶37)
  std::string excerpt;  // .docx: the paragraph's opening words
  int page = 0;         // PDF: 1-based page number

  // report.docx:¶37 「二、巴中发展新质生产力…」: a Word user cannot count
  // paragraphs, so the opening words (`text` cut to about 22 columns, a
  // Chinese character counting two) say which one.
  static SourceLoc docx_paragraph(std::string file, int paragraph, std::string_view text);
  static SourceLoc pdf_page(std::string file, int page);

  bool empty() const { return file.empty() && line == 0 && paragraph == 0 && page == 0; }
  // "report.xml:12:5", "report.docx:¶37 「…」", "report.pdf, page 3" / "report.pdf 第 3 页".
  std::string format(Lang lang) const;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  std::string path;   // XML path, e.g. "<project>/<id>"; may be empty
  std::string label;  // form label, e.g. "立项编号"; may be empty
  std::optional<MessageCode> code;
  Args args;

  Diagnostic() = default;
  Diagnostic(Severity s, MessageCode c, Args a = {}) : severity(s), code(c), args(std::move(a)) {}
  Diagnostic& at(SourceLoc l) {
    loc = std::move(l);
    return *this;
  }
  // The XML path and the form's label of what the message is about.
  Diagnostic& about(std::string xml_path, std::string form_label = {}) {
    path = std::move(xml_path);
    label = std::move(form_label);
    return *this;
  }

  // The stable code ("field.missing"); empty only for a default-made one.
  std::string_view code_str() const { return code ? code->str() : std::string_view{}; }
  // What is wrong, in `lang`: "is missing" / "未填写".
  std::string message_text(Lang lang) const;
  // The whole line: "report.xml:12:5: error: <project>/<id> (立项编号) is missing",
  // "report.xml:12:5: 错误：立项编号（<project>/<id>）未填写".
  std::string format(Lang lang = Lang::En) const;
  // One JSON object (no trailing newline): file, line, column (paragraph,
  // excerpt, page when set), path, label, severity, code, message (in
  // `lang`) and args.
  std::string to_json(Lang lang = Lang::En) const;
};

class InputError;

// Collects the diagnostics of one run. Not thread-safe: each render job
// owns its own.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  // Each returns the added diagnostic, for .about(…) or more.
  Diagnostic& error(SourceLoc loc, MessageCode code, Args args = {}, std::string path = {}, std::string label = {});
  Diagnostic& warn(SourceLoc loc, MessageCode code, Args args = {}, std::string path = {}, std::string label = {});
  Diagnostic& note(SourceLoc loc, MessageCode code, Args args = {}, std::string path = {}, std::string label = {});

  const std::vector<Diagnostic>& items() const { return items_; }
  // Adds every error an InputError carries.
  void add(const InputError& e);
  // The findings sorted by position, for printing.
  std::vector<Diagnostic> sorted() const;
  bool has_errors() const;
  size_t count(Severity s) const;
  void append(const Diagnostics& other);
  // `other`'s items placed before item `at` (at most size()).
  void insert(size_t at, const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

// "4 errors, 1 warning" / "4 个错误，1 个警告"; "no problems" / "没有发现问题".
std::string count_summary(const Diagnostics& diags, Lang lang);

// Thrown for bad input: the CLI prints it and exits with status 2. It
// carries every independent error found before the stage gave up (all of
// a report's, sorted by position), at least one. what() is the English
// lines; diagnostics()[i].format(lang) in another language.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostic d);
  explicit InputError(std::vector<Diagnostic> errors);
  const Diagnostic& diagnostic() const { return diags_.front(); }
  const std::vector<Diagnostic>& diagnostics() const { return diags_; }

 private:
  std::vector<Diagnostic> diags_;
};

// Sorts by position (line, then column; findings about the whole file
// first), keeping the order of findings at the same place.
void sort_by_position(std::vector<Diagnostic>& diags);

// Thrown for installation problems that are not the applicant's fault (a
// font map or the field table that cannot be read, no font installed) and
// for failures of the libraries underneath: exit status 1. `where` is the
// data file's line when there is one. what() is the English text.
class EngineError : public std::runtime_error {
 public:
  EngineError(MessageCode code, Args args = {});
  EngineError(SourceLoc where, MessageCode code, Args args = {});
  explicit EngineError(Diagnostic d);
  const Diagnostic& diagnostic() const { return diag_; }
  // "fontmap.xml:12: <face> needs an id" in `lang`.
  std::string text(Lang lang) const;

 private:
  Diagnostic diag_;
};

}  // namespace banshi
