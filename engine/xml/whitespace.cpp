#include "xml/whitespace.h"

#include <algorithm>
#include <vector>

#include "util/utf8.h"

namespace banshi::xml {

namespace {

// The flattened text of a block: its text nodes in reading order, and the
// line breaks between them. Citations and footnote markers are not in it.
struct Piece {
  model::Inline* text = nullptr;  // null: a <br/>
};

void flatten(model::Inlines& in, std::vector<Piece>& out) {
  for (auto& node : in) {
    switch (node.kind) {
      case model::InlineKind::Text: out.push_back({&node}); break;
      case model::InlineKind::LineBreak: out.push_back({}); break;
      case model::InlineKind::Footnote: normalize_block(node.children); break;
      case model::InlineKind::Cite: break;
      default: flatten(node.children, out);
    }
  }
}

void remove_empty_text(model::Inlines& in) {
  std::erase_if(in, [](const model::Inline& i) { return i.kind == model::InlineKind::Text && i.text.empty(); });
  for (auto& node : in) remove_empty_text(node.children);
}

}  // namespace

std::string_view trim_ascii_space(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_cjk(char32_t c) {
  struct Range {
    char32_t first, last;
  };
  static constexpr Range kRanges[] = {
      {0x2E80, 0x2FFF},    // radicals, ideographic description
      {0x3000, 0x303F},    // CJK symbols and punctuation
      {0x3040, 0x31FF},    // kana, bopomofo, strokes
      {0x3200, 0x4DBF},    // enclosed CJK, compatibility, extension A
      {0x4E00, 0x9FFF},    // unified ideographs
      {0xF900, 0xFAFF},    // compatibility ideographs
      {0xFE10, 0xFE1F},    // vertical forms
      {0xFE30, 0xFE4F},    // compatibility forms
      {0xFF00, 0xFFEF},    // halfwidth and fullwidth forms
      {0x20000, 0x3FFFF},  // extensions B and later
      {0x2014, 0x2015},    // — ―
      {0x2018, 0x2019},    // ‘ ’
      {0x201C, 0x201D},    // “ ”
      {0x2025, 0x2027},    // ‥ … ‧
      {0x00B7, 0x00B7},    // ·
  };
  return std::any_of(std::begin(kRanges), std::end(kRanges),
                     [c](const Range& r) { return c >= r.first && c <= r.last; });
}

bool is_fullwidth_punct(char32_t c) {
  return (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301F) ||
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF3D) || c == 0xFF3F ||
         (c >= 0xFF5B && c <= 0xFF65);
}

namespace {

// “ ” ‘ ’ — … · serve Latin text too: they count as full-width marks only
// beside a CJK character.
bool is_shared_punct(char32_t c) {
  return c == 0x2014 || c == 0x2015 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2026 ||
         c == 0x00B7;
}

// A space typed beside full-width punctuation (人才 “双向流失” 困境) would
// print on top of the blank the mark already has: it goes, as in Word's
// Chinese typography. `said “yes” then` keeps its spaces.
bool space_beside_punct(char32_t before, char32_t after) {
  if (is_fullwidth_punct(before) || is_fullwidth_punct(after)) return true;
  return (is_shared_punct(before) && is_cjk(after)) || (is_cjk(before) && is_shared_punct(after));
}

}  // namespace

void normalize_block(model::Inlines& content) {
  std::vector<Piece> pieces;
  flatten(content, pieces);

  // A pending run of white space is decided when the next character comes:
  // its space goes to the end of the text node where the run began, so
  // `<b>x </b> y` keeps one space, inside the <b>.
  std::vector<std::string> out(pieces.size());
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t pending = kNone;      // piece holding the start of the run
  bool pending_break = false;  // the run contains a line break
  char32_t last = 0;           // last character kept; 0 at the block start and after <br/>
  for (size_t k = 0; k < pieces.size(); ++k) {
    if (!pieces[k].text) {
      pending = kNone;
      last = 0;
      continue;
    }
    const std::string& s = pieces[k].text->text;
    for (size_t i = 0; i < s.size();) {
      if (is_ascii_space(s[i])) {
        if (pending == kNone) {
          pending = k;
          pending_break = false;
        }
        pending_break = pending_break || s[i] == '\n' || s[i] == '\r';
        ++i;
        continue;
      }
      const size_t start = i;
      const char32_t c = utf8_next(s, i);
      if (pending != kNone) {
        const bool wrapped_cjk = pending_break && is_cjk(last) && is_cjk(c);
        if (last != 0 && !wrapped_cjk && !space_beside_punct(last, c)) out[pending] += ' ';
        pending = kNone;
      }
      out[k].append(s, start, i - start);
      last = c;
    }
  }
  // A run still pending here is trailing white space: dropped.
  for (size_t k = 0; k < pieces.size(); ++k)
    if (pieces[k].text) pieces[k].text->text = std::move(out[k]);
  remove_empty_text(content);
}

std::string normalize_text(std::string_view raw) {
  model::Inlines in(1);
  in[0].text = std::string(raw);
  normalize_block(in);
  return in.empty() ? std::string() : std::move(in[0].text);
}

}  // namespace banshi::xml
