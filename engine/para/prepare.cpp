#include "para/prepare.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdio>

#include "para/phrase_breaks.h"
#include "para/spacing.h"
#include "util/echo.h"
#include "util/utf8.h"

namespace banshi {

// ICU's line breaker, created once per job and reused for every paragraph.
struct Preparer::Icu {
  std::unique_ptr<icu::BreakIterator> lines;
  // Made on first use: only titles ask for words, and the Chinese
  // dictionary behind it is not free to load.
  std::unique_ptr<icu::BreakIterator> words;
};

Preparer::Preparer(const FontSet& fonts) : fonts_(fonts), icu_(std::make_unique<Icu>()), blanks_(shaper_) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->lines.reset(icu::BreakIterator::createLineInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status) || !icu_->lines) throw EngineError("icu.line-breaker");
}

Preparer::~Preparer() = default;

void load_word_breaker() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status) || !words) return;  // the first title then says why
  // The engine is made when the breaker first meets Han text.
  const icu::UnicodeString han(u"\u4E2D\u6587\u6807\u9898");  // 中文标题
  words->setText(han);
  while (words->next() != icu::BreakIterator::DONE) {
  }
}

namespace {

// Characters that CJK fonts draw proportionally or narrow unless asked for
// their full-width forms (Noto's — is 0.89 em without fwid).
bool wants_fwid(char32_t cp) {
  return cp == 0x2014 || cp == 0x2015 || cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D || cp == 0x2026 ||
         cp == 0x00B7 || cp == 0x2027;
}

bool url_char(char32_t c) {
  return c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`' && c != '{' &&
         c != '|' && c != '}';
}

// URLs (http://…, https://…, www.…) break after their host: at
// / . - ? & = _ # ~ in the path (where the next character is not one of
// them); never inside the scheme nor right after it, so "https://" is never
// left dangling at a line end; inside the host only when the host is longer
// than a line. Such breaks carry a penalty so they are used only when a
// line needs them.
constexpr float kUrlBreakPenalty = 50;
// A break inside the host costs more than a line left short by the whole
// address before it ((1 + 100 + 5000 + 3000 × 28)² ≈ 7.9e9, the breaker's
// price for an empty 28-em line), and less than a forbidden break (1e10):
// the address moves down whole, and its host is broken only when it is
// longer than a line.
constexpr float kUrlHostBreakPenalty = 9e9f;

void mark_url_breaks(const std::string& s, std::vector<Cluster>& cs) {
  size_t k = 0;
  while (k < cs.size()) {
    const std::string_view rest(s.data() + cs[k].begin, s.size() - cs[k].begin);
    const bool starts = rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.");
    // An address starts after anything but a letter, digit or / (a
    // reference's "[2025-07-14].https://…" has one right after its full stop).
    const auto word_char = [](char32_t c) {
      return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '/';
    };
    if (!starts || (k > 0 && word_char(cs[k - 1].last))) {
      ++k;
      continue;
    }
    size_t end = k;
    while (end < cs.size() && url_char(cs[end].first) && !cs[end].attached) ++end;
    // Trailing sentence punctuation is not part of the address.
    while (end > k && std::string_view(".,;:!?)").find(static_cast<char>(cs[end - 1].first)) != std::string_view::npos)
      --end;
    const size_t scheme = rest.find("://");
    const size_t scheme_end = scheme == std::string_view::npos ? 0 : scheme + 3;
    // The host ends at the first / after the scheme; a line may end after
    // that slash at the earliest.
    size_t host_end = end;
    for (size_t i = k; i < end; ++i)
      if (cs[i].begin - cs[k].begin >= scheme_end && cs[i].first == '/') {
        host_end = i;
        break;
      }
    for (size_t i = k; i < host_end && i + 1 < end; ++i) cs[i].break_after = false;
    // The address may start a line (after "[2025-07-14]." UAX #14 keeps it
    // to the full stop).
    if (k > 0 && !cs[k - 1].break_after && !no_line_end(cs[k - 1].last) && !cs[k].attached) {
      cs[k - 1].break_after = true;
      cs[k - 1].break_penalty = kUrlBreakPenalty;
    }
    for (size_t i = k; i + 1 < end; ++i) {
      const char32_t c = cs[i].first, next = cs[i + 1].first;
      if (cs[i].end - cs[k].begin <= scheme_end) continue;  // never inside or right after http://
      if (std::u32string_view(U"/.-?&=_#~").find(c) == std::u32string_view::npos) continue;
      if (std::u32string_view(U"/.-?&=_#~").find(next) != std::u32string_view::npos) continue;
      // Inside the host only when a host is longer than the line itself.
      cs[i].break_after = true;
      cs[i].break_penalty = i < host_end ? kUrlHostBreakPenalty : kUrlBreakPenalty;
    }
    k = std::max(end, k + 1);
  }
}

// Latin punctuation inside Chinese text — a reference's ",2023(10):1-13."
// — lets a line end after it, as the full-width marks do: UAX #14 keeps
// ",2023" together (a number's separator), which left such runs
// unbreakable and the line before them stretched. A run of Latin text
// between spaces counts as Chinese context when it touches a Han character.
constexpr float kLatinPunctBreakPenalty = 20;

void mark_latin_punct_breaks(std::vector<Cluster>& cs) {
  size_t run = 0;
  while (run < cs.size()) {
    size_t end = run;
    bool han = false;
    for (; end < cs.size() && !cs[end].space; ++end) han = han || cs[end].wide;
    if (han) {
      for (size_t i = run; i + 1 < end; ++i) {
        const Cluster& c = cs[i];
        const Cluster& next = cs[i + 1];
        if (c.wide || c.attached || std::u32string_view(U",;:").find(c.last) == std::u32string_view::npos) continue;
        // Not inside a number (1,000 or 10:30) and never before a mark that
        // may not start a line.
        const bool digits = i > run && cs[i - 1].last >= '0' && cs[i - 1].last <= '9' && next.first >= '0' &&
                            next.first <= '9' && c.last != ';';
        const bool thousands = digits && c.last == ',' && i + 3 < end && cs[i + 3].first >= '0' &&
                               cs[i + 3].first <= '9' &&
                               (i + 4 >= end || cs[i + 4].first < '0' || cs[i + 4].first > '9');
        if (thousands || (digits && c.last == ':') || next.attached || no_line_start(next.first)) continue;
        if (!c.break_after) {
          cs[i].break_after = true;
          cs[i].break_penalty = kLatinPunctBreakPenalty;
        }
      }
    }
    run = end + 1;
  }
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

// The byte offsets of `s` where `it` (ICU's line or word breaker) finds a
// boundary, as a bitmap over s.size() + 1 positions.
std::vector<bool> boundaries(icu::BreakIterator& it, const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status));
  if (U_FAILURE(status)) throw EngineError("icu.text");
  it.setText(ut.get(), status);
  if (U_FAILURE(status)) throw EngineError("icu.break-iterator");
  std::vector<bool> at(s.size() + 1, false);
  for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next()) at[static_cast<size_t>(b)] = true;
  return at;
}

// Combining marks shaped with the letter they sit on; UAX #15 (stream-safe
// text) finds no real text with more than 30 in a row.
constexpr int kMaxMarksInRow = 30;

// Whether a cluster that takes no width may join the one before it: same
// item (one font and size for all its glyphs), adjacent glyphs and bytes,
// and no <br/> between them.
bool joins_previous(const std::vector<Cluster>& done, const Cluster& c, const std::vector<size_t>& forced_breaks) {
  if (done.empty()) return false;
  const Cluster& prev = done.back();
  return prev.item == c.item && prev.glyph_end == c.glyph_begin && prev.end == c.begin &&
         !std::binary_search(forced_breaks.begin(), forced_breaks.end(), static_cast<size_t>(c.begin));
}

}  // namespace

void Preparer::itemize(const CollectedText& text, Prepared& out) {
  const std::string& s = text.text;
  int marks_in_row = 0;
  for (size_t si = 0; si < text.spans.size(); ++si) {
    const Span& span = text.spans[si];
    const SpanStyle& style = text.styles[span.style];
    const ResolvedFace& face = *style.face;
    size_t i = span.begin;
    while (i < span.end) {
      const size_t at = i;
      const char32_t cp = utf8_next(s, i);
      // HarfBuzz looks back over a letter's every mark for each mark it
      // places, so 100,000 marks on one letter took a minute. Past the
      // 30 in a row that any real text needs (UAX #15's stream-safe
      // format), marks go to a new item, shaped on their own.
      marks_in_row = (U_GET_GC_MASK(cp) & U_GC_M_MASK) ? marks_in_row + 1 : 0;
      const bool too_many_marks = marks_in_row > kMaxMarksInRow && marks_in_row % kMaxMarksInRow == 1;
      // A check box is drawn, not taken from a symbol font whose weight and
      // baseline are not the text's: the face itself holds its place.
      const bool box = is_check_box(cp);
      const Font* font = box ? face.primary.get() : fonts_.font_for(face, cp);
      // Worth telling the applicant: a Han character (a rare name) drawn
      // from another font, or any character no font has. Symbols the font
      // map routes to a symbol font on purpose (√) are not news.
      if (font != face.primary.get() && cp > 0x20 && !(cp >= 0x200B && cp <= 0x200F) &&
          (!font || char_class(cp) == CharClass::Ideographic)) {
        fallback_used_[face.id].emplace(cp, FallbackUse{font, text.source_at(at)});
      }
      if (!font) font = face.primary.get();
      ScriptClass script = script_class(cp);
      // Spaces and symbols follow the script around them, so "A B" stays one item.
      if (script == ScriptClass::Other && !out.items.empty() && out.items.back().end == at)
        script = out.items.back().script;
      Item* last = out.items.empty() ? nullptr : &out.items.back();
      if (last && last->end == at && last->font == font && last->style == span.style && !too_many_marks && !box &&
          !last->check_box && (last->script == script || script == ScriptClass::Other)) {
        last->end = i;
      } else {
        out.items.push_back({at, i, font, span.style, style.size, script, face.emboldens(font), box});
      }
    }
  }
}

Prepared Preparer::prepare(const CollectedText& text, const ParagraphSpec& spec) {
  Prepared out;
  out.source = &text;
  if (text.text.empty()) return out;
  itemize(text, out);

  // Shape each item; ask for full-width dashes, quotes and ellipses in Han items.
  std::vector<hb_feature_t> features;
  const std::string& s = text.text;
  for (size_t ii = 0; ii < out.items.size(); ++ii) {
    const Item& item = out.items[ii];
    features.clear();
    if (item.script == ScriptClass::Han) {
      for (size_t i = item.begin; i < item.end;) {
        const size_t at = i;
        if (wants_fwid(utf8_next(s, i)))
          features.push_back({HB_TAG('f', 'w', 'i', 'd'), 1, static_cast<unsigned>(at), static_cast<unsigned>(i)});
      }
    }
    const size_t first_glyph = out.glyphs.size();
    shaper_.shape_into(out.glyphs, *item.font, s, item.begin, item.end, item.script, features);
    if (item.check_box) {
      // A glyph of the face itself, not painted (finalize draws the box):
      // □ for ☐ and ■ for a ticked box, whose ToUnicode then says ☐ or ☒
      // (MuPDF reads no /ActualText, so each needs a glyph of its own).
      // One em wide, the cell of a Han character.
      size_t at = item.begin;
      const char32_t cp = utf8_next(s, at);
      uint32_t blank = item.font->glyph_for(cp == 0x2610 ? 0x25A1 : 0x25A0);
      if (blank == 0) blank = item.font->glyph_for(0x3000);
      for (size_t j = first_glyph; j < out.glyphs.size(); ++j) {
        out.glyphs[j].gid = blank;
        out.glyphs[j].advance = static_cast<int32_t>(item.font->upem());
        out.glyphs[j].x_offset = out.glyphs[j].y_offset = 0;
      }
    }
    const double scale = item.size / item.font->upem();
    const SpanStyle& style = text.styles[item.style];

    // Group glyphs into clusters; with monotone clusters a cluster's bytes
    // run from its value to the next cluster's value (or the item's end).
    size_t g = first_glyph;
    while (g < out.glyphs.size()) {
      size_t h = g + 1;
      while (h < out.glyphs.size() && out.glyphs[h].cluster == out.glyphs[g].cluster) ++h;
      Cluster c;
      c.begin = out.glyphs[g].cluster;
      c.end = h < out.glyphs.size() ? out.glyphs[h].cluster : static_cast<uint32_t>(item.end);
      c.glyph_begin = static_cast<uint32_t>(g);
      c.glyph_end = static_cast<uint32_t>(h);
      c.item = static_cast<uint32_t>(ii);
      size_t k = c.begin;
      c.first = utf8_next(s, k);
      c.last = c.first;
      for (; k < c.end;) c.last = utf8_next(s, k);
      c.cls = char_class(c.first);
      c.wide = is_wide(c.first);
      c.em = item.size;
      c.space = c.first == ' ' && c.end - c.begin == 1;
      c.attached = style.attached;
      int32_t adv = 0;
      for (size_t j = g; j < h; ++j) adv += out.glyphs[j].advance;
      if (adv == 0 && joins_previous(out.clusters, c, text.forced_breaks)) {
        // A combining mark, ZWJ or ZWSP takes no room of its own: it goes
        // with the cluster before it, so a letter carrying 100,000 marks is
        // one cluster, not 100,000 places the line breaker must try.
        Cluster& prev = out.clusters.back();
        prev.end = c.end;
        prev.glyph_end = c.glyph_end;
        prev.last = c.last;
        g = h;
        continue;
      }
      c.width = adv * scale;
      // On the grid every full-width character of the grid's size takes one
      // cell: 16 pt type in a 15.79 pt cell is Word's 文档网格 tracking.
      if (spec.cell > 0 && c.wide && item.size == spec.grid_size && !style.attached) {
        const double tracking = (spec.cell - spec.grid_size) * (c.width / item.size);
        c.width += tracking;
        c.pen_offset = tracking / 2;
      }
      if (spec.letter_spacing != 0 && !c.space) {
        c.width += spec.letter_spacing * item.size;
        c.pen_offset += spec.letter_spacing * item.size / 2;
      }
      // Full-width punctuation: the blank on its open side may be
      // compressed (the font's halt metrics, else its ink bounds).
      if (c.wide && is_cjk_punct(c.cls) && h == g + 1 && out.glyphs[g].advance >= 0.9 * item.font->upem()) {
        const Blanks b = blanks_.get(*item.font, c.first, out.glyphs[g].gid, out.glyphs[g].advance);
        c.blank_left = b.left * c.width;
        c.blank_right = b.right * c.width;
      }
      out.clusters.push_back(c);
      g = h;
    }
  }
  std::sort(out.clusters.begin(), out.clusters.end(),
            [](const Cluster& a, const Cluster& b) { return a.begin < b.begin; });
  widen_boxes(text, out.clusters);
  compress_adjacent(out.clusters);
  space_han_and_latin(out.clusters);
  mark_breaks(text, out);
  if (spec.break_in_phrases) discourage_breaks_in_words(text, out);
  return out;
}

void Preparer::mark_breaks(const CollectedText& text, Prepared& out) {
  const std::string& s = text.text;
  const std::vector<bool> icu_break = boundaries(*icu_->lines, s);

  auto& cs = out.clusters;
  for (size_t i = 0; i + 1 < cs.size(); ++i) {
    const Cluster& a = cs[i];
    const Cluster& b = cs[i + 1];
    bool ok;
    if (a.wide || b.wide) {
      // Around Chinese text the clreq rules decide (ICU 72 still forbids
      // breaks on both sides of every quotation mark, UAX #14 LB19).
      ok = true;
    } else {
      ok = icu_break[b.begin];
    }
    if (no_line_end(a.last) || no_line_start(b.first)) ok = false;
    // —— and …… are one unit.
    if (a.cls == CharClass::Long && b.cls == CharClass::Long && a.last == b.first) ok = false;
    if (b.attached) ok = false;
    // A space before a mark that may not start a line is no break either.
    if (b.space && i + 2 < cs.size() && no_line_start(cs[i + 2].first)) ok = false;
    cs[i].break_after = ok;
  }
  if (!cs.empty()) cs.back().break_after = true;
  mark_latin_punct_breaks(cs);
  mark_url_breaks(s, cs);
  for (size_t fb : text.forced_breaks) {
    // The cluster ending at the forced break (a <br/> at the start of the
    // paragraph has nothing before it and is ignored).
    auto it = std::lower_bound(cs.begin(), cs.end(), fb, [](const Cluster& c, size_t off) { return c.end < off; });
    if (it != cs.end() && it->end == fb) {
      it->forced_break = true;
      it->break_after = true;
    }
  }
}

// Penalties (the breaker's demerits) for a title's, heading's or caption's
// breaks: nothing after punctuation, a little at a space, and elsewhere what
// the phrase lexicon says — little after a phrase's end (的 之 与 …), much
// inside a run of nouns, most inside a word. A line a character or two
// shorter costs less than a break inside a phrase, so a title moves its
// break to the nearest phrase end.
constexpr float kAtSpacePenalty = 100;

void Preparer::discourage_breaks_in_words(const CollectedText& text, Prepared& out) {
  if (!icu_->words) {
    UErrorCode status = U_ZERO_ERROR;
    icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status) || !icu_->words) throw EngineError("icu.word-breaker");
  }
  const std::vector<float> cost = PhraseBreaks::builtin().costs(text.text, boundaries(*icu_->words, text.text));
  auto& cs = out.clusters;
  for (size_t i = 0; i + 1 < cs.size(); ++i) {
    Cluster& c = cs[i];
    if (!c.break_after || c.forced_break) continue;
    const bool after_punct = is_cjk_punct(c.cls) || (c.space && i > 0 && is_cjk_punct(cs[i - 1].cls));
    if (after_punct) continue;
    c.break_penalty += c.space ? kAtSpacePenalty : cost[c.end];
  }
}

namespace {

// Whether `a` was written before `b` (an unknown place after every known one).
bool earlier(SourcePos a, SourcePos b) {
  if ((a.line == 0) != (b.line == 0)) return b.line == 0;
  return a.line != b.line ? a.line < b.line : a.column < b.column;
}

}  // namespace

void Preparer::absorb(Preparer& other) {
  for (auto& [face_id, chars] : other.fallback_used_) {
    auto& mine = fallback_used_[face_id];
    for (const auto& [cp, use] : chars) {
      auto [it, added] = mine.emplace(cp, use);
      if (!added && earlier(use.at, it->second.at)) it->second = use;
    }
  }
  other.fallback_used_.clear();
}

void Preparer::report(Diagnostics& diags, const std::string& file) {
  // A character no font has: one warning each, where it is first written,
  // in the order of the text; past kMaxMissingReported, one for the rest.
  std::map<char32_t, SourcePos> missing;
  for (const auto& [face_id, chars] : fallback_used_) {
    const ResolvedFace* face = fonts_.face(face_id);
    std::vector<std::string> drawn;
    SourcePos first;
    for (const auto& [cp, use] : chars) {
      if (use.font) {
        drawn.push_back(invisible(cp) ? code_point(cp) : utf8_encode(cp) + " (" + use.font->family() + ")");
        if (drawn.size() == 1 || earlier(use.at, first)) first = use.at;
      } else if (auto [it, added] = missing.emplace(cp, use.at); !added && earlier(use.at, it->second)) {
        it->second = use.at;
      }
    }
    const std::string name = face ? face->primary->family() : face_id;
    if (!drawn.empty())
      diags.warn({file, first.line, first.column}, "font.fallback-chars",
                 {{"font", name}, {"chars", std::move(drawn)}});
  }
  std::vector<std::pair<SourcePos, char32_t>> in_order;
  for (const auto& [cp, at] : missing) in_order.emplace_back(at, cp);
  std::stable_sort(in_order.begin(), in_order.end(),
                   [](const auto& a, const auto& b) { return earlier(a.first, b.first); });
  for (size_t k = 0; k < in_order.size(); ++k) {
    const auto& [at, cp] = in_order[k];
    if (k == kMaxMissingReported) {
      diags.warn({file, at.line, at.column}, "font.missing-more", {{"count", in_order.size() - k}});
      break;
    }
    diags.warn({file, at.line, at.column}, "font.missing-char", {{"char", shown_char(cp)}});
  }
  fallback_used_.clear();
}

}  // namespace banshi
