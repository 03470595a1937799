// Step 2 of paragraph layout — prepare: split the collected text into items
// (one font, size and style each; per-character font fallback happens
// here), shape every item once with HarfBuzz, and describe each cluster for
// line breaking: its width, its composition class, how much blank it may
// lose, and whether a line may end after it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "para/char_class.h"
#include "para/collect.h"
#include "para/punct_blanks.h"
#include "text/shaper.h"

namespace banshi {

struct Item {
  size_t begin = 0, end = 0;  // bytes
  const Font* font = nullptr;
  size_t style = 0;  // index into CollectedText::styles
  double size = 16;
  ScriptClass script = ScriptClass::Han;
  bool embolden = false;  // the font map draws this font bold (a system font lighter than its face)
  // ☐ ☑ ☒ alone: drawn as a box in the face's own weight (finalize), over a
  // blank glyph of the face that carries the character for copying.
  bool check_box = false;
};

struct Cluster {
  uint32_t begin = 0, end = 0;              // bytes of the paragraph text
  uint32_t glyph_begin = 0, glyph_end = 0;  // into Prepared::glyphs
  uint32_t item = 0;
  char32_t first = 0, last = 0;  // first and last code point
  CharClass cls = CharClass::Other;
  bool wide = false;  // takes a grid cell
  double width = 0;   // natural width in pt, grid tracking included
  double em = 16;     // the cluster's font size
  // Blank the glyph has on either side that composition may still remove
  // (pt): half an em on the open side of GB-style punctuation.
  double blank_left = 0, blank_right = 0;
  // Blank already removed because a neighbouring mark was adjacent (。” →
  // 1.5 em): `width` is net of it and the glyph is drawn `trim_left` to the
  // left of the cluster's start.
  double trim_left = 0, trim_right = 0;
  // Where the glyphs start relative to the cluster's left edge (pt): centres
  // a full-width glyph in its grid cell and undoes a trimmed left blank.
  double pen_offset = 0;
  // Space after this cluster that is not in the text: the quarter em
  // between Han and Latin letters or digits. Dropped at a line end.
  double gap_after = 0;
  bool break_after = false;  // a line may end after this cluster
  // Extra demerits for ending a line here (a break inside a URL is allowed
  // but used only when the line needs it).
  float break_penalty = 0;
  bool forced_break = false;  // <br/> after this cluster
  bool attached = false;      // a marker glued to the cluster before
  bool space = false;         // ASCII space: dropped at line ends
  bool box_end = false;       // last cluster of a fixed-width label: no gap opens after it
};

struct Prepared {
  const CollectedText* source = nullptr;
  std::vector<Item> items;
  std::vector<ShapedGlyph> glyphs;
  std::vector<Cluster> clusters;
};

// How the paragraph is set.
struct ParagraphSpec {
  double measure = 442.2;   // line length (pt)
  double first_indent = 0;  // first line, from the left edge
  double indent = 0;        // every line, from the left edge
  double hanging = 0;       // lines after the first, added to indent
  // Distribute: every line, the last too, spread to the full measure (form
  // labels: 立 项 编 号 over five characters' width).
  enum class AlignMode { Left, Center, Right, Justify, Distribute } align = AlignMode::Justify;
  // Grid cell for full-width characters of `grid_size` (0 = natural
  // widths): 156 mm / 28 = 15.79 pt for 16 pt type.
  double cell = 0;
  double grid_size = 16;
  // Extra space between characters (em), e.g. letter-spaced titles.
  double letter_spacing = 0;
  // Make the lines of a multi-line paragraph about equally long (titles:
  // 梯形 or 菱形, never one character alone on the last line).
  bool balance = false;
  // Break inside a word only when nothing else fits, and prefer a break
  // after punctuation to one between words (titles: a reader takes a title
  // in phrases, so 避头尾 is not torn in two). Words are ICU's dictionary
  // segmentation of Chinese.
  bool break_in_phrases = false;
};

// Makes ICU load what its Chinese word breaker needs (its dictionary
// engine, about 8 M instructions, built once per process and shared by
// every breaker made after), so a render's first title need not: called
// on a pool thread at the start of a render whose template breaks titles
// in phrases.
void load_word_breaker();

// Per-job paragraph preparation: owns a shaper and an ICU line breaker,
// reads the shared FontSet, and remembers characters that needed fallback.
class Preparer {
 public:
  explicit Preparer(const FontSet& fonts);
  ~Preparer();
  Preparer(const Preparer&) = delete;
  Preparer& operator=(const Preparer&) = delete;

  Prepared prepare(const CollectedText& text, const ParagraphSpec& spec);

  // Warnings for characters drawn from fallback fonts (one per face,
  // listing them, at the first) or missing entirely (one per character, at
  // the text where it is first written), then forgets them.
  void report(Diagnostics& diags, const std::string& file);
  // Takes over what `other` has noted for report() (a job's second
  // preparer, which laid out part of the same document).
  void absorb(Preparer& other);

  Shaper& shaper() { return shaper_; }

 private:
  void itemize(const CollectedText& text, Prepared& out);
  void mark_breaks(const CollectedText& text, Prepared& out);
  void discourage_breaks_in_words(const CollectedText& text, Prepared& out);

  const FontSet& fonts_;
  Shaper shaper_;
  struct Icu;
  std::unique_ptr<Icu> icu_;
  PunctBlanks blanks_;
  // face id → characters drawn by a fallback font (and which font), or by
  // none, and where each is first written.
  struct FallbackUse {
    const Font* font = nullptr;
    SourcePos at;
  };
  std::map<std::string, std::map<char32_t, FallbackUse>> fallback_used_;
  // Characters no font has that get a warning each; the rest get one.
  static constexpr size_t kMaxMissingReported = 20;
};

}  // namespace banshi
