// Spacing between the clusters of a shaped paragraph (step 2 of paragraph
// layout, after shaping): boxes padded to their width, punctuation
// compressed where marks meet, a quarter em between Han and Latin.
#include "para/spacing.h"

#include <algorithm>
#include <cstdint>

namespace banshi {

namespace {

bool is_question_or_bang(char32_t cp) { return cp == 0xFF1F || cp == 0xFF01; }

// Sets a mark without the blank on one side (its ink stays where it was).
void trim_right(Cluster& c) {
  c.trim_right += c.blank_right;
  c.width -= c.blank_right;
  c.blank_right = 0;
}
void trim_left(Cluster& c) {
  c.trim_left += c.blank_left;
  c.width -= c.blank_left;
  c.pen_offset -= c.blank_left;
  c.blank_left = 0;
}

// Sets a mark in half its full width (less where its ink is wider), the
// ink centred, its blanks all used up.
void halve(Cluster& c) {
  const double full = c.width + c.trim_left + c.trim_right;
  const double ink = c.width - c.blank_left - c.blank_right;
  const double set = std::max(full / 2, ink);
  if (set >= c.width) return;
  const double left = (set - ink) / 2;
  c.pen_offset += left - c.blank_left;
  c.trim_left += c.blank_left - left;
  c.trim_right += c.blank_right - (set - ink - left);
  c.width = set;
  c.blank_left = c.blank_right = 0;
}

// U+3000 (a caption's 表1　…) is a full-width space, not a letter: no
// quarter em opens beside it.
bool is_han_letter(const Cluster& c) {
  return c.wide && c.cls == CharClass::Ideographic && !c.attached && c.first != 0x3000;
}

bool is_latin_letter(const Cluster& c) {
  if (c.wide || c.attached || c.space) return false;
  const char32_t f = c.first, l = c.last;
  auto alnum = [](char32_t x) {
    return (x >= '0' && x <= '9') || (x >= 'A' && x <= 'Z') || (x >= 'a' && x <= 'z') || (x >= 0xC0 && x <= 0x24F) ||
           x == '%' || x == 0x2030;
  };
  return alnum(f) || alnum(l);
}

}  // namespace

// Spans with a box width (list labels, note numbers) are padded to it on
// their last cluster, so the text after them lines up.
void widen_boxes(const CollectedText& text, std::vector<Cluster>& cs) {
  size_t k = 0;
  for (const Span& sp : text.spans) {
    const double box = text.styles[sp.style].box_width;
    if (box <= 0) continue;
    while (k < cs.size() && cs[k].end <= sp.begin) ++k;
    double w = 0;
    size_t last = SIZE_MAX;
    for (size_t j = k; j < cs.size() && cs[j].begin < sp.end; ++j) {
      w += cs[j].width;
      last = j;
    }
    if (last != SIZE_MAX) {
      if (box > w) cs[last].width += box - w;
      cs[last].box_end = true;
    }
  }
}

// Two adjacent full-width marks would show a double gap (。” ）。 ，“ “《):
// the blank between them is removed once, so the pair takes 1.5 em (clreq
// 3.1.6). An opening and a closing mark in that order keep their blanks.
void compress_adjacent(std::vector<Cluster>& cs) {
  const size_t n = cs.size();
  if (n < 2) return;
  // A footnote marker between two marks (。¹”) does not keep them apart:
  // the first cluster at or after k that is not a marker (the last one if
  // all are), found once rather than by walking every run of markers from
  // each cluster before it (4,000 notes in a row took seconds).
  std::vector<size_t> unattached(n);
  unattached[n - 1] = n - 1;
  for (size_t k = n - 1; k-- > 0;) unattached[k] = cs[k].attached ? unattached[k + 1] : k;
  for (size_t i = 0; i + 1 < n; ++i) {
    Cluster& a = cs[i];
    Cluster& b = cs[unattached[i + 1]];
    if (!a.wide || !b.wide || !is_cjk_punct(a.cls) || !is_cjk_punct(b.cls)) continue;
    if (is_question_or_bang(a.last) && is_question_or_bang(b.first)) {
      // ？！ ？？ ！？ ！！ read as one mark and take one em together
      // (layout-rules §4): each in half an em, its ink centred there.
      halve(a);
      halve(b);
      continue;
    }
    if (a.blank_right >= b.blank_left && a.blank_right > 0) {
      trim_right(a);
    } else if (b.blank_left > 0) {
      trim_left(b);
    }
  }
}

// A quarter em between Han and Latin letters or digits (clreq 3.2.1, Word's
// "自动调整中文与西文/数字的间距"), but not on top of a space the source
// already has there: such a space becomes the quarter em, so 占比达 32% and
// 占比达32% print alike.
void space_han_and_latin(std::vector<Cluster>& cs) {
  for (size_t i = 0; i + 1 < cs.size(); ++i) {
    Cluster& a = cs[i];
    const Cluster& b = cs[i + 1];
    if (a.box_end) continue;
    if ((is_han_letter(a) && is_latin_letter(b)) || (is_latin_letter(a) && is_han_letter(b))) {
      a.gap_after = 0.25 * (a.wide ? a.em : b.em);
    } else if (a.space && i > 0 && i + 1 < cs.size()) {
      const Cluster& before = cs[i - 1];
      if ((is_han_letter(before) && is_latin_letter(b)) || (is_latin_letter(before) && is_han_letter(b))) {
        a.width = 0.25 * (before.wide ? before.em : b.em);
      }
    }
  }
}

}  // namespace banshi
