// What a PDF's pages hold, as MuPDF draws them: every glyph with its
// Unicode value, position, size, font and how it was painted; straight
// rules and other filled areas; images. Nothing here interprets the page —
// that is the classifier's job — so any PDF, from any program, reads into
// the same few structs. Coordinates are points, y downwards from the top
// of the page (MuPDF's device space, page rotation applied).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "audit/words.h"

namespace banshi::audit {

struct Rect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  bool empty() const { return x1 <= x0 && y1 <= y0; }
};

// A font as the PDF uses it.
struct FontInfo {
  std::string name;      // readable: subset tag dropped, GB18030 decoded
  std::string raw_name;  // as the PDF has it
  bool subset = false;   // the ABCDEF+ tag
  bool embedded = true;
  bool type3 = false;
  bool bold = false;          // the PDF says bold (its name, descriptor flags)
  bool program_bold = false;  // the embedded font program itself is bold (its style, OS/2 weight)
  bool fake_bold = false;     // a ",Bold" name the viewer must embolden
};

struct Glyph {
  char32_t cp = 0;      // 0xFFFD when the PDF says nothing of its Unicode value
  float x = 0, y = 0;   // origin: left end of the baseline
  float adv = 0;        // advance along the baseline
  float size = 0;       // em height
  uint16_t font = 0;    // index into RawDocument::fonts
  bool filled = false;  // painted by fill (text render modes 0, 2, 4, 6)
  bool stroked = false;
  float stroke = 0;        // stroke width, pt, when stroked
  bool upright = true;     // horizontal, not rotated, not vertical writing
  bool invisible = false;  // render mode 3 (the text layer of a scan)
  bool overprint = false;  // drawn again a hair to the side: a poor man's bold

  double right() const { return x + adv; }
};

// A straight rule: a stroked line or a thin filled rectangle.
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // centre line, x0 <= x1, y0 <= y1
  double thickness = 0;
  bool horizontal() const { return (y1 - y0) <= 0.5 && (x1 - x0) > 0.5; }
  bool vertical() const { return (x1 - x0) <= 0.5 && (y1 - y0) > 0.5; }
  double length() const { return (x1 - x0) + (y1 - y0); }
};

struct RawPage {
  int number = 0;  // 1-based, in the file
  double width = 0, height = 0;
  std::vector<Glyph> glyphs;
  std::vector<Rule> rules;
  std::vector<Rect> areas;   // filled shapes that are not rules (bars, dots, shading)
  std::vector<Rect> curves;  // stroked paths with curves or slants (drawings)
  std::vector<Rect> images;
};

struct RawDocument {
  std::vector<FontInfo> fonts;
  std::vector<RawPage> pages;
  std::string producer, creator;
  bool repaired = false;  // MuPDF had to rebuild the cross-reference table
};

// Why a file cannot be audited. The CLI exits 2 for all of them.
enum class Unreadable { Empty, NotPdf, Encrypted, Damaged, Broken, TooManyPages, TooLarge, Unopenable, Docx };

class UnreadableError : public std::runtime_error {
 public:
  UnreadableError(Unreadable kind, std::string detail)
      : std::runtime_error(detail), kind_(kind), detail_(std::move(detail)) {}
  // With the reader's own message (the Word reader's, from the catalogue).
  UnreadableError(Unreadable kind, std::string detail, Text why)
      : std::runtime_error(detail), kind_(kind), detail_(std::move(detail)), why_(std::move(why)) {}
  Unreadable kind() const { return kind_; }
  const std::string& detail() const { return detail_; }
  const std::optional<Text>& why() const { return why_; }

 private:
  Unreadable kind_;
  std::string detail_;
  std::optional<Text> why_;
};

struct ReadLimits {
  int max_pages = 2000;  // as for rendering (README)
};

// Reads a PDF's bytes. Throws UnreadableError for an empty file, a file
// that is not a PDF, one that needs a password, one MuPDF cannot read,
// and one it reads only in part (Broken: the cross-reference table had to
// be rebuilt and parts it points to are missing — a file cut short).
RawDocument read_pdf(std::string_view bytes, const ReadLimits& limits = {});

}  // namespace banshi::audit
